using System.Reflection;
using Wasmbed.Compiler.Runtime;

namespace Wasmbed.Compiler;

/// <summary>The entry of a compiled function for callers holding slots: the host, the interpreter, other tiers.</summary>
internal delegate void SlotsEntry(ref ulong slots, object context, int remainingDepth);

/// <summary>
/// A module's compiled code (<see cref="Module.CompiledCode"/>), shared by all its instances: the generated context
/// type, the typed function pointers, the slots entries and the per-signature adapters.
/// </summary>
/// <remarks>
/// The code lives in a collectible assembly (unless <see cref="IlCompiler.Collectible"/> is off); this object holds its
/// <see cref="ContextType"/>, which keeps it loaded as long as the module or any instance (through its context object)
/// is reachable.
/// </remarks>
internal sealed class CompiledModule
{
    public required Module Module { get; init; }

    /// <summary>The generated subclass of <see cref="CompiledInstance"/>; its static methods are the compiled functions.</summary>
    public required Type ContextType { get; init; }

    /// <summary>Per defined function: the slots entry.</summary>
    public required SlotsEntry[] Entries { get; init; }

    /// <summary>Per defined function: the typed static method.</summary>
    public required MethodInfo[] Functions { get; init; }

    /// <summary>Per defined function: the typed static method's entry point (see <see cref="Emit.ClrTypes.ParametersOf"/>).</summary>
    public required nint[] FunctionPointers { get; init; }

    /// <summary>Per type index: the adapter that calls a <see cref="SlotsCallTarget"/> with that signature.</summary>
    public required nint[] AdapterPointers { get; init; }

    public required FieldInfo? MemoryField { get; init; }

    public required FieldInfo[] GlobalFields { get; init; }

    public required FieldInfo[] ImportContextFields { get; init; }

    public required FieldInfo[] ImportPointerFields { get; init; }

    /// <summary>The compiled code of <paramref name="module"/>, compiling it on first use (the first finished compilation wins).</summary>
    public static CompiledModule Of(Module module)
    {
        if (Volatile.Read(ref module.CompiledCode) is CompiledModule existing) return existing;
        var compiled = ModuleCompiler.Compile(module, module.Engine.Options.Compiler as IlCompiler ?? new IlCompiler());
        return (CompiledModule)(Interlocked.CompareExchange(ref module.CompiledCode, compiled, null) ?? compiled);
    }

    public CompiledInstance CreateContext(ModuleInstance instance, CompilerStoreState state)
    {
        var context = (CompiledInstance)Activator.CreateInstance(ContextType)!;
        context.Instance = instance;
        context.State = state;
        context.Code = this;
        if (MemoryField is not null) MemoryField.SetValue(context, instance.Memories[0]);
        for (int i = 0; i < GlobalFields.Length; i++) GlobalFields[i].SetValue(context, instance.Globals[i]);
        var targets = new CallTarget[FunctionPointers.Length];
        for (int i = 0; i < targets.Length; i++) targets[i] = new CallTarget(context, FunctionPointers[i]);
        context.Targets = targets;
        return context;
    }

    /// <summary>Points each imported function's fields at its callee: compiled code directly, anything else through an adapter.</summary>
    public void LinkImports(CompiledInstance context)
    {
        var description = Module.Description;
        for (int i = 0; i < ImportContextFields.Length; i++)
        {
            var target = context.TargetOf(context.Instance.Functions[i], (int)description.ImportedFunctionTypeIndices[i]);
            ImportContextFields[i].SetValue(context, target.Context);
            ImportPointerFields[i].SetValue(context, target.Pointer);
        }
    }
}
