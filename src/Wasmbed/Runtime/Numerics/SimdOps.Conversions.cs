using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// Lane-shape conversions (spec 4.3.x narrow, extend, trunc_sat, convert, demote, promote).
public static partial class SimdOps
{
    // ---- narrow (signed input lanes, saturated to the narrower signed or unsigned range) ----

    /// <summary>i8x16.narrow_i16x8_s: lanes of a then b, each clamped to [-128, 127].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16NarrowI16x8S(V128 a, V128 b)
    {
        Vector128<short> min = Vector128.Create((short)sbyte.MinValue), max = Vector128.Create((short)sbyte.MaxValue);
        return V(Vector128.Narrow(Vector128.Min(Vector128.Max(S16(a), min), max), Vector128.Min(Vector128.Max(S16(b), min), max)));
    }

    /// <summary>i8x16.narrow_i16x8_u: lanes of a then b (read as signed), each clamped to [0, 255].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16NarrowI16x8U(V128 a, V128 b)
    {
        Vector128<short> max = Vector128.Create((short)byte.MaxValue);
        var low = Vector128.Min(Vector128.Max(S16(a), Vector128<short>.Zero), max).AsUInt16();
        var high = Vector128.Min(Vector128.Max(S16(b), Vector128<short>.Zero), max).AsUInt16();
        return V(Vector128.Narrow(low, high));
    }

    /// <summary>i16x8.narrow_i32x4_s: lanes of a then b, each clamped to [-32768, 32767].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8NarrowI32x4S(V128 a, V128 b) => V(NarrowSignedSaturate(S32(a), S32(b)));

    /// <summary>i16x8.narrow_i32x4_u: lanes of a then b (read as signed), each clamped to [0, 65535].</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8NarrowI32x4U(V128 a, V128 b)
    {
        var max = Vector128.Create((int)ushort.MaxValue);
        var low = Vector128.Min(Vector128.Max(S32(a), Vector128<int>.Zero), max).AsUInt32();
        var high = Vector128.Min(Vector128.Max(S32(b), Vector128<int>.Zero), max).AsUInt32();
        return V(Vector128.Narrow(low, high));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<short> NarrowSignedSaturate(Vector128<int> low, Vector128<int> high)
    {
        Vector128<int> min = Vector128.Create((int)short.MinValue), max = Vector128.Create((int)short.MaxValue);
        return Vector128.Narrow(Vector128.Min(Vector128.Max(low, min), max), Vector128.Min(Vector128.Max(high, min), max));
    }

    // ---- extend ----

    /// <summary>i16x8.extend_low_i8x16_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtendLowI8x16S(V128 a) => V(Vector128.WidenLower(S8(a)));

    /// <summary>i16x8.extend_high_i8x16_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtendHighI8x16S(V128 a) => V(Vector128.WidenUpper(S8(a)));

    /// <summary>i16x8.extend_low_i8x16_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtendLowI8x16U(V128 a) => V(Vector128.WidenLower(U8(a)));

    /// <summary>i16x8.extend_high_i8x16_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ExtendHighI8x16U(V128 a) => V(Vector128.WidenUpper(U8(a)));

    /// <summary>i32x4.extend_low_i16x8_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtendLowI16x8S(V128 a) => V(Vector128.WidenLower(S16(a)));

    /// <summary>i32x4.extend_high_i16x8_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtendHighI16x8S(V128 a) => V(Vector128.WidenUpper(S16(a)));

    /// <summary>i32x4.extend_low_i16x8_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtendLowI16x8U(V128 a) => V(Vector128.WidenLower(U16(a)));

    /// <summary>i32x4.extend_high_i16x8_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ExtendHighI16x8U(V128 a) => V(Vector128.WidenUpper(U16(a)));

    /// <summary>i64x2.extend_low_i32x4_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtendLowI32x4S(V128 a) => V(Vector128.WidenLower(S32(a)));

    /// <summary>i64x2.extend_high_i32x4_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtendHighI32x4S(V128 a) => V(Vector128.WidenUpper(S32(a)));

    /// <summary>i64x2.extend_low_i32x4_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtendLowI32x4U(V128 a) => V(Vector128.WidenLower(U32(a)));

    /// <summary>i64x2.extend_high_i32x4_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ExtendHighI32x4U(V128 a) => V(Vector128.WidenUpper(U32(a)));

    // ---- float → integer, saturating (per lane as FloatOps.*TruncSat*) ----

    /// <summary>i32x4.trunc_sat_f32x4_s: NaN → 0, out of range → INT32_MIN/MAX.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4TruncSatF32x4S(V128 a)
    {
        var x = F32(a);
        // NaN lanes become +0 (a NaN compares unequal to itself); the hardware conversion is exact
        // in range, and both out-of-range sides are selected explicitly.
        x &= Vector128.Equals(x, x);
        var limit = Vector128.Create(2147483648f);
        var r = Vector128.ConvertToInt32Native(x);
        r = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, limit).AsInt32(), Vector128.Create(int.MaxValue), r);
        r = Vector128.ConditionalSelect(Vector128.LessThan(x, -limit).AsInt32(), Vector128.Create(int.MinValue), r);
        return V(r);
    }

    /// <summary>i32x4.trunc_sat_f32x4_u: NaN and negatives → 0, ≥ 2^32 → UINT32_MAX.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4TruncSatF32x4U(V128 a)
    {
        var x = F32(a);
        x &= Vector128.GreaterThan(x, Vector128<float>.Zero); // NaN, -0 and negatives → +0
        // Values in [2^31, 2^32) are converted as x - 2^31 (exact there) plus 2^31.
        var twoPow31 = Vector128.Create(2147483648f);
        var upper = Vector128.GreaterThanOrEqual(x, twoPow31);
        var r = Vector128.ConvertToInt32Native(x - (twoPow31 & upper)).AsUInt32() + (upper.AsUInt32() & Vector128.Create(0x8000_0000u));
        r = Vector128.ConditionalSelect(Vector128.GreaterThanOrEqual(x, Vector128.Create(4294967296f)).AsUInt32(), Vector128<uint>.AllBitsSet, r);
        return V(r);
    }

    /// <summary>i32x4.trunc_sat_f64x2_s_zero: the two lanes saturated into lanes 0–1, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4TruncSatF64x2SZero(V128 a) =>
        V128.FromI32x4(FloatOps.I32TruncSatF64S(F64x2ExtractLane(a, 0)), FloatOps.I32TruncSatF64S(F64x2ExtractLane(a, 1)), 0, 0);

    /// <summary>i32x4.trunc_sat_f64x2_u_zero: the two lanes saturated into lanes 0–1, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4TruncSatF64x2UZero(V128 a) =>
        V128.FromI32x4(FloatOps.I32TruncSatF64U(F64x2ExtractLane(a, 0)), FloatOps.I32TruncSatF64U(F64x2ExtractLane(a, 1)), 0, 0);

    // ---- integer → float ----

    /// <summary>f32x4.convert_i32x4_s: rounds to nearest even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4ConvertI32x4S(V128 a) => V(Vector128.ConvertToSingle(S32(a)));

    /// <summary>f32x4.convert_i32x4_u: rounds to nearest even, once.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4ConvertI32x4U(V128 a)
    {
        // hi * 2^16 and lo are both exact floats, so the single addition is the only rounding.
        var u = U32(a);
        var high = Vector128.ConvertToSingle(Vector128.ShiftRightLogical(u, 16).AsInt32());
        var low = Vector128.ConvertToSingle((u & Vector128.Create(0xFFFFu)).AsInt32());
        return V(high * Vector128.Create(65536f) + low);
    }

    /// <summary>f64x2.convert_low_i32x4_s (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2ConvertLowI32x4S(V128 a) => V(Vector128.ConvertToDouble(Vector128.WidenLower(S32(a))));

    /// <summary>f64x2.convert_low_i32x4_u (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2ConvertLowI32x4U(V128 a) => V(Vector128.ConvertToDouble(Vector128.WidenLower(U32(a)).AsInt64()));

    // ---- float ↔ float ----

    /// <summary>f32x4.demote_f64x2_zero: lanes 0–1 demoted as <see cref="FloatOps.F32DemoteF64"/>, lanes 2–3 zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4DemoteF64x2Zero(V128 a) =>
        V128.FromF32x4(FloatOps.F32DemoteF64(F64x2ExtractLane(a, 0)), FloatOps.F32DemoteF64(F64x2ExtractLane(a, 1)), 0f, 0f);

    /// <summary>f64x2.promote_low_f32x4: lanes 0–1 promoted as <see cref="FloatOps.F64PromoteF32"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2PromoteLowF32x4(V128 a) =>
        V128.FromF64x2(FloatOps.F64PromoteF32(F32x4ExtractLane(a, 0)), FloatOps.F64PromoteF32(F32x4ExtractLane(a, 1)));
}
