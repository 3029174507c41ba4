using System.Reflection;
using System.Runtime.InteropServices;
using Wasmbed.Compiler.Runtime;

namespace Wasmbed.Compiler.Emit;

/// <summary>The runtime members generated code refers to, looked up once.</summary>
internal static class Members
{
    private const BindingFlags Any = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;

    public static readonly FieldInfo InstanceState = typeof(CompiledInstance).GetField(nameof(CompiledInstance.State), Any)!;
    public static readonly FieldInfo StateStackLimit = typeof(CompilerStoreState).GetField(nameof(CompilerStoreState.StackLimit), Any)!;
    public static readonly MethodInfo CheckStack = typeof(CompilerStoreState).GetMethod(nameof(CompilerStoreState.CheckStack), Any)!;
    public static readonly MethodInfo ProbeStack = typeof(CompilerStoreState).GetMethod(nameof(CompilerStoreState.Probe), Any)!;

    public static readonly MethodInfo Trap = typeof(CompiledRuntime).GetMethod(nameof(CompiledRuntime.Trap), Any)!;
    public static readonly MethodInfo ResolveIndirect = typeof(CompiledRuntime).GetMethod(nameof(CompiledRuntime.ResolveIndirect), Any)!;
    public static readonly FieldInfo CallTargetContext = typeof(CallTarget).GetField(nameof(CallTarget.Context), Any)!;
    public static readonly FieldInfo CallTargetPointer = typeof(CallTarget).GetField(nameof(CallTarget.Pointer), Any)!;

    public static readonly FieldInfo MemoryData = typeof(MemoryInstance).GetField(nameof(MemoryInstance.Data), Any)!;
    public static readonly MethodInfo ArrayDataReference = typeof(MemoryMarshal).GetMethods(BindingFlags.Public | BindingFlags.Static)
        .Single(m => m.Name == nameof(MemoryMarshal.GetArrayDataReference) && m.IsGenericMethodDefinition)
        .MakeGenericMethod(typeof(byte));

    public static readonly FieldInfo GlobalBits = typeof(GlobalInstance).GetField(nameof(GlobalInstance.Bits), Any)!;
    public static readonly FieldInfo GlobalHighBits = typeof(GlobalInstance).GetField(nameof(GlobalInstance.HighBits), Any)!;

    public static readonly ConstructorInfo V128Constructor = typeof(V128).GetConstructor([typeof(ulong), typeof(ulong)])!;
    public static readonly MethodInfo V128Low = typeof(V128).GetProperty(nameof(V128.Low))!.GetMethod!;
    public static readonly MethodInfo V128High = typeof(V128).GetProperty(nameof(V128.High))!.GetMethod!;

    public static readonly MethodInfo Int32BitsToSingle = typeof(BitConverter).GetMethod(nameof(BitConverter.Int32BitsToSingle), [typeof(int)])!;
    public static readonly MethodInfo Int64BitsToDouble = typeof(BitConverter).GetMethod(nameof(BitConverter.Int64BitsToDouble), [typeof(long)])!;
    public static readonly MethodInfo SingleToInt32Bits = typeof(BitConverter).GetMethod(nameof(BitConverter.SingleToInt32Bits), [typeof(float)])!;
    public static readonly MethodInfo DoubleToInt64Bits = typeof(BitConverter).GetMethod(nameof(BitConverter.DoubleToInt64Bits), [typeof(double)])!;

    public static MethodInfo Runtime(string name) => typeof(CompiledRuntime).GetMethod(name, Any) ?? throw new MissingMethodException(nameof(CompiledRuntime), name);
}
