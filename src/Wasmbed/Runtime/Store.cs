namespace Wasmbed;

using Wasmbed.Runtime;

/// <summary>
/// Owns everything instances create at run time: functions, memories, tables, globals, references and
/// the execution stack. A store is used by one thread at a time.
/// </summary>
/// <remarks>Step 3 of embedding: everything instantiated in a store lives as long as the store.</remarks>
public sealed partial class Store
{
    private readonly List<object> _references = [];
    private readonly Dictionary<object, ulong> _externHandles = new(ReferenceEqualityComparer.Instance);

    /// <summary>Creates a store for modules of <paramref name="engine"/>, with <paramref name="limits"/> (defaults when null).</summary>
    public Store(Engine engine, StoreLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.ThrowIfDisposed();
        Engine = engine;
        Limits = limits ?? new StoreLimits();
        Resources = new StoreResources(Limits);
    }

    /// <summary>The engine whose modules can be instantiated here.</summary>
    public Engine Engine { get; }

    /// <summary>The resource limits of this store.</summary>
    public StoreLimits Limits { get; }

    /// <summary>What the store has allocated, checked against <see cref="Limits"/>.</summary>
    internal StoreResources Resources { get; }

    /// <summary>Per-store state of the interpreter (its value and frame stacks), created on first use.</summary>
    internal object? InterpreterState { get; set; }

    /// <summary>Per-store state of the code generator (call depth and stack guard of compiled code), created on first use.</summary>
    internal object? CompilerState { get; set; }

    /// <summary>Registers a function and gives it its reference handle.</summary>
    internal void Register(FunctionInstance function)
    {
        if (function.Store is not null && function.Store != this)
            throw new InvalidOperationException("a function belongs to one store");
        if (function.Handle != 0) return;
        _references.Add(function);
        function.Store = this;
        function.Handle = (ulong)_references.Count;
    }

    /// <summary>The handle of a host (extern) reference; the same object always gets the same handle. Null is 0.</summary>
    internal ulong GetExternHandle(object? value)
    {
        if (value is null) return 0;
        if (value is FunctionInstance) throw new ArgumentException("a function is not an extern reference", nameof(value));
        if (_externHandles.TryGetValue(value, out var handle)) return handle;
        _references.Add(value);
        handle = (ulong)_references.Count;
        _externHandles.Add(value, handle);
        return handle;
    }

    /// <summary>The object behind a non-null handle: a <see cref="FunctionInstance"/> or a host object.</summary>
    internal object ResolveReference(ulong handle) => _references[(int)(handle - 1)];

    /// <summary>The function behind a non-null funcref handle.</summary>
    internal FunctionInstance ResolveFunction(ulong handle) => (FunctionInstance)_references[(int)(handle - 1)];
}
