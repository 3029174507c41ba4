using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// Step 5 of embedding: an instantiated module, made by <see cref="Linker.Instantiate"/> (or directly from a list
/// of imports). Its exports are looked up by name: <see cref="GetFunction(string)"/>, <see cref="GetMemory"/>,
/// <see cref="GetTable"/>, <see cref="GetGlobal"/>, or as typed delegates with <c>GetFunction&lt;T..., TResult&gt;</c>.
/// </summary>
public sealed partial class Instance : IDisposable
{
    internal Instance(Store store, Module module, ModuleInstance inner)
    {
        Store = store;
        Module = module;
        Inner = inner;
    }

    /// <summary>
    /// Instantiates <paramref name="module"/> in <paramref name="store"/> with <paramref name="imports"/> given in the
    /// order of <see cref="Module.Imports"/> (the names are not used). <see cref="Linker.Instantiate"/> finds imports by name instead.
    /// </summary>
    /// <exception cref="WasmLinkException">An import is missing, of another store, or of an incompatible type.</exception>
    /// <exception cref="TrapException">A segment is out of bounds or the start function trapped.</exception>
    public Instance(Store store, Module module, params Extern[] imports)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(imports);
        CheckInstantiable(store, module);
        Store = store;
        Module = module;
        Inner = Instantiator.Instantiate(store, module, imports);
    }

    internal ModuleInstance Inner { get; }

    /// <summary>The store the instance lives in.</summary>
    public Store Store { get; }

    /// <summary>The module it was instantiated from.</summary>
    public Module Module { get; }

    /// <summary>All exports in the module's order.</summary>
    public IReadOnlyList<Export> Exports
    {
        get
        {
            ThrowIfDisposed();
            var descriptions = Module.Description.Exports;
            var exports = new Export[descriptions.Count];
            for (int i = 0; i < exports.Length; i++) exports[i] = new Export(descriptions[i].Name, Inner.WrapExport(descriptions[i]));
            return exports;
        }
    }

    /// <summary>The export called <paramref name="name"/>, or null if there is none.</summary>
    public Extern? GetExport(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        ThrowIfDisposed();
        return Inner.GetExport(name);
    }

    /// <summary>The exported function called <paramref name="name"/>, or null if there is no such function export.</summary>
    public Function? GetFunction(string name) => GetExport(name) as Function;

    /// <summary>The exported memory called <paramref name="name"/>, or null if there is no such memory export.</summary>
    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    /// <summary>The exported table called <paramref name="name"/>, or null if there is no such table export.</summary>
    public Table? GetTable(string name) => GetExport(name) as Table;

    /// <summary>The exported global called <paramref name="name"/>, or null if there is no such global export.</summary>
    public Global? GetGlobal(string name) => GetExport(name) as Global;

    internal Function RequireFunction(string name) =>
        GetFunction(name) ?? throw new KeyNotFoundException($"the instance exports no function called \"{name}\"");

    internal static void CheckInstantiable(Store store, Module module)
    {
        module.ThrowIfDisposed();
        module.Engine.ThrowIfDisposed();
        if (module.Engine != store.Engine)
            throw new ArgumentException("the module and the store belong to different engines", nameof(module));
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Inner.IsDisposed, this);

    /// <summary>
    /// Marks the instance disposed: its exports can no longer be looked up and its functions no longer be called
    /// from the host. What it shares through the store (functions in tables, imported memories) keeps working.
    /// </summary>
    public void Dispose()
    {
        Inner.IsDisposed = true;
    }

    public override string ToString() => Inner.Name is { } name ? $"instance of {name}" : "instance";
}

/// <summary>One export of an instance: its name and the item.</summary>
public readonly record struct Export(string Name, Extern Item);
