using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// Integer lane comparisons (all-ones / all-zeros lane masks), shifts (count modulo the lane width,
// spec 4.3.x ishl/ishr_s/ishr_u), all_true and bitmask.
public static partial class SimdOps
{
    // ---- i8x16 ----

    /// <summary>i8x16.eq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Eq(V128 a, V128 b) => V(Vector128.Equals(U8(a), U8(b)));

    /// <summary>i8x16.ne.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Ne(V128 a, V128 b) => V(~Vector128.Equals(U8(a), U8(b)));

    /// <summary>i8x16.lt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16LtS(V128 a, V128 b) => V(Vector128.LessThan(S8(a), S8(b)));

    /// <summary>i8x16.lt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16LtU(V128 a, V128 b) => V(Vector128.LessThan(U8(a), U8(b)));

    /// <summary>i8x16.gt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16GtS(V128 a, V128 b) => V(Vector128.GreaterThan(S8(a), S8(b)));

    /// <summary>i8x16.gt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16GtU(V128 a, V128 b) => V(Vector128.GreaterThan(U8(a), U8(b)));

    /// <summary>i8x16.le_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16LeS(V128 a, V128 b) => V(Vector128.LessThanOrEqual(S8(a), S8(b)));

    /// <summary>i8x16.le_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16LeU(V128 a, V128 b) => V(Vector128.LessThanOrEqual(U8(a), U8(b)));

    /// <summary>i8x16.ge_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16GeS(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(S8(a), S8(b)));

    /// <summary>i8x16.ge_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16GeU(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(U8(a), U8(b)));

    /// <summary>i8x16.shl: the count is taken modulo 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16Shl(V128 a, int count) => V(Vector128.ShiftLeft(U8(a), count & 7));

    /// <summary>i8x16.shr_s: the count is taken modulo 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16ShrS(V128 a, int count) => V(Vector128.ShiftRightArithmetic(S8(a), count & 7));

    /// <summary>i8x16.shr_u: the count is taken modulo 8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I8x16ShrU(V128 a, int count) => V(Vector128.ShiftRightLogical(U8(a), count & 7));

    /// <summary>i8x16.all_true: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16AllTrue(V128 a) => Bool(!Vector128.EqualsAny(U8(a), Vector128<byte>.Zero));

    /// <summary>i8x16.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I8x16Bitmask(V128 a) => (int)U8(a).ExtractMostSignificantBits();

    // ---- i16x8 ----

    /// <summary>i16x8.eq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Eq(V128 a, V128 b) => V(Vector128.Equals(U16(a), U16(b)));

    /// <summary>i16x8.ne.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Ne(V128 a, V128 b) => V(~Vector128.Equals(U16(a), U16(b)));

    /// <summary>i16x8.lt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8LtS(V128 a, V128 b) => V(Vector128.LessThan(S16(a), S16(b)));

    /// <summary>i16x8.lt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8LtU(V128 a, V128 b) => V(Vector128.LessThan(U16(a), U16(b)));

    /// <summary>i16x8.gt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8GtS(V128 a, V128 b) => V(Vector128.GreaterThan(S16(a), S16(b)));

    /// <summary>i16x8.gt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8GtU(V128 a, V128 b) => V(Vector128.GreaterThan(U16(a), U16(b)));

    /// <summary>i16x8.le_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8LeS(V128 a, V128 b) => V(Vector128.LessThanOrEqual(S16(a), S16(b)));

    /// <summary>i16x8.le_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8LeU(V128 a, V128 b) => V(Vector128.LessThanOrEqual(U16(a), U16(b)));

    /// <summary>i16x8.ge_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8GeS(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(S16(a), S16(b)));

    /// <summary>i16x8.ge_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8GeU(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(U16(a), U16(b)));

    /// <summary>i16x8.shl: the count is taken modulo 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8Shl(V128 a, int count) => V(Vector128.ShiftLeft(U16(a), count & 15));

    /// <summary>i16x8.shr_s: the count is taken modulo 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ShrS(V128 a, int count) => V(Vector128.ShiftRightArithmetic(S16(a), count & 15));

    /// <summary>i16x8.shr_u: the count is taken modulo 16.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I16x8ShrU(V128 a, int count) => V(Vector128.ShiftRightLogical(U16(a), count & 15));

    /// <summary>i16x8.all_true: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8AllTrue(V128 a) => Bool(!Vector128.EqualsAny(U16(a), Vector128<ushort>.Zero));

    /// <summary>i16x8.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I16x8Bitmask(V128 a) => (int)U16(a).ExtractMostSignificantBits();

    // ---- i32x4 ----

    /// <summary>i32x4.eq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Eq(V128 a, V128 b) => V(Vector128.Equals(U32(a), U32(b)));

    /// <summary>i32x4.ne.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Ne(V128 a, V128 b) => V(~Vector128.Equals(U32(a), U32(b)));

    /// <summary>i32x4.lt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4LtS(V128 a, V128 b) => V(Vector128.LessThan(S32(a), S32(b)));

    /// <summary>i32x4.lt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4LtU(V128 a, V128 b) => V(Vector128.LessThan(U32(a), U32(b)));

    /// <summary>i32x4.gt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4GtS(V128 a, V128 b) => V(Vector128.GreaterThan(S32(a), S32(b)));

    /// <summary>i32x4.gt_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4GtU(V128 a, V128 b) => V(Vector128.GreaterThan(U32(a), U32(b)));

    /// <summary>i32x4.le_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4LeS(V128 a, V128 b) => V(Vector128.LessThanOrEqual(S32(a), S32(b)));

    /// <summary>i32x4.le_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4LeU(V128 a, V128 b) => V(Vector128.LessThanOrEqual(U32(a), U32(b)));

    /// <summary>i32x4.ge_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4GeS(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(S32(a), S32(b)));

    /// <summary>i32x4.ge_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4GeU(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(U32(a), U32(b)));

    /// <summary>i32x4.shl: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4Shl(V128 a, int count) => V(Vector128.ShiftLeft(U32(a), count & 31));

    /// <summary>i32x4.shr_s: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ShrS(V128 a, int count) => V(Vector128.ShiftRightArithmetic(S32(a), count & 31));

    /// <summary>i32x4.shr_u: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I32x4ShrU(V128 a, int count) => V(Vector128.ShiftRightLogical(U32(a), count & 31));

    /// <summary>i32x4.all_true: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4AllTrue(V128 a) => Bool(!Vector128.EqualsAny(U32(a), Vector128<uint>.Zero));

    /// <summary>i32x4.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32x4Bitmask(V128 a) => (int)U32(a).ExtractMostSignificantBits();

    // ---- i64x2 (signed comparisons only) ----

    /// <summary>i64x2.eq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Eq(V128 a, V128 b) => V(Vector128.Equals(U64(a), U64(b)));

    /// <summary>i64x2.ne.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Ne(V128 a, V128 b) => V(~Vector128.Equals(U64(a), U64(b)));

    /// <summary>i64x2.lt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2LtS(V128 a, V128 b) => V(Vector128.LessThan(S64(a), S64(b)));

    /// <summary>i64x2.gt_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2GtS(V128 a, V128 b) => V(Vector128.GreaterThan(S64(a), S64(b)));

    /// <summary>i64x2.le_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2LeS(V128 a, V128 b) => V(Vector128.LessThanOrEqual(S64(a), S64(b)));

    /// <summary>i64x2.ge_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2GeS(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(S64(a), S64(b)));

    /// <summary>i64x2.shl: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2Shl(V128 a, int count) => V(Vector128.ShiftLeft(U64(a), count & 63));

    /// <summary>i64x2.shr_s: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ShrS(V128 a, int count) => V(Vector128.ShiftRightArithmetic(S64(a), count & 63));

    /// <summary>i64x2.shr_u: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 I64x2ShrU(V128 a, int count) => V(Vector128.ShiftRightLogical(U64(a), count & 63));

    /// <summary>i64x2.all_true: 1 when no lane is zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64x2AllTrue(V128 a) => Bool(!Vector128.EqualsAny(U64(a), Vector128<ulong>.Zero));

    /// <summary>i64x2.bitmask: bit i is the sign bit of lane i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64x2Bitmask(V128 a) => (int)U64(a).ExtractMostSignificantBits();

}
