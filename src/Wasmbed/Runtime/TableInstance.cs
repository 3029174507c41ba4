namespace Wasmbed.Runtime;

/// <summary>
/// A table of references (spec 4.2.7). Elements are reference handles as they appear on the value stack:
/// 0 is null, any other value is a handle issued by the owning <see cref="Store"/>.
/// </summary>
internal sealed class TableInstance
{
    /// <summary>The most elements a table may hold here; growth past it fails with -1.</summary>
    public const uint ImplementationMaxElements = 10_000_000;

    /// <summary>Creates a table of <paramref name="type"/>'s minimum size, admitted by <paramref name="resources"/> (the owning store's) when given.</summary>
    /// <exception cref="WasmLinkException">The minimum exceeds <paramref name="elementLimit"/> or the store refuses it.</exception>
    public TableInstance(TableType type, ulong initialValue = 0, uint elementLimit = ImplementationMaxElements, StoreResources? resources = null)
    {
        ElementType = type.ElementType;
        Maximum = type.Limits.Maximum;
        ElementLimit = Math.Min(elementLimit, ImplementationMaxElements);
        if (type.Limits.Minimum > ElementLimit)
            throw new WasmLinkException($"resource limit exceeded: table of {type.Limits.Minimum} elements exceeds the limit of {ElementLimit} elements");
        resources?.AddTable(type.Limits.Minimum, Maximum);
        Resources = resources;
        Elements = new ulong[type.Limits.Minimum];
        if (initialValue != 0) Array.Fill(Elements, initialValue);
    }

    public ValueType ElementType { get; }

    public ulong[] Elements { get; private set; }

    public uint? Maximum { get; }

    public uint ElementLimit { get; }

    public uint Size => (uint)Elements.Length;

    public TableType Type => new(ElementType, new Limits(Size, Maximum));

    /// <summary>The owning store's accounting, asked before each growth; null for tables outside a store.</summary>
    public StoreResources? Resources { get; }

    /// <summary>spec: 4.4.6 table.grow — returns the old size, or -1 when the table cannot grow.</summary>
    public int Grow(uint delta, ulong initialValue)
    {
        uint old = Size;
        ulong wanted = (ulong)old + delta;
        if (wanted > uint.MaxValue || wanted > (Maximum ?? uint.MaxValue) || wanted > ElementLimit)
            return -1;
        if (delta == 0) return (int)old;
        // spec: 4.4.6 table.grow may fail for any reason the embedder chooses: the store's limiter decides first.
        if (Resources is { } resources && !resources.TableGrowing(old, (uint)wanted, Maximum)) return -1;
        var grown = new ulong[wanted];
        Array.Copy(Elements, grown, Elements.Length);
        if (initialValue != 0) Array.Fill(grown, initialValue, (int)old, (int)delta);
        Elements = grown;
        return (int)old;
    }

    /// <summary>The public wrapper, created on first use so that one table always has one <see cref="Table"/>.</summary>
    public Table? Wrapper { get; set; }
}
