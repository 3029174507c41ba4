using Wasmbed.Runtime.Numerics;
using static Wasmbed.Tests.Numerics.FloatBits;

namespace Wasmbed.Tests.Numerics;

/// <summary>
/// The vectorised float lane operations must agree bit for bit with the scalar FloatOps
/// (which the scalar tests tie to f32.wast/f64.wast) on every pair of special values, in every lane.
/// </summary>
public class SimdFloatTests
{
    private static IEnumerable<(float, float)> F32Pairs() =>
        from a in SpecialF32 from b in SpecialF32 select (a, b);

    private static IEnumerable<(double, double)> F64Pairs() =>
        from a in SpecialF64 from b in SpecialF64 select (a, b);

    /// <summary>Puts (a, b) in lane <paramref name="lane"/> with other lanes holding unrelated values.</summary>
    private static V128 F32Vector(float x, int lane, float other) =>
        SimdOps.F32x4ReplaceLane(V128.FromF32x4(other, -other, 1f, CanonicalNaN32), lane, x);

    [Fact]
    public void F32x4_binary_lane_ops_match_the_scalar_ops()
    {
        int lane = 0;
        foreach (var (a, b) in F32Pairs())
        {
            lane = (lane + 1) & 3;
            var va = F32Vector(a, lane, 3f);
            var vb = F32Vector(b, lane, -0f);
            Same(FloatOps.F32Min(a, b), SimdOps.F32x4ExtractLane(SimdOps.F32x4Min(va, vb), lane));
            Same(FloatOps.F32Max(a, b), SimdOps.F32x4ExtractLane(SimdOps.F32x4Max(va, vb), lane));
            Same(b < a ? b : a, SimdOps.F32x4ExtractLane(SimdOps.F32x4Pmin(va, vb), lane));
            Same(a < b ? b : a, SimdOps.F32x4ExtractLane(SimdOps.F32x4Pmax(va, vb), lane));
            Assert.Equal(a == b ? -1 : 0, SimdOps.I32x4ExtractLane(SimdOps.F32x4Eq(va, vb), lane));
            Assert.Equal(a != b ? -1 : 0, SimdOps.I32x4ExtractLane(SimdOps.F32x4Ne(va, vb), lane));
            Assert.Equal(a < b ? -1 : 0, SimdOps.I32x4ExtractLane(SimdOps.F32x4Lt(va, vb), lane));
            Assert.Equal(a >= b ? -1 : 0, SimdOps.I32x4ExtractLane(SimdOps.F32x4Ge(va, vb), lane));
            AssertSameNaNClassOrValue(a + b, SimdOps.F32x4ExtractLane(SimdOps.F32x4Add(va, vb), lane), a, b);
            AssertSameNaNClassOrValue(a / b, SimdOps.F32x4ExtractLane(SimdOps.F32x4Div(va, vb), lane), a, b);
        }
    }

    [Fact]
    public void F64x2_binary_lane_ops_match_the_scalar_ops()
    {
        int lane = 0;
        foreach (var (a, b) in F64Pairs())
        {
            lane ^= 1;
            var va = SimdOps.F64x2ReplaceLane(V128.FromF64x2(7.0, 7.0), lane, a);
            var vb = SimdOps.F64x2ReplaceLane(V128.FromF64x2(-0.0, -0.0), lane, b);
            Same(FloatOps.F64Min(a, b), SimdOps.F64x2ExtractLane(SimdOps.F64x2Min(va, vb), lane));
            Same(FloatOps.F64Max(a, b), SimdOps.F64x2ExtractLane(SimdOps.F64x2Max(va, vb), lane));
            Same(b < a ? b : a, SimdOps.F64x2ExtractLane(SimdOps.F64x2Pmin(va, vb), lane));
            Same(a < b ? b : a, SimdOps.F64x2ExtractLane(SimdOps.F64x2Pmax(va, vb), lane));
            Assert.Equal(a <= b ? -1L : 0, SimdOps.I64x2ExtractLane(SimdOps.F64x2Le(va, vb), lane));
            Assert.Equal(a > b ? -1L : 0, SimdOps.I64x2ExtractLane(SimdOps.F64x2Gt(va, vb), lane));
        }
    }

    private static void AssertSameNaNClassOrValue(float expected, float actual, float a, float b)
    {
        if (!float.IsNaN(expected)) { Same(expected, actual); return; }
        bool canonicalInputs = (!float.IsNaN(a) || IsCanonical(a)) && (!float.IsNaN(b) || IsCanonical(b));
        Assert.True(canonicalInputs ? IsCanonical(actual) : IsArithmetic(actual), $"0x{Bits(actual):x8} for {a} op {b}");
    }

    [Fact]
    public void Unary_lane_ops_match_the_scalar_ops()
    {
        foreach (var a in SpecialF32)
        {
            var v = V128.FromF32x4(a, 2.5f, a, -0.5f);
            Same(FloatOps.F32Ceil(a), SimdOps.F32x4ExtractLane(SimdOps.F32x4Ceil(v), 2));
            Same(FloatOps.F32Floor(a), SimdOps.F32x4ExtractLane(SimdOps.F32x4Floor(v), 0));
            Same(FloatOps.F32Trunc(a), SimdOps.F32x4ExtractLane(SimdOps.F32x4Trunc(v), 2));
            Same(FloatOps.F32Nearest(a), SimdOps.F32x4ExtractLane(SimdOps.F32x4Nearest(v), 0));
            Same(FloatOps.F32Abs(a), SimdOps.F32x4ExtractLane(SimdOps.F32x4Abs(v), 2));
            Same(FloatOps.F32Neg(a), SimdOps.F32x4ExtractLane(SimdOps.F32x4Neg(v), 0));
            Assert.Equal(FloatOps.I32TruncSatF32S(a), SimdOps.I32x4ExtractLane(SimdOps.I32x4TruncSatF32x4S(v), 0));
            Assert.Equal(FloatOps.I32TruncSatF32U(a), SimdOps.I32x4ExtractLane(SimdOps.I32x4TruncSatF32x4U(v), 2));
            Same(FloatOps.F64PromoteF32(a), SimdOps.F64x2ExtractLane(SimdOps.F64x2PromoteLowF32x4(v), 0));
            float sqrt = SimdOps.F32x4ExtractLane(SimdOps.F32x4Sqrt(v), 0);
            if (float.IsNaN(FloatOps.F32Sqrt(a))) Assert.True(float.IsNaN(a) && !IsCanonical(a) ? IsArithmetic(sqrt) : IsCanonical(sqrt));
            else Same(FloatOps.F32Sqrt(a), sqrt);
        }
        // The fixed other lanes: ties to even and signed zeros.
        var halves = V128.FromF32x4(0.5f, 2.5f, -1.5f, -0.5f);
        Assert.Equal(V128.FromF32x4(0f, 2f, -2f, -0f), SimdOps.F32x4Nearest(halves));
        Assert.Equal(V128.FromF32x4(1f, 3f, -1f, -0f), SimdOps.F32x4Ceil(halves));

        foreach (var a in SpecialF64)
        {
            var v = V128.FromF64x2(-0.5, a);
            Same(FloatOps.F64Ceil(a), SimdOps.F64x2ExtractLane(SimdOps.F64x2Ceil(v), 1));
            Same(FloatOps.F64Floor(a), SimdOps.F64x2ExtractLane(SimdOps.F64x2Floor(v), 1));
            Same(FloatOps.F64Trunc(a), SimdOps.F64x2ExtractLane(SimdOps.F64x2Trunc(v), 1));
            Same(FloatOps.F64Nearest(a), SimdOps.F64x2ExtractLane(SimdOps.F64x2Nearest(v), 1));
            Same(-0.0, SimdOps.F64x2ExtractLane(SimdOps.F64x2Nearest(v), 0));
            var low = V128.FromF64x2(a, a);
            Assert.Equal(V128.FromI32x4(FloatOps.I32TruncSatF64S(a), FloatOps.I32TruncSatF64S(a), 0, 0), SimdOps.I32x4TruncSatF64x2SZero(low));
            Assert.Equal(V128.FromI32x4(FloatOps.I32TruncSatF64U(a), FloatOps.I32TruncSatF64U(a), 0, 0), SimdOps.I32x4TruncSatF64x2UZero(low));
            Assert.Equal(V128.FromF32x4(FloatOps.F32DemoteF64(a), FloatOps.F32DemoteF64(a), 0f, 0f), SimdOps.F32x4DemoteF64x2Zero(low));
        }
    }

    [Fact]
    public void Trunc_sat_f32x4_spec_cases()
    {
        // simd_i32x4_trunc_sat_f32x4.wast
        var v = V128.FromF32x4(2147483648f, -2147483904f, F32(0xffa0_0000), -0.9f);
        Assert.Equal(V128.FromI32x4(int.MaxValue, int.MinValue, 0, 0), SimdOps.I32x4TruncSatF32x4S(v));
        var u = V128.FromF32x4(4294967296f, 4294967040f, 2147483648f, -1.5f);
        Assert.Equal(V128.FromI32x4(-1, -256, int.MinValue, 0), SimdOps.I32x4TruncSatF32x4U(u));
    }

    [Fact]
    public void Convert_i32x4_rounds_like_the_scalar_conversion()
    {
        // simd_conversions.wast: 0x80000080 → 0x1p+31, 0x80000081 → 0x1.000002p+31, 0xfffffe80 → 0x1.fffffcp+31.
        var v = V128.FromI32x4(unchecked((int)0x8000_0080), unchecked((int)0x8000_0081), unchecked((int)0xffff_fe80), -1);
        Assert.Equal(V128.FromF32x4(F32(0x4f00_0000), F32(0x4f00_0001), F32(0x4f7f_fffe), 4294967296f), SimdOps.F32x4ConvertI32x4U(v));
        var random = new Random(3);
        for (int i = 0; i < 20_000; i++)
        {
            int x = random.Next(int.MinValue, int.MaxValue);
            var lanes = V128.FromI32x4(x, x ^ 0x7f, x >> 3, x | 0x80);
            for (int lane = 0; lane < 4; lane++)
            {
                int value = SimdOps.I32x4ExtractLane(lanes, lane);
                Same(FloatOps.F32ConvertI32U(value), SimdOps.F32x4ExtractLane(SimdOps.F32x4ConvertI32x4U(lanes), lane));
                Same(FloatOps.F32ConvertI32S(value), SimdOps.F32x4ExtractLane(SimdOps.F32x4ConvertI32x4S(lanes), lane));
            }
        }
        Assert.Equal(V128.FromF64x2(-1.0, 2147483647.0), SimdOps.F64x2ConvertLowI32x4S(V128.FromI32x4(-1, int.MaxValue, 5, 5)));
        Assert.Equal(V128.FromF64x2(4294967295.0, 2147483648.0), SimdOps.F64x2ConvertLowI32x4U(V128.FromI32x4(-1, int.MinValue, 5, 5)));
    }
}
