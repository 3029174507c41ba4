using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// The runtime representation of an instantiated module (spec 4.2.5): its index spaces resolved to
/// store objects. Execution tiers read everything they need from here.
/// </summary>
internal sealed class ModuleInstance
{
    public ModuleInstance(Module module, Store store)
    {
        Module = module;
        Store = store;
    }

    public Module Module { get; }

    public Store Store { get; }

    /// <summary>The module's types, interned by the engine (so call_indirect compares references).</summary>
    public FunctionType[] Types { get; set; } = [];

    public FunctionInstance[] Functions { get; set; } = [];

    public TableInstance[] Tables { get; set; } = [];

    public MemoryInstance[] Memories { get; set; } = [];

    public GlobalInstance[] Globals { get; set; } = [];

    /// <summary>Element segments resolved to reference handles; a dropped segment is empty (spec 4.4.6 elem.drop).</summary>
    public ulong[][] ElementSegments { get; set; } = [];

    /// <summary>Data segments' bytes; a dropped segment is empty (spec 4.4.7 data.drop).</summary>
    public ReadOnlyMemory<byte>[] DataSegments { get; set; } = [];

    /// <summary>The name the instance was registered or created under, for backtraces.</summary>
    public string? Name { get; set; }

    /// <summary>Set by <see cref="Instance.Dispose"/>: the host may no longer call into this instance.</summary>
    public bool IsDisposed { get; set; }

    /// <summary>The store object an export refers to: a FunctionInstance, TableInstance, MemoryInstance or GlobalInstance.</summary>
    public object GetExportedObject(ExportDescription export) => export.Kind switch
    {
        ExternalKind.Function => Functions[export.Index],
        ExternalKind.Table => Tables[export.Index],
        ExternalKind.Memory => Memories[export.Index],
        _ => Globals[export.Index],
    };

    /// <summary>The public wrapper of the export called <paramref name="name"/>, or null.</summary>
    public Extern? GetExport(string name) =>
        Module.ExportsByName.TryGetValue(name, out var export) ? WrapExport(export) : null;

    public Extern WrapExport(ExportDescription export) => GetExportedObject(export) switch
    {
        FunctionInstance function => Function.Wrap(function),
        TableInstance table => Table.Wrap(Store, table),
        MemoryInstance memory => Memory.Wrap(Store, memory),
        GlobalInstance global => Global.Wrap(Store, global),
        var other => throw new InvalidOperationException($"unexpected export {other}"),
    };

    /// <summary>The code generator's per-instance state (its view of this instance's memory, globals and imports), created on first use.</summary>
    public object? CompiledState { get; set; }
}
