using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// Resource limits of one store, checked the same way on every tier (see docs/sandbox.md). Exceeding a size
/// limit inside WebAssembly is never a host error: <c>memory.grow</c>/<c>table.grow</c> return -1, a too deep
/// call chain or too big frame is a <see cref="TrapCode.CallStackExhausted"/> trap. Exceeding a limit while
/// instantiating fails with <see cref="WasmLinkException"/>.
/// </summary>
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
    /// The most bytes all memories of the store may hold together (host-created ones included). Creating a
    /// memory past it fails to link; <c>memory.grow</c> past it returns -1.
    /// </summary>
    public long MaxStoreMemoryBytes { get; init; } = long.MaxValue;

    /// <summary>
    /// The most elements any one table of the store may have. A module whose table needs more at
    /// instantiation fails to link; <c>table.grow</c> past it returns -1.
    /// </summary>
    public uint MaxTableElements { get; init; } = TableInstance.ImplementationMaxElements;

    /// <summary>The most instances the store may ever create (disposing an instance does not give its place back).</summary>
    public int MaxInstances { get; init; } = 10_000;

    /// <summary>The most tables the store may ever create, defined by modules or by the host.</summary>
    public int MaxTables { get; init; } = 10_000;

    /// <summary>The most memories the store may ever create, defined by modules or by the host.</summary>
    public int MaxMemories { get; init; } = 10_000;

    /// <summary>Asked before every memory or table creation and growth, after the fixed limits above allowed it.</summary>
    public IResourceLimiter? ResourceLimiter { get; init; }
}
