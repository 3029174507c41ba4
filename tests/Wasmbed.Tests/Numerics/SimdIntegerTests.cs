using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Tests.Numerics;

// Expected values from the simd_*.wast files named in each test, plus per-lane scalar models.
public class SimdIntegerTests
{
    private static V128 I16(params short[] lanes) => V128.FromI16x8(lanes[0], lanes[1], lanes[2], lanes[3], lanes[4], lanes[5], lanes[6], lanes[7]);

    private static short[] I16Lanes(V128 v) => Enumerable.Range(0, 8).Select(i => (short)SimdOps.I16x8ExtractLaneS(v, i)).ToArray();

    private static sbyte[] I8Lanes(V128 v) => Enumerable.Range(0, 16).Select(i => (sbyte)SimdOps.I8x16ExtractLaneS(v, i)).ToArray();

    [Fact]
    public void Narrow_saturates_signed_inputs()
    {
        // simd_conversions.wast
        var a = I16(-32768, -129, -128, -1, 0, 127, 128, 32767);
        var b = I16(255, 256, -256, 1, 2, 3, 4, 5);
        Assert.Equal(new sbyte[] { -128, -128, -128, -1, 0, 127, 127, 127, 127, 127, -128, 1, 2, 3, 4, 5 }, I8Lanes(SimdOps.I8x16NarrowI16x8S(a, b)));
        Assert.Equal(new sbyte[] { 0, 0, 0, 0, 0, 127, -128, -1, -1, -1, 0, 1, 2, 3, 4, 5 }, I8Lanes(SimdOps.I8x16NarrowI16x8U(a, b)));

        var c = V128.FromI32x4(int.MinValue, -32769, 32768, 65535);
        var d = V128.FromI32x4(65536, -1, 1, int.MaxValue);
        Assert.Equal(new short[] { -32768, -32768, 32767, 32767, 32767, -1, 1, 32767 }, I16Lanes(SimdOps.I16x8NarrowI32x4S(c, d)));
        Assert.Equal(new short[] { 0, 0, -32768, -1, -1, 0, 1, -1 }, I16Lanes(SimdOps.I16x8NarrowI32x4U(c, d)));
    }

    [Fact]
    public void Q15mulr_rounds_and_saturates_only_min_times_min()
    {
        // simd_i16x8_q15mulr_sat_s.wast
        var a = I16(-32768, 16384, 16383, -1, -16384, 32767, 1, -32768);
        var b = I16(-32768, 16384, 16384, 1, 16384, 32767, 16384, 32767);
        Assert.Equal(new short[] { 32767, 8192, 8192, 0, -8192, 32766, 1, -32767 }, I16Lanes(SimdOps.I16x8Q15mulrSatS(a, b)));
    }

    [Fact]
    public void Shift_counts_are_taken_modulo_the_lane_width()
    {
        // simd_bit_shift.wast: shifting by the width (or width + k) is a shift by k.
        var bytes = SimdOps.I8x16Splat(0x81);
        Assert.Equal(bytes, SimdOps.I8x16Shl(bytes, 8));
        Assert.Equal(SimdOps.I8x16Splat(0x02), SimdOps.I8x16Shl(bytes, 9));
        Assert.Equal(SimdOps.I8x16Splat(0xc0), SimdOps.I8x16ShrS(bytes, 1));
        Assert.Equal(SimdOps.I8x16Splat(0xff), SimdOps.I8x16ShrS(bytes, -1)); // -1 mod 8 = 7
        Assert.Equal(SimdOps.I8x16Splat(0x40), SimdOps.I8x16ShrU(bytes, 33));
        Assert.Equal(SimdOps.I16x8Splat(0x8000), SimdOps.I16x8Shl(SimdOps.I16x8Splat(1), 31));
        Assert.Equal(SimdOps.I16x8Splat(-1), SimdOps.I16x8ShrS(SimdOps.I16x8Splat(0x8000), 15 + 16));
        Assert.Equal(SimdOps.I32x4Splat(1), SimdOps.I32x4ShrU(SimdOps.I32x4Splat(int.MinValue), 63));
        Assert.Equal(SimdOps.I32x4Splat(int.MinValue), SimdOps.I32x4ShrS(SimdOps.I32x4Splat(int.MinValue), 32));
        Assert.Equal(SimdOps.I64x2Splat(long.MinValue), SimdOps.I64x2Shl(SimdOps.I64x2Splat(1), 127));
        Assert.Equal(SimdOps.I64x2Splat(-1), SimdOps.I64x2ShrS(SimdOps.I64x2Splat(long.MinValue), 63));
        Assert.Equal(SimdOps.I64x2Splat(1), SimdOps.I64x2ShrU(SimdOps.I64x2Splat(long.MinValue), -1));
    }

    [Fact]
    public void Lane_operations_match_a_scalar_model_on_random_inputs()
    {
        var random = new Random(7);
        for (int iteration = 0; iteration < 2000; iteration++)
        {
            var a = RandomVector(random);
            var b = RandomVector(random);
            for (int i = 0; i < 16; i++)
            {
                int x = SimdOps.I8x16ExtractLaneS(a, i), y = SimdOps.I8x16ExtractLaneS(b, i);
                int ux = x & 0xff, uy = y & 0xff;
                Assert.Equal(Math.Clamp(x + y, -128, 127), SimdOps.I8x16ExtractLaneS(SimdOps.I8x16AddSatS(a, b), i));
                Assert.Equal(Math.Clamp(ux + uy, 0, 255), SimdOps.I8x16ExtractLaneU(SimdOps.I8x16AddSatU(a, b), i));
                Assert.Equal(Math.Clamp(x - y, -128, 127), SimdOps.I8x16ExtractLaneS(SimdOps.I8x16SubSatS(a, b), i));
                Assert.Equal(Math.Clamp(ux - uy, 0, 255), SimdOps.I8x16ExtractLaneU(SimdOps.I8x16SubSatU(a, b), i));
                Assert.Equal((ux + uy + 1) >> 1, SimdOps.I8x16ExtractLaneU(SimdOps.I8x16AvgrU(a, b), i));
                Assert.Equal(System.Numerics.BitOperations.PopCount((uint)ux), SimdOps.I8x16ExtractLaneU(SimdOps.I8x16Popcnt(a), i));
                Assert.Equal((sbyte)Math.Abs(x), SimdOps.I8x16ExtractLaneS(SimdOps.I8x16Abs(a), i));
                Assert.Equal((sbyte)-x, SimdOps.I8x16ExtractLaneS(SimdOps.I8x16Neg(a), i));
                Assert.Equal(Math.Min(ux, uy), SimdOps.I8x16ExtractLaneU(SimdOps.I8x16MinU(a, b), i));
                Assert.Equal(Math.Max(x, y), SimdOps.I8x16ExtractLaneS(SimdOps.I8x16MaxS(a, b), i));
                Assert.Equal(ux < uy ? 0xff : 0, SimdOps.I8x16ExtractLaneU(SimdOps.I8x16LtU(a, b), i));
                Assert.Equal(x >= y ? 0xff : 0, SimdOps.I8x16ExtractLaneU(SimdOps.I8x16GeS(a, b), i));
            }
            for (int i = 0; i < 8; i++)
            {
                int x = SimdOps.I16x8ExtractLaneS(a, i), y = SimdOps.I16x8ExtractLaneS(b, i);
                int ux = x & 0xffff, uy = y & 0xffff;
                Assert.Equal(Math.Clamp(x + y, -32768, 32767), SimdOps.I16x8ExtractLaneS(SimdOps.I16x8AddSatS(a, b), i));
                Assert.Equal(Math.Clamp(ux - uy, 0, 65535), SimdOps.I16x8ExtractLaneU(SimdOps.I16x8SubSatU(a, b), i));
                Assert.Equal((ux + uy + 1) >> 1, SimdOps.I16x8ExtractLaneU(SimdOps.I16x8AvgrU(a, b), i));
                Assert.Equal(Math.Clamp((x * y + 0x4000) >> 15, -32768, 32767), SimdOps.I16x8ExtractLaneS(SimdOps.I16x8Q15mulrSatS(a, b), i));
                Assert.Equal((short)(x * y), SimdOps.I16x8ExtractLaneS(SimdOps.I16x8Mul(a, b), i));
                int evenByte = SimdOps.I8x16ExtractLaneS(a, 2 * i), oddByte = SimdOps.I8x16ExtractLaneS(a, 2 * i + 1);
                Assert.Equal(evenByte + oddByte, SimdOps.I16x8ExtractLaneS(SimdOps.I16x8ExtaddPairwiseI8x16S(a), i));
                Assert.Equal((evenByte & 0xff) + (oddByte & 0xff), SimdOps.I16x8ExtractLaneU(SimdOps.I16x8ExtaddPairwiseI8x16U(a), i));
                int lowA = SimdOps.I8x16ExtractLaneS(a, i), lowB = SimdOps.I8x16ExtractLaneS(b, i);
                int highA = SimdOps.I8x16ExtractLaneS(a, i + 8), highB = SimdOps.I8x16ExtractLaneS(b, i + 8);
                Assert.Equal(lowA * lowB, SimdOps.I16x8ExtractLaneS(SimdOps.I16x8ExtmulLowI8x16S(a, b), i));
                Assert.Equal((highA & 0xff) * (highB & 0xff), SimdOps.I16x8ExtractLaneU(SimdOps.I16x8ExtmulHighI8x16U(a, b), i));
                Assert.Equal(highA, SimdOps.I16x8ExtractLaneS(SimdOps.I16x8ExtendHighI8x16S(a), i));
                Assert.Equal(lowA & 0xff, SimdOps.I16x8ExtractLaneS(SimdOps.I16x8ExtendLowI8x16U(a), i));
                Assert.Equal(ux > uy ? -1 : 0, SimdOps.I16x8ExtractLaneS(SimdOps.I16x8GtU(a, b), i));
            }
            for (int i = 0; i < 4; i++)
            {
                int x = SimdOps.I32x4ExtractLane(a, i), y = SimdOps.I32x4ExtractLane(b, i);
                short x0 = (short)SimdOps.I16x8ExtractLaneS(a, 2 * i), x1 = (short)SimdOps.I16x8ExtractLaneS(a, 2 * i + 1);
                short y0 = (short)SimdOps.I16x8ExtractLaneS(b, 2 * i), y1 = (short)SimdOps.I16x8ExtractLaneS(b, 2 * i + 1);
                Assert.Equal(unchecked(x0 * y0 + x1 * y1), SimdOps.I32x4ExtractLane(SimdOps.I32x4DotI16x8S(a, b), i));
                Assert.Equal(x0 + x1, SimdOps.I32x4ExtractLane(SimdOps.I32x4ExtaddPairwiseI16x8S(a), i));
                Assert.Equal((ushort)x0 + (ushort)x1, SimdOps.I32x4ExtractLane(SimdOps.I32x4ExtaddPairwiseI16x8U(a), i));
                Assert.Equal(unchecked((int)((uint)x * (uint)y)), SimdOps.I32x4ExtractLane(SimdOps.I32x4Mul(a, b), i));
                Assert.Equal(x == int.MinValue ? x : Math.Abs(x), SimdOps.I32x4ExtractLane(SimdOps.I32x4Abs(a), i));
                Assert.Equal((int)Math.Min((uint)x, (uint)y), SimdOps.I32x4ExtractLane(SimdOps.I32x4MinU(a, b), i));
                Assert.Equal(x <= y ? -1 : 0, SimdOps.I32x4ExtractLane(SimdOps.I32x4LeS(a, b), i));
                int lowA = SimdOps.I16x8ExtractLaneS(a, i + 4), lowB = SimdOps.I16x8ExtractLaneS(b, i + 4);
                Assert.Equal(lowA * lowB, SimdOps.I32x4ExtractLane(SimdOps.I32x4ExtmulHighI16x8S(a, b), i));
                Assert.Equal(unchecked((int)((uint)(ushort)lowA * (ushort)lowB)), SimdOps.I32x4ExtractLane(SimdOps.I32x4ExtmulHighI16x8U(a, b), i));
            }
            for (int i = 0; i < 2; i++)
            {
                long x = SimdOps.I64x2ExtractLane(a, i), y = SimdOps.I64x2ExtractLane(b, i);
                int lowA = SimdOps.I32x4ExtractLane(a, i), lowB = SimdOps.I32x4ExtractLane(b, i);
                Assert.Equal((long)lowA * lowB, SimdOps.I64x2ExtractLane(SimdOps.I64x2ExtmulLowI32x4S(a, b), i));
                Assert.Equal(unchecked((long)((ulong)(uint)lowA * (uint)lowB)), SimdOps.I64x2ExtractLane(SimdOps.I64x2ExtmulLowI32x4U(a, b), i));
                Assert.Equal(unchecked(x * y), SimdOps.I64x2ExtractLane(SimdOps.I64x2Mul(a, b), i));
                Assert.Equal(x < y ? -1L : 0, SimdOps.I64x2ExtractLane(SimdOps.I64x2LtS(a, b), i));
                Assert.Equal(x >= y ? -1L : 0, SimdOps.I64x2ExtractLane(SimdOps.I64x2GeS(a, b), i));
                Assert.Equal((long)SimdOps.I32x4ExtractLane(a, i + 2), SimdOps.I64x2ExtractLane(SimdOps.I64x2ExtendHighI32x4S(a), i));
                Assert.Equal((long)(uint)lowA, SimdOps.I64x2ExtractLane(SimdOps.I64x2ExtendLowI32x4U(a), i));
            }
        }
    }

    /// <summary>Random lanes, biased toward the extremes where saturation and wrap-around happen.</summary>
    private static V128 RandomVector(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        for (int i = 0; i < 16; i++)
        {
            switch (random.Next(6))
            {
                case 0: bytes[i] = 0x80; break;
                case 1: bytes[i] = 0x7f; break;
                case 2: bytes[i] = 0xff; break;
                case 3: bytes[i] = 0; break;
            }
        }
        return V128.FromBytes(bytes);
    }

    [Fact]
    public void Abs_and_neg_wrap_at_the_minimum()
    {
        Assert.Equal(SimdOps.I8x16Splat(0x80), SimdOps.I8x16Abs(SimdOps.I8x16Splat(0x80)));
        Assert.Equal(SimdOps.I16x8Splat(0x8000), SimdOps.I16x8Neg(SimdOps.I16x8Splat(0x8000)));
        Assert.Equal(SimdOps.I64x2Splat(long.MinValue), SimdOps.I64x2Abs(SimdOps.I64x2Splat(long.MinValue)));
        Assert.Equal(SimdOps.I64x2Splat(5), SimdOps.I64x2Abs(SimdOps.I64x2Splat(-5)));
        Assert.Equal(V128.FromI64x2(long.MinValue, 1), SimdOps.I64x2Neg(V128.FromI64x2(long.MinValue, -1)));
    }

    [Fact]
    public void Dot_wraps_when_every_lane_is_the_minimum()
    {
        // simd_i32x4_dot_i16x8.wast: (-32768 * -32768) * 2 = 2^31 wraps to -2^31.
        Assert.Equal(SimdOps.I32x4Splat(int.MinValue), SimdOps.I32x4DotI16x8S(SimdOps.I16x8Splat(0x8000), SimdOps.I16x8Splat(0x8000)));
    }

    [Fact]
    public void Bitmask_and_all_true()
    {
        var v = V128.FromBytes([0x80, 0, 0xff, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80]);
        Assert.Equal(0b1000_0000_0000_0101, SimdOps.I8x16Bitmask(v));
        Assert.Equal(0b0000_0011, SimdOps.I16x8Bitmask(I16(-1, -32768, 0, 1, 32767, 0, 0, 0)));
        Assert.Equal(0b1010, SimdOps.I32x4Bitmask(V128.FromI32x4(0, -1, 1, int.MinValue)));
        Assert.Equal(0b10, SimdOps.I64x2Bitmask(V128.FromI64x2(long.MaxValue, -1)));
        Assert.Equal(0, SimdOps.I8x16AllTrue(v));
        Assert.Equal(1, SimdOps.I8x16AllTrue(SimdOps.I8x16Splat(1)));
        Assert.Equal(1, SimdOps.I16x8AllTrue(SimdOps.I8x16Splat(0x80))); // 0x8080 lanes are all non-zero
        Assert.Equal(0, SimdOps.I16x8AllTrue(I16(1, 1, 1, 1, 1, 1, 1, 0)));
        Assert.Equal(0, SimdOps.I32x4AllTrue(V128.FromI32x4(1, 1, 0, 1)));
        Assert.Equal(1, SimdOps.I64x2AllTrue(V128.FromI64x2(1L << 40, long.MinValue)));
        Assert.Equal(0, SimdOps.I64x2AllTrue(V128.FromI64x2(1, 0)));
    }
}
