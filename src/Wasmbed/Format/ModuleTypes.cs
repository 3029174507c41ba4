namespace Wasmbed;

/// <summary>Size limits of a memory (in 64 KiB pages) or a table (in elements) (spec 2.3.4).</summary>
public readonly record struct Limits(uint Minimum, uint? Maximum)
{
    public override string ToString() => Maximum is { } max ? $"{Minimum}..{max}" : $"{Minimum}..";
}

/// <summary>A table's element reference type and limits (spec 2.3.6).</summary>
public sealed record TableType(ValueType ElementType, Limits Limits)
{
    public override string ToString() => $"table {Limits} {ElementType.ToText()}";
}

/// <summary>A linear memory's limits in 64 KiB pages (spec 2.3.7).</summary>
public sealed record MemoryType(Limits Limits)
{
    public const int PageSize = 65536;

    /// <summary>The largest page count a 32-bit memory can address (4 GiB).</summary>
    public const uint MaxPages = 65536;

    public override string ToString() => $"memory {Limits}";
}

/// <summary>A global's value type and mutability (spec 2.3.8).</summary>
public readonly record struct GlobalType(ValueType ValueType, bool Mutable)
{
    public override string ToString() => Mutable ? $"(mut {ValueType.ToText()})" : ValueType.ToText();
}

/// <summary>What an import or export refers to; the value is its binary encoding (spec 5.5.5).</summary>
public enum ExternalKind : byte
{
    Function = 0,
    Table = 1,
    Memory = 2,
    Global = 3,
}
