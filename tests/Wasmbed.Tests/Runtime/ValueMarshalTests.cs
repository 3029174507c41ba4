using Wasmbed.Runtime;

namespace Wasmbed.Tests.Runtime;

/// <summary>The slot encoding of typed values (FunctionInstance.cs documents it): one slot each, two for v128, 32-bit values zero-extended.</summary>
public sealed class ValueMarshalTests
{
    [Fact]
    public void EachTypeTakesItsSlots()
    {
        Span<ulong> slots = stackalloc ulong[8];
        slots.Fill(ulong.MaxValue);
        int index = 0;

        ValueMarshal.Write(slots, ref index, -1);
        ValueMarshal.Write(slots, ref index, -2L);
        ValueMarshal.Write(slots, ref index, -0.0f);
        ValueMarshal.Write(slots, ref index, 1.0);
        ValueMarshal.Write(slots, ref index, new V128(5, 6));
        ValueMarshal.Write(slots, ref index, 7u);

        Assert.Equal(7, index);
        Assert.Equal([0xFFFF_FFFFUL, unchecked((ulong)-2L), 0x8000_0000UL, 0x3FF0_0000_0000_0000UL, 5UL, 6UL, 7UL], slots[..7].ToArray());
        index = 0;
        Assert.Equal(-1, ValueMarshal.Read<int>(slots, ref index));
        Assert.Equal(unchecked((ulong)-2L), ValueMarshal.Read<ulong>(slots, ref index));
        Assert.Equal(0x8000_0000u, BitConverter.SingleToUInt32Bits(ValueMarshal.Read<float>(slots, ref index)));
        Assert.Equal(1.0, ValueMarshal.Read<double>(slots, ref index));
        Assert.Equal(new V128(5, 6), ValueMarshal.Read<V128>(slots, ref index));
        Assert.Equal(7u, ValueMarshal.Read<uint>(slots, ref index));
    }

    [Fact]
    public void TypesMapToWebAssemblyTypes()
    {
        Assert.Equal(ValueType.I32, ValueMarshal.TypeOf<uint>());
        Assert.Equal(ValueType.I64, ValueMarshal.TypeOf<long>());
        Assert.Equal(ValueType.V128, ValueMarshal.TypeOf<V128>());
        Assert.Throws<NotSupportedException>(() => ValueMarshal.TypeOf<short>());
    }
}
