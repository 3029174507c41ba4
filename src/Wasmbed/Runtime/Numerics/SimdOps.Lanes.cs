using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// splat, extract_lane, replace_lane, shuffle, swizzle (spec 4.4.3 vector instructions).
// Lane indices are immediates that validation has already checked against the lane count.
public static partial class SimdOps
{
    // ---- splat ----

    /// <summary>i8x16.splat: the low 8 bits of <paramref name="x"/> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Splat(int x) => V(Vector128.Create((byte)x));

    /// <summary>i16x8.splat: the low 16 bits of <paramref name="x"/> in every lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Splat(int x) => V(Vector128.Create((ushort)x));

    /// <summary>i32x4.splat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Splat(int x) => V(Vector128.Create(x));

    /// <summary>i64x2.splat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Splat(long x) => V(Vector128.Create(x));

    /// <summary>f32x4.splat (bits kept, NaN payloads included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Splat(float x) => I32x4Splat(BitConverter.SingleToInt32Bits(x));

    /// <summary>f64x2.splat (bits kept, NaN payloads included).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Splat(double x) => I64x2Splat(BitConverter.DoubleToInt64Bits(x));

    // ---- extract_lane ----
    // The lane index is a constant in compiled code, so the JIT turns GetElement into one extract instruction.

    /// <summary>i8x16.extract_lane_s: sign-extends the lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneS(V128 v, int lane) => S8(v).GetElement(lane);

    /// <summary>i8x16.extract_lane_u: zero-extends the lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16ExtractLaneU(V128 v, int lane) => U8(v).GetElement(lane);

    /// <summary>i16x8.extract_lane_s: sign-extends the lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneS(V128 v, int lane) => S16(v).GetElement(lane);

    /// <summary>i16x8.extract_lane_u: zero-extends the lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8ExtractLaneU(V128 v, int lane) => U16(v).GetElement(lane);

    /// <summary>i32x4.extract_lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4ExtractLane(V128 v, int lane) => S32(v).GetElement(lane);

    /// <summary>i64x2.extract_lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64x2ExtractLane(V128 v, int lane) => S64(v).GetElement(lane);

    /// <summary>f32x4.extract_lane (bits kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32x4ExtractLane(V128 v, int lane) => BitConverter.Int32BitsToSingle(I32x4ExtractLane(v, lane));

    /// <summary>f64x2.extract_lane (bits kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64x2ExtractLane(V128 v, int lane) => BitConverter.Int64BitsToDouble(I64x2ExtractLane(v, lane));

    // ---- replace_lane ----

    /// <summary>i8x16.replace_lane: the low 8 bits of <paramref name="x"/> replace the lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16ReplaceLane(V128 v, int lane, int x) => V(U8(v).WithElement(lane, (byte)x));

    /// <summary>i16x8.replace_lane: the low 16 bits of <paramref name="x"/> replace the lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ReplaceLane(V128 v, int lane, int x) => V(U16(v).WithElement(lane, (ushort)x));

    /// <summary>i32x4.replace_lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ReplaceLane(V128 v, int lane, int x) => V(S32(v).WithElement(lane, x));

    /// <summary>i64x2.replace_lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ReplaceLane(V128 v, int lane, long x) => V(S64(v).WithElement(lane, x));

    /// <summary>f32x4.replace_lane (bits kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4ReplaceLane(V128 v, int lane, float x) => I32x4ReplaceLane(v, lane, BitConverter.SingleToInt32Bits(x));

    /// <summary>f64x2.replace_lane (bits kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2ReplaceLane(V128 v, int lane, double x) => I64x2ReplaceLane(v, lane, BitConverter.DoubleToInt64Bits(x));

    // ---- shuffle and swizzle ----

    /// <summary>
    /// i8x16.shuffle: byte i of the result is byte <c>lanes[i]</c> of the 32-byte concatenation a ++ b.
    /// <paramref name="lanes"/> holds the 16 immediate indices (each &lt; 32, checked by validation).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Shuffle(V128 a, V128 b, V128 lanes)
    {
        var indices = U8(lanes);
        var fromA = Vector128.Shuffle(U8(a), indices);
        var fromB = Vector128.Shuffle(U8(b), indices - Vector128.Create((byte)16));
        // Select explicitly, so nothing depends on what Shuffle does with out-of-range indices.
        return V(Vector128.ConditionalSelect(Vector128.LessThan(indices, Vector128.Create((byte)16)), fromA, fromB));
    }

    /// <summary>i8x16.shuffle with the 16 immediate lane indices as bytes.</summary>
    public static V128 I8x16Shuffle(V128 a, V128 b, ReadOnlySpan<byte> lanes) => I8x16Shuffle(a, b, V128.FromBytes(lanes));

    /// <summary>i8x16.swizzle: byte i of the result is byte <c>s[i]</c> of <paramref name="a"/>, or 0 when <c>s[i]</c> ≥ 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Swizzle(V128 a, V128 s)
    {
        var indices = U8(s);
        var inRange = Vector128.LessThan(indices, Vector128.Create((byte)16));
        return V(Vector128.Shuffle(U8(a), indices) & inRange);
    }
}
