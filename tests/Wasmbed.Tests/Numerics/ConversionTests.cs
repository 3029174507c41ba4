using System.Numerics;
using Wasmbed.Runtime.Numerics;
using static Wasmbed.Tests.Numerics.FloatBits;

namespace Wasmbed.Tests.Numerics;

// Expected values from conversions.wast unless a comment says otherwise.
public class ConversionTests
{
    private static void Traps(TrapCode code, Action action) => Assert.Equal(code, Assert.Throws<TrapException>(action).Code);

    [Fact]
    public void I32TruncF32_boundaries()
    {
        Assert.Equal(int.MinValue, FloatOps.I32TruncF32S(-2147483648f));
        Assert.Equal(2147483520, FloatOps.I32TruncF32S(2147483520f));
        Assert.Equal(-1, FloatOps.I32TruncF32S(-1.9f));
        Assert.Equal(0, FloatOps.I32TruncF32S(F32(0x8000_0001)));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF32S(2147483648f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF32S(-2147483904f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF32S(float.NegativeInfinity));
        Traps(TrapCode.InvalidConversionToInteger, () => FloatOps.I32TruncF32S(F32(0xffa0_0000)));

        Assert.Equal(int.MinValue, FloatOps.I32TruncF32U(2147483648f));
        Assert.Equal(-256, FloatOps.I32TruncF32U(4294967040f));
        Assert.Equal(0, FloatOps.I32TruncF32U(F32(0xbf7f_ffff))); // -0x1.fffffep-1
        Assert.Equal(0, FloatOps.I32TruncF32U(-0f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF32U(4294967296f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF32U(-1f));
        Traps(TrapCode.InvalidConversionToInteger, () => FloatOps.I32TruncF32U(CanonicalNaN32));
    }

    [Fact]
    public void I32TruncF64_boundaries()
    {
        Assert.Equal(int.MinValue, FloatOps.I32TruncF64S(-2147483648.9));
        Assert.Equal(int.MaxValue, FloatOps.I32TruncF64S(2147483647.9));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF64S(2147483648.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF64S(-2147483649.0));
        Traps(TrapCode.InvalidConversionToInteger, () => FloatOps.I32TruncF64S(SignalingNaN64));

        Assert.Equal(-1, FloatOps.I32TruncF64U(4294967295.0));
        Assert.Equal(-1, FloatOps.I32TruncF64U(4294967295.9)); // still truncates into range
        Assert.Equal(0, FloatOps.I32TruncF64U(-0.9999));
        Assert.Equal(0, FloatOps.I32TruncF64U(F64(0xbfef_ffff_ffff_ffff))); // -0x1.fffffffffffffp-1
        Assert.Equal(100000000, FloatOps.I32TruncF64U(1e8));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF64U(4294967296.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF64U(-1.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I32TruncF64U(1e16));
        Traps(TrapCode.InvalidConversionToInteger, () => FloatOps.I32TruncF64U(-double.NaN));
    }

    [Fact]
    public void I64Trunc_boundaries()
    {
        Assert.Equal(long.MinValue, FloatOps.I64TruncF32S(-9223372036854775808f));
        Assert.Equal(9223371487098961920L, FloatOps.I64TruncF32S(9223371487098961920f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF32S(9223372036854775808f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF32S(-9223373136366403584f));

        Assert.Equal(unchecked((long)0xffff_ff00_0000_0000), FloatOps.I64TruncF32U(18446742974197923840f));
        Assert.Equal(0L, FloatOps.I64TruncF32U(F32(0xbf7f_ffff)));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF32U(18446744073709551616f));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF32U(-1f));

        Assert.Equal(long.MinValue, FloatOps.I64TruncF64S(-9223372036854775808.0));
        Assert.Equal(9223372036854774784L, FloatOps.I64TruncF64S(9223372036854774784.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF64S(9223372036854775808.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF64S(-9223372036854777856.0));

        Assert.Equal(unchecked((long)0xffff_ffff_ffff_f800), FloatOps.I64TruncF64U(18446744073709549568.0));
        Assert.Equal(0L, FloatOps.I64TruncF64U(-0.9999));
        Assert.Equal(unchecked((long)0x8000_0000_0000_0000), FloatOps.I64TruncF64U(9223372036854775808.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF64U(18446744073709551616.0));
        Traps(TrapCode.IntegerOverflow, () => FloatOps.I64TruncF64U(-1.0));
        Traps(TrapCode.InvalidConversionToInteger, () => FloatOps.I64TruncF64U(double.NaN));
    }

    [Fact]
    public void TruncSat_maps_NaN_to_zero_and_clamps()
    {
        Assert.Equal(0, FloatOps.I32TruncSatF32S(F32(0xffa0_0000)));
        Assert.Equal(int.MaxValue, FloatOps.I32TruncSatF32S(2147483648f));
        Assert.Equal(int.MinValue, FloatOps.I32TruncSatF32S(-2147483904f));
        Assert.Equal(int.MinValue, FloatOps.I32TruncSatF32S(float.NegativeInfinity));
        Assert.Equal(-1, FloatOps.I32TruncSatF32U(4294967296f)); // 0xffffffff
        Assert.Equal(0, FloatOps.I32TruncSatF32U(-1f));
        Assert.Equal(0, FloatOps.I32TruncSatF32U(CanonicalNaN32));
        Assert.Equal(int.MaxValue, FloatOps.I32TruncSatF64S(2147483648.0));
        Assert.Equal(int.MinValue, FloatOps.I32TruncSatF64S(-2147483649.0));
        Assert.Equal(int.MinValue, FloatOps.I32TruncSatF64S(-2147483648.9));
        Assert.Equal(-1, FloatOps.I32TruncSatF64U(1e16));
        Assert.Equal(0, FloatOps.I32TruncSatF64U(-0.9999));
        Assert.Equal(long.MaxValue, FloatOps.I64TruncSatF32S(9223372036854775808f));
        Assert.Equal(long.MinValue, FloatOps.I64TruncSatF32S(float.NegativeInfinity));
        Assert.Equal(-1L, FloatOps.I64TruncSatF32U(18446744073709551616f));
        Assert.Equal(0L, FloatOps.I64TruncSatF32U(float.NegativeInfinity));
        Assert.Equal(long.MaxValue, FloatOps.I64TruncSatF64S(9223372036854775808.0));
        Assert.Equal(0L, FloatOps.I64TruncSatF64S(-double.NaN));
        Assert.Equal(-1L, FloatOps.I64TruncSatF64U(double.PositiveInfinity));
        Assert.Equal(unchecked((long)0xffff_ffff_ffff_f800), FloatOps.I64TruncSatF64U(18446744073709549568.0));
    }

    [Theory]
    [InlineData(16777217L, 16777216f)]
    [InlineData(16777219L, 16777220f)]
    [InlineData(0x7fffff4000000001L, 9223371487098961920f)]        // 0x1.fffffep+62: double rounding would give 2^63
    [InlineData(unchecked((long)0x8000004000000001), -9223371487098961920f)]
    [InlineData(0x0020000020000001L, 9007200328482816f)]           // 0x1.000002p+53
    [InlineData(unchecked((long)0xffdfffffdfffffff), -9007200328482816f)]
    [InlineData(long.MinValue, -9223372036854775808f)]
    [InlineData(long.MaxValue, 9223372036854775808f)]
    [InlineData(314159265358979L, 314159265361920f)]               // 0x1.1db9e8p+48
    public void F32ConvertI64S_rounds_once(long input, float expected) => Same(expected, FloatOps.F32ConvertI64S(input));

    [Theory]
    [InlineData(0x0020000020000001UL, 9007200328482816f)]
    [InlineData(0x7fffffbfffffffffUL, 9223371487098961920f)]       // 0x1.fffffep+62
    [InlineData(0x8000008000000001UL, 9223373136366403584f)]       // 0x1.000002p+63
    [InlineData(0xfffffe8000000001UL, 18446742974197923840f)]      // 0x1.fffffep+63
    [InlineData(0xffffffffffffffffUL, 18446744073709551616f)]
    [InlineData(0x8000000000000000UL, 9223372036854775808f)]
    [InlineData(16777219UL, 16777220f)]
    public void F32ConvertI64U_rounds_once(ulong input, float expected) => Same(expected, FloatOps.F32ConvertI64U((long)input));

    [Theory]
    [InlineData(0x8000000000000400UL, 0x43e0_0000_0000_0000UL)]    // 0x1.0000000000000p+63
    [InlineData(0x8000000000000401UL, 0x43e0_0000_0000_0001UL)]    // 0x1.0000000000001p+63
    [InlineData(0x8000000000000402UL, 0x43e0_0000_0000_0001UL)]
    [InlineData(0xfffffffffffff400UL, 0x43ef_ffff_ffff_fffeUL)]    // 0x1.ffffffffffffep+63
    [InlineData(0xfffffffffffff401UL, 0x43ef_ffff_ffff_ffffUL)]
    [InlineData(0xfffffffffffff402UL, 0x43ef_ffff_ffff_ffffUL)]
    [InlineData(0xffffffffffffffffUL, 0x43f0_0000_0000_0000UL)]    // 2^64
    [InlineData(9007199254740993UL, 0x4340_0000_0000_0000UL)]      // 2^53
    [InlineData(9007199254740995UL, 0x4340_0000_0000_0002UL)]      // 9007199254740996
    public void F64ConvertI64U_rounds_once(ulong input, ulong expectedBits) => Same(F64(expectedBits), FloatOps.F64ConvertI64U((long)input));

    [Fact]
    public void Convert_i32_cases()
    {
        Same(2147483648f, FloatOps.F32ConvertI32S(int.MaxValue));
        Same(-2147483648f, FloatOps.F32ConvertI32S(int.MinValue));
        Same(16777216f, FloatOps.F32ConvertI32S(16777217));
        Same(4294967296f, FloatOps.F32ConvertI32U(-1));
        Same(2147483648f, FloatOps.F32ConvertI32U(int.MinValue));
        Same(F32(0x4f00_0001), FloatOps.F32ConvertI32U(unchecked((int)0x8000_0081))); // just above the tie → up
        Same(2147483648f, FloatOps.F32ConvertI32U(unchecked((int)0x8000_0080)));     // tie → even (down)
        Same(F32(0x4f7f_fffe), FloatOps.F32ConvertI32U(unchecked((int)0xffff_fe80))); // 0x1.fffffcp+31 (tie → even)
        Same(F32(0x4f7f_ffff), FloatOps.F32ConvertI32U(unchecked((int)0xffff_fe81))); // 0x1.fffffep+31
        Same(4294967295.0, FloatOps.F64ConvertI32U(-1));
        Same(-2147483648.0, FloatOps.F64ConvertI32S(int.MinValue));
    }

    /// <summary>Random and tie-adjacent integers against a plain integer reference rounding.</summary>
    [Fact]
    public void Integer_to_float_conversions_match_a_reference_rounding()
    {
        var random = new Random(20240601);
        for (int i = 0; i < 200_000; i++)
        {
            ulong u = RandomInteresting(random);
            Same(ReferenceRound32(u), FloatOps.F32ConvertI64U((long)u));
            Same(ReferenceRound64(u), FloatOps.F64ConvertI64U((long)u));
            long s = (long)u;
            ulong magnitude = s < 0 ? 0UL - (ulong)s : (ulong)s;
            float expected32 = ReferenceRound32(magnitude);
            double expected64 = ReferenceRound64(magnitude);
            Same(s < 0 ? -expected32 : expected32, FloatOps.F32ConvertI64S(s));
            Same(s < 0 ? -expected64 : expected64, FloatOps.F64ConvertI64S(s));
            uint w = (uint)u;
            Same(ReferenceRound32(w), FloatOps.F32ConvertI32U((int)w));
        }
    }

    private static ulong RandomInteresting(Random random)
    {
        ulong bits = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
        int length = random.Next(1, 65);
        bits = length == 64 ? bits : bits & ((1UL << length) - 1);
        // Often force the bits just below a rounding position into a tie or near-tie pattern.
        if (random.Next(2) == 0 && length > 26)
        {
            int cut = length - 25 - random.Next(0, 30);
            if (cut > 1)
            {
                ulong pattern = random.Next(3) switch { 0 => 1UL << (cut - 1), 1 => (1UL << (cut - 1)) + 1, _ => (1UL << (cut - 1)) - 1 };
                bits = (bits & ~((1UL << cut) - 1)) | pattern;
            }
        }
        return bits;
    }

    private static float ReferenceRound32(ulong u) => (float)ReferenceRound(u, 24);

    private static double ReferenceRound64(ulong u) => ReferenceRound(u, 53);

    /// <summary>u rounded to <paramref name="precision"/> significant bits, ties to even, as an exact double.</summary>
    private static double ReferenceRound(ulong u, int precision)
    {
        int length = 64 - BitOperations.LeadingZeroCount(u);
        if (length <= precision) return (double)(long)(u >> 1) * 2 + (u & 1); // exact
        int shift = length - precision;
        ulong kept = u >> shift;
        ulong rest = u & ((1UL << shift) - 1);
        ulong half = 1UL << (shift - 1);
        if (rest > half || (rest == half && (kept & 1) == 1)) kept++;
        return Math.ScaleB((double)kept, shift); // kept ≤ 2^precision: exact
    }

    [Fact]
    public void Demote_and_promote_keep_NaN_classes()
    {
        Assert.True(IsCanonical(FloatOps.F32DemoteF64(CanonicalNaN64)));
        Assert.True(IsCanonical(FloatOps.F32DemoteF64(-CanonicalNaN64)));
        Assert.True(IsArithmetic(FloatOps.F32DemoteF64(SignalingNaN64)));
        Assert.True(IsArithmetic(FloatOps.F32DemoteF64(F64(0x7ff0_0000_0000_0001)))); // payload only in the low bits
        Assert.True(IsCanonical(FloatOps.F64PromoteF32(CanonicalNaN32)));
        Assert.True(IsArithmetic(FloatOps.F64PromoteF32(SignalingNaN32)));
        Same(F32(0x0000_0001), FloatOps.F32DemoteF64(F64(0x36a0_0000_0000_0000))); // 0x1p-149
        Same(0f, FloatOps.F32DemoteF64(F64(0x3690_0000_0000_0000)));                 // 0x1p-150 ties to even → 0
        Same(F32(0x7f7f_ffff), FloatOps.F32DemoteF64(F64(0x47ef_ffff_efff_ffff)));   // just below the overflow midpoint
        Same(float.PositiveInfinity, FloatOps.F32DemoteF64(F64(0x47ef_ffff_f000_0000)));
        Same(-0f, FloatOps.F32DemoteF64(-0.0));
        Same(F64(0x36a0_0000_0000_0000), FloatOps.F64PromoteF32(F32(1)));
    }

    [Fact]
    public void Reinterpretations_keep_every_bit()
    {
        Same(F32(0x7fa0_0001), FloatOps.F32ReinterpretI32(0x7fa0_0001));
        Assert.Equal(unchecked((int)0xffa0_0001), FloatOps.I32ReinterpretF32(F32(0xffa0_0001)));
        Same(F64(0x7ff4_0000_0000_0001), FloatOps.F64ReinterpretI64(0x7ff4_0000_0000_0001));
        Assert.Equal(unchecked((long)0xfff4_0000_0000_0001), FloatOps.I64ReinterpretF64(F64(0xfff4_0000_0000_0001)));
    }
}
