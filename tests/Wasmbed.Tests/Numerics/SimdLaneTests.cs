using Wasmbed.Runtime.Numerics;
using static Wasmbed.Tests.Numerics.FloatBits;

namespace Wasmbed.Tests.Numerics;

public class SimdLaneTests
{
    private static readonly V128 Ascending = V128.FromBytes([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    private static readonly V128 High = V128.FromBytes([16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);

    private static byte[] Bytes(V128 v)
    {
        var bytes = new byte[16];
        v.CopyTo(bytes);
        return bytes;
    }

    [Fact]
    public void V128_lane_order_is_little_endian()
    {
        var v = V128.FromI32x4(1, 2, 3, 4);
        Assert.Equal(0x0000_0002_0000_0001UL, v.Low);
        Assert.Equal(0x0000_0004_0000_0003UL, v.High);
        Assert.Equal("i32x4 0x00000001 0x00000002 0x00000003 0x00000004", v.ToString());
        Assert.Equal(0x0706_0504_0302_0100UL, Ascending.Low);
        Assert.Equal(v, V128.FromVector128(v.AsVector128<int>()));
        Assert.Equal(3, v.AsVector128<int>()[2]);
        Assert.True(V128.FromI64x2(-1, 0) == new V128(ulong.MaxValue, 0));
    }

    [Fact]
    public void Shuffle_picks_from_the_concatenation_of_both_operands()
    {
        byte[] lanes = [31, 0, 16, 15, 1, 17, 30, 14, 2, 18, 29, 13, 3, 19, 28, 12];
        var result = SimdOps.I8x16Shuffle(Ascending, High, lanes);
        Assert.Equal(lanes, Bytes(result));
        Assert.Equal(result, SimdOps.I8x16Shuffle(Ascending, High, V128.FromBytes(lanes)));
    }

    [Fact]
    public void Swizzle_gives_zero_for_indices_of_16_and_above()
    {
        // From simd_lane.wast: indices ≥ 16 (including ones with the top bit set) select 0.
        var indices = V128.FromBytes([0, 15, 16, 17, 31, 32, 127, 128, 255, 0x8f, 0x7f, 5, 0x10, 0xf0, 1, 14]);
        var table = V128.FromBytes([0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f, 0x70, 0x71, 0x72, 0x73]);
        Assert.Equal(new byte[] { 0x64, 0x73, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x69, 0, 0, 0x65, 0x72 }, Bytes(SimdOps.I8x16Swizzle(table, indices)));
    }

    [Fact]
    public void Extract_and_replace_lanes()
    {
        var v = V128.FromBytes([0x80, 0xff, 0x7f, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xfe, 0x81]);
        Assert.Equal(-128, SimdOps.I8x16ExtractLaneS(v, 0));
        Assert.Equal(128, SimdOps.I8x16ExtractLaneU(v, 0));
        Assert.Equal(0x81, SimdOps.I8x16ExtractLaneU(v, 15));
        Assert.Equal(-127, SimdOps.I8x16ExtractLaneS(v, 15));
        Assert.Equal(unchecked((short)0xff80), SimdOps.I16x8ExtractLaneS(v, 0));
        Assert.Equal(0x81fe, SimdOps.I16x8ExtractLaneU(v, 7));
        Assert.Equal(unchecked((int)0x81fe_0000), SimdOps.I32x4ExtractLane(v, 3));
        Assert.Equal(unchecked((long)0x81fe_0000_0000_0000), SimdOps.I64x2ExtractLane(v, 1));

        var replaced = SimdOps.I8x16ReplaceLane(V128.Zero, 9, 0x1234); // only the low 8 bits
        Assert.Equal(new V128(0, 0x3400), replaced);
        Assert.Equal(new V128(0, 0xbeef_0000_0000_0000), SimdOps.I16x8ReplaceLane(V128.Zero, 7, unchecked((int)0xdead_beef)));
        Assert.Equal(new V128(0xffff_ffff_0000_0000, 0), SimdOps.I32x4ReplaceLane(V128.Zero, 1, -1));
        Assert.Equal(V128.FromI64x2(1, -2), SimdOps.I64x2ReplaceLane(V128.FromI64x2(1, 1), 1, -2));

        // f32/f64 lanes keep NaN payloads.
        var withNaN = SimdOps.F32x4ReplaceLane(V128.Zero, 2, SignalingNaN32);
        Same(SignalingNaN32, SimdOps.F32x4ExtractLane(withNaN, 2));
        Same(SignalingNaN64, SimdOps.F64x2ExtractLane(SimdOps.F64x2Splat(SignalingNaN64), 1));
        Assert.Equal(V128.FromI32x4(0x7fa0_0000, 0x7fa0_0000, 0x7fa0_0000, 0x7fa0_0000), SimdOps.F32x4Splat(SignalingNaN32));
    }

    [Fact]
    public void Splat_uses_the_low_bits()
    {
        Assert.Equal(new V128(0x8181_8181_8181_8181, 0x8181_8181_8181_8181), SimdOps.I8x16Splat(0x181));
        Assert.Equal(new V128(0x2345_2345_2345_2345, 0x2345_2345_2345_2345), SimdOps.I16x8Splat(0x12345));
        Assert.Equal(V128.FromI32x4(-5, -5, -5, -5), SimdOps.I32x4Splat(-5));
    }

    [Fact]
    public void Load_transforms()
    {
        ulong bits = 0x8070_6050_40ff_0180;
        Assert.Equal(V128.FromI16x8(-128, 1, -1, 0x40, 0x50, 0x60, 0x70, -128), SimdOps.V128Load8x8S(bits));
        Assert.Equal(V128.FromI16x8(0x80, 1, 0xff, 0x40, 0x50, 0x60, 0x70, 0x80), SimdOps.V128Load8x8U(bits));
        Assert.Equal(V128.FromI32x4(0x0180, 0x40ff, 0x6050, unchecked((short)0x8070)), SimdOps.V128Load16x4S(bits));
        Assert.Equal(V128.FromI32x4(0x0180, 0x40ff, 0x6050, 0x8070), SimdOps.V128Load16x4U(bits));
        Assert.Equal(V128.FromI64x2(0x40ff_0180, unchecked((int)0x8070_6050)), SimdOps.V128Load32x2S(bits));
        Assert.Equal(V128.FromI64x2(0x40ff_0180, 0x8070_6050), SimdOps.V128Load32x2U(bits));
        Assert.Equal(SimdOps.I8x16Splat(0xab), SimdOps.V128Load8Splat(0xab));
        Assert.Equal(SimdOps.I16x8Splat(0xabcd), SimdOps.V128Load16Splat(0xabcd));
        Assert.Equal(SimdOps.I32x4Splat(-2), SimdOps.V128Load32Splat(0xffff_fffe));
        Assert.Equal(new V128(bits, bits), SimdOps.V128Load64Splat(bits));
        Assert.Equal(new V128(0xffff_ffff, 0), SimdOps.V128Load32Zero(0xffff_ffff));
        Assert.Equal(new V128(bits, 0), SimdOps.V128Load64Zero(bits));
        Assert.Equal(new V128(0, 0xab), SimdOps.V128Load8Lane(V128.Zero, 8, 0xab));
        Assert.Equal((ushort)0x0302, SimdOps.V128Store16Lane(Ascending, 1));
        Assert.Equal(0x0f0e_0d0cu, SimdOps.V128Store32Lane(Ascending, 3));
        Assert.Equal((byte)13, SimdOps.V128Store8Lane(Ascending, 13));
    }

    [Fact]
    public void Bitwise()
    {
        var a = new V128(0xff00_ff00_ff00_ff00, 0x0123_4567_89ab_cdef);
        var b = new V128(0xf0f0_f0f0_f0f0_f0f0, 0xffff_0000_ffff_0000);
        Assert.Equal(new V128(0x0f00_0f00_0f00_0f00, 0x0000_4567_0000_cdef), SimdOps.V128Andnot(a, b));
        var c = new V128(0x0f0f_0f0f_0f0f_0f0f, 0xffff_ffff_0000_0000);
        // Bits from a where c is 1, from b where c is 0.
        Assert.Equal(new V128(0x0f00_0f00_0f00_0f00 | 0xf0f0_f0f0_f0f0_f0f0 & 0xf0f0_f0f0_f0f0_f0f0, 0x0123_4567_ffff_0000),
            SimdOps.V128Bitselect(a, b, c));
        Assert.Equal(0, SimdOps.V128AnyTrue(V128.Zero));
        Assert.Equal(1, SimdOps.V128AnyTrue(new V128(0, 1UL << 63)));
    }
}
