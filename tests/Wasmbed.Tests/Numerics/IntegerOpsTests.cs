using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Tests.Numerics;

// Expected values from i32.wast / i64.wast.
public class IntegerOpsTests
{
    [Fact]
    public void DivS_traps_on_zero_and_on_min_by_minus_one()
    {
        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => IntegerOps.I32DivS(1, 0)).Code);
        Assert.Equal(TrapCode.IntegerOverflow, Assert.Throws<TrapException>(() => IntegerOps.I32DivS(int.MinValue, -1)).Code);
        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => IntegerOps.I64DivS(1, 0)).Code);
        Assert.Equal(TrapCode.IntegerOverflow, Assert.Throws<TrapException>(() => IntegerOps.I64DivS(long.MinValue, -1)).Code);
        Assert.Equal(-2, IntegerOps.I32DivS(-5, 2)); // truncates toward zero
        Assert.Equal(int.MinValue / 2, IntegerOps.I32DivS(int.MinValue, 2));
    }

    [Fact]
    public void DivU_and_RemU_treat_operands_as_unsigned()
    {
        Assert.Equal(0x4000_0000, IntegerOps.I32DivU(int.MinValue, 2));
        Assert.Equal(0, IntegerOps.I32DivU(-5, -2)); // 0xfffffffb / 0xfffffffe
        Assert.Equal(-5, IntegerOps.I32RemU(-5, -2)); // 0xfffffffb % 0xfffffffe = 0xfffffffb
        Assert.Equal(0x4000_0000_0000_0000, IntegerOps.I64DivU(long.MinValue, 2));
        Assert.Equal(1, IntegerOps.I64RemU(-1, 2)); // 0xffffffffffffffff % 2
        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => IntegerOps.I32RemU(1, 0)).Code);
        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => IntegerOps.I64DivU(1, 0)).Code);
    }

    [Fact]
    public void RemS_of_min_by_minus_one_is_zero_not_a_trap()
    {
        Assert.Equal(0, IntegerOps.I32RemS(int.MinValue, -1));
        Assert.Equal(0L, IntegerOps.I64RemS(long.MinValue, -1));
        Assert.Equal(-1, IntegerOps.I32RemS(-5, 2)); // sign of the dividend
        Assert.Equal(1, IntegerOps.I32RemS(5, -2));
        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => IntegerOps.I32RemS(1, 0)).Code);
        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => IntegerOps.I64RemS(1, 0)).Code);
    }

    [Fact]
    public void Rotations_and_shifts_take_the_count_modulo_the_width()
    {
        Assert.Equal(unchecked((int)0xfe00dc00), IntegerOps.I32Rotl(unchecked((int)0xfe00dc00), 32));
        Assert.Equal(0x579b30ed, IntegerOps.I32Rotl(unchecked((int)0xabcd9876), 1));
        Assert.Equal(unchecked((int)0x00008000), IntegerOps.I32Rotr(1, 0x11));
        Assert.Equal(unchecked((int)0x80000000), IntegerOps.I32Rotl(1, -1));
        Assert.Equal(unchecked((long)0x8000000000000000), IntegerOps.I64Rotl(1, 63));
        Assert.Equal(1L, IntegerOps.I64Rotr(1, 64));
        Assert.Equal(2, IntegerOps.I32Shl(1, 33));
        Assert.Equal(-1, IntegerOps.I32ShrS(int.MinValue, 31 + 32));
        Assert.Equal(1, IntegerOps.I32ShrU(int.MinValue, -1));
        Assert.Equal(1L, IntegerOps.I64ShrU(long.MinValue, 63 + 64));
    }

    [Fact]
    public void Bit_counts()
    {
        Assert.Equal(32, IntegerOps.I32Clz(0));
        Assert.Equal(32, IntegerOps.I32Ctz(0));
        Assert.Equal(0, IntegerOps.I32Clz(int.MinValue));
        Assert.Equal(31, IntegerOps.I32Ctz(int.MinValue));
        Assert.Equal(32, IntegerOps.I32Popcnt(-1));
        Assert.Equal(64L, IntegerOps.I64Clz(0));
        Assert.Equal(64L, IntegerOps.I64Ctz(0));
        Assert.Equal(64L, IntegerOps.I64Popcnt(-1));
        Assert.Equal(32L, IntegerOps.I64Popcnt(unchecked((long)0xAAAAAAAA55555555)));
    }

    [Fact]
    public void Sign_extension_uses_only_the_low_bits()
    {
        Assert.Equal(-128, IntegerOps.I32Extend8S(0x80));
        Assert.Equal(0x7f, IntegerOps.I32Extend8S(unchecked((int)0xfedcba7f)));
        Assert.Equal(-32768, IntegerOps.I32Extend16S(0x8000));
        Assert.Equal(-1L, IntegerOps.I64Extend8S(0xff));
        Assert.Equal(0x7fffL, IntegerOps.I64Extend16S(0x1234_5678_9abc_7fffL));
        Assert.Equal(-0x8000_0000L, IntegerOps.I64Extend32S(0x8000_0000L));
        Assert.Equal(0xffff_ffffL, IntegerOps.I64ExtendI32U(-1));
    }
}
