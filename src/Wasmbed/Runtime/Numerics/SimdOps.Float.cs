using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// Float lane arithmetic and comparisons (spec 4.3.3 per lane). add/sub/mul/div/sqrt map to the
// hardware operations, whose NaN results satisfy the spec's nans{} rule (a quieted operand NaN, or
// the default NaN, which is canonical). min/max/rounding need WebAssembly's NaN and signed-zero
// rules and are composed from exact vector compares and selects, so they hold on every CPU.
public static partial class SimdOps
{
    private static Vector128<uint> F32SignMask => Vector128.Create(0x8000_0000u);
    private static Vector128<uint> F32QuietBit => Vector128.Create(0x0040_0000u);
    private static Vector128<ulong> F64SignMask => Vector128.Create(0x8000_0000_0000_0000UL);
    private static Vector128<ulong> F64QuietBit => Vector128.Create(0x0008_0000_0000_0000UL);

    // ---- f32x4 ----

    /// <summary>f32x4.add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Add(V128 a, V128 b) => V(F32(a) + F32(b));

    /// <summary>f32x4.sub.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Sub(V128 a, V128 b) => V(F32(a) - F32(b));

    /// <summary>f32x4.mul.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Mul(V128 a, V128 b) => V(F32(a) * F32(b));

    /// <summary>f32x4.div.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Div(V128 a, V128 b) => V(F32(a) / F32(b));

    /// <summary>f32x4.sqrt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Sqrt(V128 a) => V(Vector128.Sqrt(F32(a)));

    /// <summary>f32x4.abs: clears each sign bit (NaN payloads kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Abs(V128 a) => V(Vector128.AndNot(U32(a), F32SignMask));

    /// <summary>f32x4.neg: flips each sign bit (NaN payloads kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Neg(V128 a) => V(U32(a) ^ F32SignMask);

    /// <summary>f32x4.min: per lane as <see cref="FloatOps.F32Min"/> (NaN wins, min(-0, +0) = -0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Min(V128 a, V128 b)
    {
        Vector128<float> x = F32(a), y = F32(b);
        var ordered = Vector128.ConditionalSelect(Vector128.LessThan(x, y), x, y);
        // Equal lanes: OR of the bits turns {-0, +0} into -0 and leaves other equal pairs unchanged.
        ordered = Vector128.ConditionalSelect(Vector128.Equals(x, y), x | y, ordered);
        return V(F32WithNaNs(x, y, ordered));
    }

    /// <summary>f32x4.max: per lane as <see cref="FloatOps.F32Max"/> (NaN wins, max(-0, +0) = +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Max(V128 a, V128 b)
    {
        Vector128<float> x = F32(a), y = F32(b);
        var ordered = Vector128.ConditionalSelect(Vector128.GreaterThan(x, y), x, y);
        ordered = Vector128.ConditionalSelect(Vector128.Equals(x, y), x & y, ordered);
        return V(F32WithNaNs(x, y, ordered));
    }

    /// <summary>f32x4.pmin: <c>b &lt; a ? b : a</c> per lane, operands returned bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Pmin(V128 a, V128 b) => V(Vector128.ConditionalSelect(Vector128.LessThan(F32(b), F32(a)), F32(b), F32(a)));

    /// <summary>f32x4.pmax: <c>a &lt; b ? b : a</c> per lane, operands returned bit for bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Pmax(V128 a, V128 b) => V(Vector128.ConditionalSelect(Vector128.LessThan(F32(a), F32(b)), F32(b), F32(a)));

    /// <summary>f32x4.ceil.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Ceil(V128 a) => V(F32Rounded(F32(a), Vector128.Ceiling(F32(a))));

    /// <summary>f32x4.floor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Floor(V128 a) => V(F32Rounded(F32(a), Vector128.Floor(F32(a))));

    /// <summary>f32x4.trunc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Trunc(V128 a) => V(F32Rounded(F32(a), Vector128.Truncate(F32(a))));

    /// <summary>f32x4.nearest: ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Nearest(V128 a) => V(F32Rounded(F32(a), Vector128.Round(F32(a))));

    /// <summary>f32x4.eq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Eq(V128 a, V128 b) => V(Vector128.Equals(F32(a), F32(b)));

    /// <summary>f32x4.ne: true for unordered lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Ne(V128 a, V128 b) => V(~Vector128.Equals(F32(a), F32(b)));

    /// <summary>f32x4.lt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Lt(V128 a, V128 b) => V(Vector128.LessThan(F32(a), F32(b)));

    /// <summary>f32x4.gt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Gt(V128 a, V128 b) => V(Vector128.GreaterThan(F32(a), F32(b)));

    /// <summary>f32x4.le.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Le(V128 a, V128 b) => V(Vector128.LessThanOrEqual(F32(a), F32(b)));

    /// <summary>f32x4.ge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F32x4Ge(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(F32(a), F32(b)));

    // ---- f64x2 ----

    /// <summary>f64x2.add.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Add(V128 a, V128 b) => V(F64(a) + F64(b));

    /// <summary>f64x2.sub.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Sub(V128 a, V128 b) => V(F64(a) - F64(b));

    /// <summary>f64x2.mul.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Mul(V128 a, V128 b) => V(F64(a) * F64(b));

    /// <summary>f64x2.div.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Div(V128 a, V128 b) => V(F64(a) / F64(b));

    /// <summary>f64x2.sqrt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Sqrt(V128 a) => V(Vector128.Sqrt(F64(a)));

    /// <summary>f64x2.abs: clears each sign bit (NaN payloads kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Abs(V128 a) => V(Vector128.AndNot(U64(a), F64SignMask));

    /// <summary>f64x2.neg: flips each sign bit (NaN payloads kept).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Neg(V128 a) => V(U64(a) ^ F64SignMask);

    /// <summary>f64x2.min: per lane as <see cref="FloatOps.F64Min"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Min(V128 a, V128 b)
    {
        Vector128<double> x = F64(a), y = F64(b);
        var ordered = Vector128.ConditionalSelect(Vector128.LessThan(x, y), x, y);
        ordered = Vector128.ConditionalSelect(Vector128.Equals(x, y), x | y, ordered);
        return V(F64WithNaNs(x, y, ordered));
    }

    /// <summary>f64x2.max: per lane as <see cref="FloatOps.F64Max"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Max(V128 a, V128 b)
    {
        Vector128<double> x = F64(a), y = F64(b);
        var ordered = Vector128.ConditionalSelect(Vector128.GreaterThan(x, y), x, y);
        ordered = Vector128.ConditionalSelect(Vector128.Equals(x, y), x & y, ordered);
        return V(F64WithNaNs(x, y, ordered));
    }

    /// <summary>f64x2.pmin: <c>b &lt; a ? b : a</c> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Pmin(V128 a, V128 b) => V(Vector128.ConditionalSelect(Vector128.LessThan(F64(b), F64(a)), F64(b), F64(a)));

    /// <summary>f64x2.pmax: <c>a &lt; b ? b : a</c> per lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Pmax(V128 a, V128 b) => V(Vector128.ConditionalSelect(Vector128.LessThan(F64(a), F64(b)), F64(b), F64(a)));

    /// <summary>f64x2.ceil.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Ceil(V128 a) => V(F64Rounded(F64(a), Vector128.Ceiling(F64(a))));

    /// <summary>f64x2.floor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Floor(V128 a) => V(F64Rounded(F64(a), Vector128.Floor(F64(a))));

    /// <summary>f64x2.trunc.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Trunc(V128 a) => V(F64Rounded(F64(a), Vector128.Truncate(F64(a))));

    /// <summary>f64x2.nearest: ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Nearest(V128 a) => V(F64Rounded(F64(a), Vector128.Round(F64(a))));

    /// <summary>f64x2.eq.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Eq(V128 a, V128 b) => V(Vector128.Equals(F64(a), F64(b)));

    /// <summary>f64x2.ne: true for unordered lanes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Ne(V128 a, V128 b) => V(~Vector128.Equals(F64(a), F64(b)));

    /// <summary>f64x2.lt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Lt(V128 a, V128 b) => V(Vector128.LessThan(F64(a), F64(b)));

    /// <summary>f64x2.gt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Gt(V128 a, V128 b) => V(Vector128.GreaterThan(F64(a), F64(b)));

    /// <summary>f64x2.le.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Le(V128 a, V128 b) => V(Vector128.LessThanOrEqual(F64(a), F64(b)));

    /// <summary>f64x2.ge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 F64x2Ge(V128 a, V128 b) => V(Vector128.GreaterThanOrEqual(F64(a), F64(b)));

    // ---- shared ----

    /// <summary>Lanes where x or y is NaN get that NaN (x's first) with the quiet bit set; others keep <paramref name="result"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> F32WithNaNs(Vector128<float> x, Vector128<float> y, Vector128<float> result)
    {
        var xIsNumber = Vector128.Equals(x, x);
        var unordered = ~(xIsNumber & Vector128.Equals(y, y));
        var nan = Vector128.ConditionalSelect(xIsNumber, y, x).AsUInt32() | F32QuietBit;
        return Vector128.ConditionalSelect(unordered, nan.AsSingle(), result);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> F64WithNaNs(Vector128<double> x, Vector128<double> y, Vector128<double> result)
    {
        var xIsNumber = Vector128.Equals(x, x);
        var unordered = ~(xIsNumber & Vector128.Equals(y, y));
        var nan = Vector128.ConditionalSelect(xIsNumber, y, x).AsUInt64() | F64QuietBit;
        return Vector128.ConditionalSelect(unordered, nan.AsDouble(), result);
    }

    /// <summary>
    /// Finishes a rounding: NaN lanes become the quieted operand; other lanes take the operand's
    /// sign, which is exact (a negative operand never rounds to a positive value) and gives
    /// -0 for e.g. ceil(-0.5) whatever the underlying implementation does with zero signs.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<float> F32Rounded(Vector128<float> operand, Vector128<float> rounded)
    {
        var bits = operand.AsUInt32();
        var signed = rounded.AsUInt32() | (bits & F32SignMask);
        return Vector128.ConditionalSelect(Vector128.Equals(operand, operand).AsUInt32(), signed, bits | F32QuietBit).AsSingle();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> F64Rounded(Vector128<double> operand, Vector128<double> rounded)
    {
        var bits = operand.AsUInt64();
        var signed = rounded.AsUInt64() | (bits & F64SignMask);
        return Vector128.ConditionalSelect(Vector128.Equals(operand, operand).AsUInt64(), signed, bits | F64QuietBit).AsDouble();
    }
}
