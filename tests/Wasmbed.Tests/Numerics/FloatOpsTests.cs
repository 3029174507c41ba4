using Wasmbed.Runtime.Numerics;
using static Wasmbed.Tests.Numerics.FloatBits;

namespace Wasmbed.Tests.Numerics;

// Expected values from f32.wast, f64.wast, float_misc.wast, float_exprs.wast.
public class FloatOpsTests
{
    [Fact]
    public void Min_and_max_order_signed_zeros()
    {
        Same(-0f, FloatOps.F32Min(0f, -0f));
        Same(-0f, FloatOps.F32Min(-0f, 0f));
        Same(0f, FloatOps.F32Max(0f, -0f));
        Same(0f, FloatOps.F32Max(-0f, 0f));
        Same(-0.0, FloatOps.F64Min(0.0, -0.0));
        Same(0.0, FloatOps.F64Max(-0.0, 0.0));
        Same(-0.5f, FloatOps.F32Min(-0f, -0.5f));
        Same(F32(0x8000_0001), FloatOps.F32Min(F32(0x8000_0001), -0f));
        Same(float.NegativeInfinity, FloatOps.F32Min(float.NegativeInfinity, float.MinValue));
    }

    [Fact]
    public void Min_and_max_propagate_NaN_as_the_spec_classes_require()
    {
        // spec: canonical NaN in → canonical NaN out; any other NaN → arithmetic NaN.
        Assert.True(IsCanonical(FloatOps.F32Min(-0f, CanonicalNaN32)));
        Assert.True(IsCanonical(FloatOps.F32Max(F32(0xffc0_0000), 1f)));
        Assert.True(IsArithmetic(FloatOps.F32Min(-0f, SignalingNaN32)));
        Assert.True(IsArithmetic(FloatOps.F32Max(SignalingNaN32, float.PositiveInfinity)));
        Assert.True(IsArithmetic(FloatOps.F32Min(SignalingNaN32, CanonicalNaN32)));
        Assert.True(IsCanonical(FloatOps.F64Min(CanonicalNaN64, 0.0)));
        Assert.True(IsArithmetic(FloatOps.F64Max(0.0, SignalingNaN64)));
        // The payload survives (only the quiet bit is added): 0x7fa00000 → 0x7fe00000.
        Same(F32(0x7fe0_0000), FloatOps.F32Min(1f, SignalingNaN32));
    }

    [Theory]
    [InlineData(0.5f, 0f)]
    [InlineData(1.5f, 2f)]
    [InlineData(2.5f, 2f)]
    [InlineData(-0.5f, -0f)]
    [InlineData(-1.5f, -2f)]
    [InlineData(-2.5f, -2f)]
    [InlineData(0.49999997f, 0f)]
    [InlineData(8388609f, 8388609f)]
    [InlineData(-8388607.5f, -8388608f)] // 0x1.fffffep+22 rounds to even
    public void F32Nearest_rounds_ties_to_even_and_keeps_the_sign_of_zero(float input, float expected)
    {
        Same(expected, FloatOps.F32Nearest(input));
        Same((double)expected, FloatOps.F64Nearest(input));
    }

    [Fact]
    public void F64Nearest_rounds_ties_to_even_and_keeps_the_sign_of_zero()
    {
        Same(-0.0, FloatOps.F64Nearest(-0.5));
        Same(-0.0, FloatOps.F64Nearest(-0.0));
        Same(2.0, FloatOps.F64Nearest(2.5));
        Same(4503599627370496.0, FloatOps.F64Nearest(4503599627370495.5)); // 0x1.fffffffffffffp+51
        Same(-4503599627370496.0, FloatOps.F64Nearest(-4503599627370495.5));
        Same(0.0, FloatOps.F64Nearest(0.49999999999999994)); // largest double below 0.5
    }

    [Fact]
    public void Rounding_keeps_negative_zero()
    {
        Same(-0f, FloatOps.F32Ceil(-0.5f));
        Same(-0f, FloatOps.F32Trunc(-0.9f));
        Same(-0f, FloatOps.F32Floor(-0f));
        Same(-1f, FloatOps.F32Floor(-F32(1)));
        Same(1f, FloatOps.F32Ceil(F32(1)));
        Same(-0.0, FloatOps.F64Ceil(-0.5));
        Same(-0.0, FloatOps.F64Trunc(-0.5));
        Same(-1.0, FloatOps.F64Floor(-0.5));
    }

    [Fact]
    public void Rounding_and_sqrt_of_NaN_give_arithmetic_NaNs()
    {
        foreach (var op in new Func<float, float>[] { FloatOps.F32Ceil, FloatOps.F32Floor, FloatOps.F32Trunc, FloatOps.F32Nearest, FloatOps.F32Sqrt })
        {
            Assert.True(IsCanonical(op(CanonicalNaN32)));
            Assert.True(IsArithmetic(op(SignalingNaN32)));
        }
        foreach (var op in new Func<double, double>[] { FloatOps.F64Ceil, FloatOps.F64Floor, FloatOps.F64Trunc, FloatOps.F64Nearest, FloatOps.F64Sqrt })
        {
            Assert.True(IsCanonical(op(CanonicalNaN64)));
            Assert.True(IsArithmetic(op(SignalingNaN64)));
        }
        Assert.True(IsCanonical(FloatOps.F32Sqrt(-1f)));
        Assert.True(IsCanonical(FloatOps.F64Sqrt(-0.5)));
        Same(-0f, FloatOps.F32Sqrt(-0f));
    }

    [Fact]
    public void Abs_neg_and_copysign_are_bit_operations_that_keep_NaN_payloads()
    {
        Same(F32(0x7fa0_0000), FloatOps.F32Abs(F32(0xffa0_0000)));
        Same(F32(0xffa0_0000), FloatOps.F32Neg(F32(0x7fa0_0000)));
        Same(F32(0xffa0_0000), FloatOps.F32Copysign(F32(0x7fa0_0000), -0f));
        Same(F32(0x7fa0_0000), FloatOps.F32Copysign(F32(0xffa0_0000), CanonicalNaN32));
        Same(-0f, FloatOps.F32Neg(0f));
        Same(F64(0x7ff4_0000_0000_0000), FloatOps.F64Abs(F64(0xfff4_0000_0000_0000)));
        Same(F64(0xfff4_0000_0000_0000), FloatOps.F64Neg(SignalingNaN64));
        Same(-2.0, FloatOps.F64Copysign(2.0, F64(0xfff8_0000_0000_0000)));
        Same(2.0, FloatOps.F64Copysign(-2.0, 0.0));
    }
}
