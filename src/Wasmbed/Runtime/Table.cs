using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>A table of references: exported by an instance or created by the host (<see cref="Table(Store, TableType, Value)"/>).</summary>
public sealed class Table : Extern
{
    private Table(Store store, TableInstance inner) : base(store)
    {
        Inner = inner;
    }

    /// <summary>Creates a table of <paramref name="type"/> in <paramref name="store"/>, every element set to <paramref name="initialValue"/>.</summary>
    /// <exception cref="ArgumentException">The type is not valid or the value is not of its element type.</exception>
    /// <exception cref="WasmLinkException">The minimum exceeds the store's <see cref="StoreLimits.MaxTableElements"/>.</exception>
    public Table(Store store, TableType type, Value initialValue) : base(store)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.ElementType.IsReference())
            throw new ArgumentException("a table's element type must be funcref or externref", nameof(type));
        if (type.Limits.Maximum < type.Limits.Minimum)
            throw new ArgumentException("size minimum must not be greater than maximum", nameof(type));
        var (bits, _) = RawOf(store, type.ElementType, initialValue);
        Inner = new TableInstance(type, bits, store.Limits.MaxTableElements, store.Resources) { Wrapper = this };
    }

    internal TableInstance Inner { get; }

    internal override object InnerObject => Inner;

    internal static Table Wrap(Store store, TableInstance table) => table.Wrapper ??= new Table(store, table);

    public override ExternalKind Kind => ExternalKind.Table;

    public override ExternType ExternType => ExternType.Of(Type);

    /// <summary>The table's type; the minimum is the current size.</summary>
    public TableType Type => Inner.Type;

    /// <summary>The element type, funcref or externref.</summary>
    public ValueType ElementType => Inner.ElementType;

    /// <summary>The current number of elements.</summary>
    public uint Size => Inner.Size;

    /// <summary>The element at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below <see cref="Size"/>.</exception>
    public Value Get(uint index)
    {
        var elements = Inner.Elements;
        if (index >= (uint)elements.Length) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is outside the table of {elements.Length} elements");
        return Value.FromRaw(Store, Inner.ElementType, elements[index]);
    }

    /// <summary>Sets the element at <paramref name="index"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below <see cref="Size"/>.</exception>
    /// <exception cref="ArgumentException">The value is not of the element type, or is a function of another store.</exception>
    public void Set(uint index, Value value)
    {
        var (bits, _) = RawOf(Store, Inner.ElementType, value);
        var elements = Inner.Elements;
        if (index >= (uint)elements.Length) throw new ArgumentOutOfRangeException(nameof(index), $"index {index} is outside the table of {elements.Length} elements");
        elements[index] = bits;
    }

    /// <summary>Adds <paramref name="delta"/> elements set to <paramref name="initialValue"/>; returns the previous size.</summary>
    /// <exception cref="InvalidOperationException">The table cannot grow that far.</exception>
    public uint Grow(uint delta, Value initialValue)
    {
        if (!TryGrow(delta, initialValue, out uint previous))
            throw new InvalidOperationException($"the table cannot grow from {Size} by {delta} elements");
        return previous;
    }

    /// <summary>Grows the table like <c>table.grow</c>; returns false, leaving it unchanged, when it cannot.</summary>
    public bool TryGrow(uint delta, Value initialValue, out uint previousSize)
    {
        var (bits, _) = RawOf(Store, Inner.ElementType, initialValue);
        int result = Inner.Grow(delta, bits);
        previousSize = result < 0 ? Size : (uint)result;
        return result >= 0;
    }

    private static (ulong, ulong) RawOf(Store store, ValueType elementType, Value value)
    {
        if (value.Type != elementType)
            throw new ArgumentException($"the value is {value.Type.ToText()}, the table holds {elementType.ToText()}", nameof(value));
        return value.ToRaw(store);
    }

    public override string ToString() => $"table of {Size} {ElementType.ToText()}";
}
