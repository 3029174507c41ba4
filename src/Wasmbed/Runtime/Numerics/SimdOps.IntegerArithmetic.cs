using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// Integer lane arithmetic (spec 4.3.x iadd, isub, imul, ineg, iabs, iadd_sat, isub_sat, imin, imax,
// iavgr_u, ipopcnt, iq15mulr_sat_s, dot, extmul, extadd_pairwise). Vector128 integer arithmetic
// wraps modulo 2^N exactly as WebAssembly does.
public static partial class SimdOps
{
    // ---- i8x16 ----

    /// <summary>i8x16.add (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Add(V128 a, V128 b) => V(U8(a) + U8(b));

    /// <summary>i8x16.sub (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Sub(V128 a, V128 b) => V(U8(a) - U8(b));

    /// <summary>i8x16.neg (wrapping: -(-128) is -128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Neg(V128 a) => V(Vector128<byte>.Zero - U8(a));

    /// <summary>i8x16.abs (wrapping: abs(-128) is -128).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Abs(V128 a) => V(WrappingAbs(S8(a)));

    /// <summary>i8x16.add_sat_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16AddSatS(V128 a, V128 b) => V(Vector128.AddSaturate(S8(a), S8(b)));

    /// <summary>i8x16.add_sat_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16AddSatU(V128 a, V128 b) => V(Vector128.AddSaturate(U8(a), U8(b)));

    /// <summary>i8x16.sub_sat_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16SubSatS(V128 a, V128 b) => V(Vector128.SubtractSaturate(S8(a), S8(b)));

    /// <summary>i8x16.sub_sat_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16SubSatU(V128 a, V128 b) => V(Vector128.SubtractSaturate(U8(a), U8(b)));

    /// <summary>i8x16.min_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16MinS(V128 a, V128 b) => V(Vector128.Min(S8(a), S8(b)));

    /// <summary>i8x16.min_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16MinU(V128 a, V128 b) => V(Vector128.Min(U8(a), U8(b)));

    /// <summary>i8x16.max_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16MaxS(V128 a, V128 b) => V(Vector128.Max(S8(a), S8(b)));

    /// <summary>i8x16.max_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16MaxU(V128 a, V128 b) => V(Vector128.Max(U8(a), U8(b)));

    /// <summary>i8x16.avgr_u: (a + b + 1) / 2 without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16AvgrU(V128 a, V128 b) =>
        V((U8(a) | U8(b)) - Vector128.ShiftRightLogical(U8(a) ^ U8(b), 1));

    /// <summary>i8x16.popcnt: the number of set bits of each byte (a 4-bit table lookup per nibble).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Popcnt(V128 a)
    {
        var table = Vector128.Create((byte)0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
        var bytes = U8(a);
        var low = bytes & Vector128.Create((byte)0x0F);
        var high = Vector128.ShiftRightLogical(bytes, 4);
        return V(Vector128.Shuffle(table, low) + Vector128.Shuffle(table, high));
    }

    // ---- i16x8 ----

    /// <summary>i16x8.add (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Add(V128 a, V128 b) => V(U16(a) + U16(b));

    /// <summary>i16x8.sub (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Sub(V128 a, V128 b) => V(U16(a) - U16(b));

    /// <summary>i16x8.mul (wrapping, low 16 bits of the product).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Mul(V128 a, V128 b) => V(U16(a) * U16(b));

    /// <summary>i16x8.neg (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Neg(V128 a) => V(Vector128<ushort>.Zero - U16(a));

    /// <summary>i16x8.abs (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Abs(V128 a) => V(WrappingAbs(S16(a)));

    /// <summary>i16x8.add_sat_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8AddSatS(V128 a, V128 b) => V(Vector128.AddSaturate(S16(a), S16(b)));

    /// <summary>i16x8.add_sat_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8AddSatU(V128 a, V128 b) => V(Vector128.AddSaturate(U16(a), U16(b)));

    /// <summary>i16x8.sub_sat_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8SubSatS(V128 a, V128 b) => V(Vector128.SubtractSaturate(S16(a), S16(b)));

    /// <summary>i16x8.sub_sat_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8SubSatU(V128 a, V128 b) => V(Vector128.SubtractSaturate(U16(a), U16(b)));

    /// <summary>i16x8.min_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8MinS(V128 a, V128 b) => V(Vector128.Min(S16(a), S16(b)));

    /// <summary>i16x8.min_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8MinU(V128 a, V128 b) => V(Vector128.Min(U16(a), U16(b)));

    /// <summary>i16x8.max_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8MaxS(V128 a, V128 b) => V(Vector128.Max(S16(a), S16(b)));

    /// <summary>i16x8.max_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8MaxU(V128 a, V128 b) => V(Vector128.Max(U16(a), U16(b)));

    /// <summary>i16x8.avgr_u: (a + b + 1) / 2 without overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8AvgrU(V128 a, V128 b) =>
        V((U16(a) | U16(b)) - Vector128.ShiftRightLogical(U16(a) ^ U16(b), 1));

    /// <summary>
    /// i16x8.q15mulr_sat_s: (a * b + 2^14) >> 15, saturated. Only -32768 * -32768 overflows (to 32767).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Q15mulrSatS(V128 a, V128 b)
    {
        var (aLow, aHigh) = Vector128.Widen(S16(a));
        var (bLow, bHigh) = Vector128.Widen(S16(b));
        var rounding = Vector128.Create(0x4000);
        var low = Vector128.ShiftRightArithmetic(aLow * bLow + rounding, 15);
        var high = Vector128.ShiftRightArithmetic(aHigh * bHigh + rounding, 15);
        return V(NarrowSignedSaturate(low, high));
    }

    /// <summary>i16x8.extmul_low_i8x16_s: lanes 0–7 sign-extended and multiplied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtmulLowI8x16S(V128 a, V128 b) => V(Vector128.WidenLower(S8(a)) * Vector128.WidenLower(S8(b)));

    /// <summary>i16x8.extmul_high_i8x16_s: lanes 8–15 sign-extended and multiplied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtmulHighI8x16S(V128 a, V128 b) => V(Vector128.WidenUpper(S8(a)) * Vector128.WidenUpper(S8(b)));

    /// <summary>i16x8.extmul_low_i8x16_u: lanes 0–7 zero-extended and multiplied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtmulLowI8x16U(V128 a, V128 b) => V(Vector128.WidenLower(U8(a)) * Vector128.WidenLower(U8(b)));

    /// <summary>i16x8.extmul_high_i8x16_u: lanes 8–15 zero-extended and multiplied.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtmulHighI8x16U(V128 a, V128 b) => V(Vector128.WidenUpper(U8(a)) * Vector128.WidenUpper(U8(b)));

    /// <summary>i16x8.extadd_pairwise_i8x16_s: lane i is a[2i] + a[2i+1], sign-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtaddPairwiseI8x16S(V128 a)
    {
        // Viewed as i16 lanes, the even byte is the low half and the odd byte the high half.
        var pairs = S16(a);
        var even = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(pairs, 8), 8);
        var odd = Vector128.ShiftRightArithmetic(pairs, 8);
        return V(even + odd);
    }

    /// <summary>i16x8.extadd_pairwise_i8x16_u: lane i is a[2i] + a[2i+1], zero-extended.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtaddPairwiseI8x16U(V128 a)
    {
        var pairs = U16(a);
        return V((pairs & Vector128.Create((ushort)0xFF)) + Vector128.ShiftRightLogical(pairs, 8));
    }

    // ---- i32x4 ----

    /// <summary>i32x4.add (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Add(V128 a, V128 b) => V(U32(a) + U32(b));

    /// <summary>i32x4.sub (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Sub(V128 a, V128 b) => V(U32(a) - U32(b));

    /// <summary>i32x4.mul (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Mul(V128 a, V128 b) => V(U32(a) * U32(b));

    /// <summary>i32x4.neg (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Neg(V128 a) => V(Vector128<uint>.Zero - U32(a));

    /// <summary>i32x4.abs (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Abs(V128 a) => V(WrappingAbs(S32(a)));

    /// <summary>i32x4.min_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4MinS(V128 a, V128 b) => V(Vector128.Min(S32(a), S32(b)));

    /// <summary>i32x4.min_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4MinU(V128 a, V128 b) => V(Vector128.Min(U32(a), U32(b)));

    /// <summary>i32x4.max_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4MaxS(V128 a, V128 b) => V(Vector128.Max(S32(a), S32(b)));

    /// <summary>i32x4.max_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4MaxU(V128 a, V128 b) => V(Vector128.Max(U32(a), U32(b)));

    /// <summary>i32x4.dot_i16x8_s: lane i is a[2i]*b[2i] + a[2i+1]*b[2i+1] (wrapping only for the all -32768 case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4DotI16x8S(V128 a, V128 b)
    {
        var pa = S32(a);
        var pb = S32(b);
        var evenA = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(pa, 16), 16);
        var evenB = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(pb, 16), 16);
        var oddA = Vector128.ShiftRightArithmetic(pa, 16);
        var oddB = Vector128.ShiftRightArithmetic(pb, 16);
        return V(evenA * evenB + oddA * oddB);
    }

    /// <summary>i32x4.extmul_low_i16x8_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtmulLowI16x8S(V128 a, V128 b) => V(Vector128.WidenLower(S16(a)) * Vector128.WidenLower(S16(b)));

    /// <summary>i32x4.extmul_high_i16x8_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtmulHighI16x8S(V128 a, V128 b) => V(Vector128.WidenUpper(S16(a)) * Vector128.WidenUpper(S16(b)));

    /// <summary>i32x4.extmul_low_i16x8_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtmulLowI16x8U(V128 a, V128 b) => V(Vector128.WidenLower(U16(a)) * Vector128.WidenLower(U16(b)));

    /// <summary>i32x4.extmul_high_i16x8_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtmulHighI16x8U(V128 a, V128 b) => V(Vector128.WidenUpper(U16(a)) * Vector128.WidenUpper(U16(b)));

    /// <summary>i32x4.extadd_pairwise_i16x8_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtaddPairwiseI16x8S(V128 a)
    {
        var pairs = S32(a);
        var even = Vector128.ShiftRightArithmetic(Vector128.ShiftLeft(pairs, 16), 16);
        var odd = Vector128.ShiftRightArithmetic(pairs, 16);
        return V(even + odd);
    }

    /// <summary>i32x4.extadd_pairwise_i16x8_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtaddPairwiseI16x8U(V128 a)
    {
        var pairs = U32(a);
        return V((pairs & Vector128.Create(0xFFFFu)) + Vector128.ShiftRightLogical(pairs, 16));
    }

    // ---- i64x2 ----

    /// <summary>i64x2.add (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Add(V128 a, V128 b) => V(U64(a) + U64(b));

    /// <summary>i64x2.sub (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Sub(V128 a, V128 b) => V(U64(a) - U64(b));

    /// <summary>i64x2.mul (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Mul(V128 a, V128 b) => V(U64(a) * U64(b));

    /// <summary>i64x2.neg (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Neg(V128 a) => V(Vector128<ulong>.Zero - U64(a));

    /// <summary>i64x2.abs (wrapping).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Abs(V128 a) => V(WrappingAbs(S64(a)));

    /// <summary>i64x2.extmul_low_i32x4_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtmulLowI32x4S(V128 a, V128 b) =>
        V(Vector128.WidenLower(S32(a)) * Vector128.WidenLower(S32(b)));

    /// <summary>i64x2.extmul_high_i32x4_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtmulHighI32x4S(V128 a, V128 b) =>
        V(Vector128.WidenUpper(S32(a)) * Vector128.WidenUpper(S32(b)));

    /// <summary>i64x2.extmul_low_i32x4_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtmulLowI32x4U(V128 a, V128 b) =>
        V(Vector128.WidenLower(U32(a)) * Vector128.WidenLower(U32(b)));

    /// <summary>i64x2.extmul_high_i32x4_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtmulHighI32x4U(V128 a, V128 b) =>
        V(Vector128.WidenUpper(U32(a)) * Vector128.WidenUpper(U32(b)));

    // ---- shared ----

    /// <summary>|x| per lane with two's-complement wrap-around for the minimum value (never throws).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<T> WrappingAbs<T>(Vector128<T> v) =>
        Vector128.ConditionalSelect(Vector128.LessThan(v, Vector128<T>.Zero), Vector128<T>.Zero - v, v);
}
