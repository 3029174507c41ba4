namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// The context argument of compiled functions: one per module instance (<see cref="ModuleInstance.CompiledState"/>).
/// Each compiled module derives a sealed class from it with one field per memory, global and imported function,
/// so that generated code reaches them with a single load and no bounds check.
/// </summary>
public abstract class CompiledInstance
{
    internal ModuleInstance Instance = null!;

    internal CompilerStoreState State = null!;

    internal CompiledModule Code = null!;

    /// <summary>Per defined function: how other instances and call_indirect reach it.</summary>
    internal CallTarget[] Targets = [];

    /// <summary>
    /// call_indirect's recent resolutions, direct-mapped by function handle: a function and an expected type always
    /// resolve to the same target (or trap), whatever table slot they come from.
    /// </summary>
    internal readonly IndirectCacheEntry[] IndirectCache = new IndirectCacheEntry[IndirectCacheSize];

    internal const int IndirectCacheSize = 64;

    internal struct IndirectCacheEntry
    {
        /// <summary>The function handle and the expected type, as made by <see cref="KeyOf"/>; 0 for an empty entry.</summary>
        public ulong Key;
        public CallTarget? Target;

        /// <summary>
        /// One word for a (handle, type index) pair, never 0: handles are below 2^32 (they number the store's
        /// references) and the type index is stored plus one above them.
        /// </summary>
        public static ulong KeyOf(ulong handle, int typeIndex) => handle | ((ulong)(uint)(typeIndex + 1) << 32);
    }

    /// <summary>Adapters for callees reached through slots (host functions, uncompiled code), made on first use.</summary>
    internal Dictionary<FunctionInstance, CallTarget>? SlotsTargets;

    /// <summary>The call target for <paramref name="function"/> when called from this instance with type <paramref name="typeIndex"/>.</summary>
    internal CallTarget TargetOf(FunctionInstance function, int typeIndex)
    {
        if (function is WasmFunction wasm && Dispatch.IsCompiled(State.Store, wasm))
            return Dispatch.ContextOf(wasm.Instance).Targets[wasm.DefinedIndex];
        var targets = SlotsTargets ??= new Dictionary<FunctionInstance, CallTarget>(ReferenceEqualityComparer.Instance);
        if (!targets.TryGetValue(function, out var target))
        {
            target = new SlotsCallTarget(function, Instance, State, Code.AdapterPointers[typeIndex]);
            targets.Add(function, target);
        }
        return target;
    }
}
