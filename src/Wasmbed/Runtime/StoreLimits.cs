namespace Wasmbed;

/// <summary>Resource limits of one store, checked the same way on every tier.</summary>
public sealed class StoreLimits
{
    /// <summary>The deepest chain of nested WebAssembly calls before a <see cref="TrapCode.CallStackExhausted"/> trap.</summary>
    public int MaxCallDepth { get; init; } = 50_000;

    /// <summary>The most 8-byte value-stack slots (locals and operands of all active frames) before a <see cref="TrapCode.CallStackExhausted"/> trap.</summary>
    public int MaxValueStackSlots { get; init; } = 8 * 1024 * 1024;
}
