using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>Resource limits of one store, checked the same way on every tier.</summary>
public sealed class StoreLimits
{
    /// <summary>The deepest chain of nested WebAssembly calls before a <see cref="TrapCode.CallStackExhausted"/> trap.</summary>
    public int MaxCallDepth { get; init; } = 50_000;

    /// <summary>The most 8-byte value-stack slots (locals and operands of all active frames) before a <see cref="TrapCode.CallStackExhausted"/> trap.</summary>
    public int MaxValueStackSlots { get; init; } = 8 * 1024 * 1024;

    /// <summary>
    /// The most 64 KiB pages any one memory of the store may have. A module whose memory needs more at
    /// instantiation fails to link; <c>memory.grow</c> past it returns -1. At most 32767 (just under 2 GiB).
    /// </summary>
    public uint MaxMemoryPages { get; init; } = MemoryInstance.ImplementationMaxPages;

    /// <summary>
    /// The most elements any one table of the store may have. A module whose table needs more at
    /// instantiation fails to link; <c>table.grow</c> past it returns -1.
    /// </summary>
    public uint MaxTableElements { get; init; } = TableInstance.ImplementationMaxElements;
}
