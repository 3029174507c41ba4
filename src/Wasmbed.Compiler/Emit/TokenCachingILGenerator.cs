using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.InteropServices;

namespace Wasmbed.Compiler.Emit;

/// <summary>
/// The metadata tokens of one dynamic module's references to members and types of other assemblies, looked up once.
/// </summary>
/// <remarks>
/// Reflection.Emit looks the token of a referenced method, field or type up again on every Emit that names it: about
/// 2 µs each, against 20 ns for an Emit of a plain opcode. The tokens a module's lookups return never change, so they
/// are kept here; compiling the CoreMark-style benchmark module to IL (warm) took a quarter less time with them.
/// </remarks>
internal sealed class ModuleTokens(ModuleBuilder module)
{
    private readonly Dictionary<MethodBase, (int Token, int Pops, int Pushes)> _methods = [];
    private readonly Dictionary<FieldInfo, int> _fields = [];
    private readonly Dictionary<Type, int> _types = [];

    /// <summary>A method's or constructor's token, with how many values call or newobj with it pops and pushes.</summary>
    public (int Token, int Pops, int Pushes) Of(MethodBase method) => Lookup(_methods, method, m => m is ConstructorInfo constructor
        ? (module.GetMethodMetadataToken(constructor), constructor.GetParameters().Length, 1)
        : (module.GetMethodMetadataToken((MethodInfo)m), m.GetParameters().Length + (m.IsStatic ? 0 : 1), ((MethodInfo)m).ReturnType == typeof(void) ? 0 : 1));

    public int Of(FieldInfo field) => Lookup(_fields, field, module.GetFieldMetadataToken);

    public int Of(Type type) => Lookup(_types, type, module.GetTypeMetadataToken);

    private static TToken Lookup<T, TToken>(Dictionary<T, TToken> tokens, T member, Func<T, TToken> lookup) where T : notnull
    {
        ref TToken token = ref CollectionsMarshal.GetValueRefOrAddDefault(tokens, member, out bool found)!;
        if (!found) token = lookup(member);
        return token;
    }
}

/// <summary>
/// An <see cref="ILGenerator"/> of a run-only dynamic module that emits references to other assemblies' members and
/// types by their tokens from <see cref="ModuleTokens"/>, and everything else through the generator it wraps.
/// </summary>
/// <remarks>
/// An opcode emitted with a token operand counts, for the generator's max-stack computation, with the stack change
/// of the opcode alone. That is exact for field and type operands. For calls it is 0, where the call itself pops its
/// arguments and pushes its result: a call that pushes more than it pops is emitted the ordinary way, and one that
/// pops more leaves the computed depth above the true one by the difference. Too high a max-stack is harmless (only
/// one too low makes the method invalid); to keep it close, calls go the ordinary way once a method has gathered
/// <see cref="MaxStackSurplus"/> of such difference.
/// </remarks>
internal sealed class TokenCachingILGenerator(ILGenerator inner, ModuleTokens tokens) : ILGenerator
{
    private const int MaxStackSurplus = 64;
    private int _stackSurplus;

    public override void Emit(OpCode opcode, MethodInfo meth)
    {
        if (!TryEmitByToken(opcode, opcode == OpCodes.Call && !meth.IsGenericMethod, meth)) inner.Emit(opcode, meth);
    }

    public override void Emit(OpCode opcode, ConstructorInfo con)
    {
        if (!TryEmitByToken(opcode, opcode == OpCodes.Newobj, con)) inner.Emit(opcode, con);
    }

    private bool TryEmitByToken(OpCode opcode, bool eligible, MethodBase method)
    {
        if (!eligible || !IsPlainReference(method)) return false;
        var (token, pops, pushes) = tokens.Of(method);
        if (!TakeSurplus(pops, pushes)) return false;
        inner.Emit(opcode, token);
        return true;
    }

    public override void Emit(OpCode opcode, FieldInfo field)
    {
        if (IsPlainReference(field)) inner.Emit(opcode, tokens.Of(field));
        else inner.Emit(opcode, field);
    }

    public override void Emit(OpCode opcode, Type cls)
    {
        if (IsPlainType(cls)) inner.Emit(opcode, tokens.Of(cls));
        else
            inner.Emit(opcode, cls);
    }

    /// <summary>
    /// Whether <paramref name="member"/> belongs to a plain type of another assembly: members of this module have
    /// cheap tokens already, and references that involve generic instantiations (or arrays, pointers, references) need
    /// a MethodSpec or TypeSpec, which only the generator's own lookup builds.
    /// </summary>
    private static bool IsPlainReference(MemberInfo member) => member.DeclaringType is { } type && IsPlainType(type);

    private static bool IsPlainType(Type type) =>
        type.Module is not ModuleBuilder && !type.IsGenericType && !type.IsGenericParameter && !type.HasElementType;

    /// <summary>Whether a call popping <paramref name="pops"/> and pushing <paramref name="pushes"/> values may go by token.</summary>
    private bool TakeSurplus(int pops, int pushes)
    {
        int surplus = pops - pushes;
        if (surplus < 0 || _stackSurplus + surplus > MaxStackSurplus) return false;
        _stackSurplus += surplus;
        return true;
    }

    public override int ILOffset => inner.ILOffset;
    public override void BeginCatchBlock(Type? exceptionType) => inner.BeginCatchBlock(exceptionType);
    public override void BeginExceptFilterBlock() => inner.BeginExceptFilterBlock();
    public override Label BeginExceptionBlock() => inner.BeginExceptionBlock();
    public override void BeginFaultBlock() => inner.BeginFaultBlock();
    public override void BeginFinallyBlock() => inner.BeginFinallyBlock();
    public override void BeginScope() => inner.BeginScope();
    public override LocalBuilder DeclareLocal(Type localType, bool pinned) => inner.DeclareLocal(localType, pinned);
    public override Label DefineLabel() => inner.DefineLabel();
    public override void Emit(OpCode opcode) => inner.Emit(opcode);
    public override void Emit(OpCode opcode, byte arg) => inner.Emit(opcode, arg);
    public override void Emit(OpCode opcode, short arg) => inner.Emit(opcode, arg);
    public override void Emit(OpCode opcode, long arg) => inner.Emit(opcode, arg);
    public override void Emit(OpCode opcode, float arg) => inner.Emit(opcode, arg);
    public override void Emit(OpCode opcode, double arg) => inner.Emit(opcode, arg);
    public override void Emit(OpCode opcode, int arg) => inner.Emit(opcode, arg);
    public override void Emit(OpCode opcode, SignatureHelper signature) => inner.Emit(opcode, signature);
    public override void Emit(OpCode opcode, Label label) => inner.Emit(opcode, label);
    public override void Emit(OpCode opcode, Label[] labels) => inner.Emit(opcode, labels);
    public override void Emit(OpCode opcode, string str) => inner.Emit(opcode, str);
    public override void Emit(OpCode opcode, LocalBuilder local) => inner.Emit(opcode, local);
    public override void EmitCall(OpCode opcode, MethodInfo methodInfo, Type[]? optionalParameterTypes) => inner.EmitCall(opcode, methodInfo, optionalParameterTypes);
    public override void EmitCalli(OpCode opcode, CallingConventions callingConvention, Type? returnType, Type[]? parameterTypes, Type[]? optionalParameterTypes) =>
        inner.EmitCalli(opcode, callingConvention, returnType, parameterTypes, optionalParameterTypes);
    public override void EmitCalli(OpCode opcode, CallingConvention unmanagedCallConv, Type? returnType, Type[]? parameterTypes) =>
        inner.EmitCalli(opcode, unmanagedCallConv, returnType, parameterTypes);
    public override void EndExceptionBlock() => inner.EndExceptionBlock();
    public override void EndScope() => inner.EndScope();
    public override void MarkLabel(Label loc) => inner.MarkLabel(loc);
    public override void UsingNamespace(string usingNamespace) => inner.UsingNamespace(usingNamespace);
}
