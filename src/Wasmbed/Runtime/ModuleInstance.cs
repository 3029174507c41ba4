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

    /// <summary>The code generator's per-instance state (its view of this instance's memory, globals and imports), created on first use.</summary>
    public object? CompiledState { get; set; }
}
