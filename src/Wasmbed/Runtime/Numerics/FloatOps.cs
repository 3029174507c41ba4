using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime.Numerics;

/// <summary>
/// Scalar f32/f64 instructions whose WebAssembly meaning differs from (or is stricter than) the
/// plain C# operator (spec 4.3.3). Conversions live in FloatOps.Conversions.cs.
/// Method names are the instruction mnemonics in PascalCase: <c>f32.copysign</c> → <see cref="F32Copysign"/>.
/// </summary>
/// <remarks>
/// NaN results follow spec 4.3.3 "nans{z*}": when every NaN operand is canonical the result is a
/// canonical NaN, otherwise some arithmetic (quiet) NaN. We return the first NaN operand with its
/// quiet bit set, which satisfies both and is the same on every CPU.
/// abs/neg/copysign are pure sign-bit operations and keep NaN payloads bit for bit.
/// </remarks>
public static partial class FloatOps
{
    private const int F32SignBit = unchecked((int)0x8000_0000);
    private const int F32QuietBit = 0x0040_0000;
    private const long F64SignBit = unchecked((long)0x8000_0000_0000_0000);
    private const long F64QuietBit = 0x0008_0000_0000_0000;

    /// <summary>The NaN with its quiet bit set (an arithmetic NaN, canonical if it already was).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32QuietNaN(float nan) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(nan) | F32QuietBit);

    /// <summary>The NaN with its quiet bit set (an arithmetic NaN, canonical if it already was).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64QuietNaN(double nan) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(nan) | F64QuietBit);

    // ---- f32 sign operations (spec 4.3.3 fabs, fneg, fcopysign: bit operations, no NaN canonicalization) ----

    /// <summary>f32.abs: clears the sign bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Abs(float a) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & ~F32SignBit);

    /// <summary>f32.neg: flips the sign bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Neg(float a) =>
        BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) ^ F32SignBit);

    /// <summary>f32.copysign: the magnitude of <paramref name="a"/> with the sign bit of <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Copysign(float a, float b) =>
        BitConverter.Int32BitsToSingle(
            (BitConverter.SingleToInt32Bits(a) & ~F32SignBit) | (BitConverter.SingleToInt32Bits(b) & F32SignBit));

    // ---- f32 min/max (spec 4.3.3 fmin/fmax: NaN wins, -0 < +0) ----

    /// <summary>f32.min: a NaN operand gives a NaN; min(-0, +0) is -0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Min(float a, float b)
    {
        if (a < b) return a;
        if (b < a) return b;
        // Equal (OR of the bits picks -0 out of {-0, +0}) or unordered (a NaN is involved).
        if (a == b) return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) | BitConverter.SingleToInt32Bits(b));
        return F32QuietNaN(float.IsNaN(a) ? a : b);
    }

    /// <summary>f32.max: a NaN operand gives a NaN; max(-0, +0) is +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Max(float a, float b)
    {
        if (a > b) return a;
        if (b > a) return b;
        // Equal (AND of the bits picks +0 out of {-0, +0}) or unordered.
        if (a == b) return BitConverter.Int32BitsToSingle(BitConverter.SingleToInt32Bits(a) & BitConverter.SingleToInt32Bits(b));
        return F32QuietNaN(float.IsNaN(a) ? a : b);
    }

    // ---- f32 rounding (spec 4.3.3 fceil/ffloor/ftrunc/fnearest/fsqrt) ----
    // A zero result keeps the operand's sign (ceil(-0.5) = -0, nearest(-0.5) = -0): copying the
    // operand's sign onto the rounded value is exact for every non-NaN input.

    /// <summary>f32.ceil.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Ceil(float a) => float.IsNaN(a) ? F32QuietNaN(a) : MathF.CopySign(MathF.Ceiling(a), a);

    /// <summary>f32.floor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Floor(float a) => float.IsNaN(a) ? F32QuietNaN(a) : MathF.CopySign(MathF.Floor(a), a);

    /// <summary>f32.trunc: rounds toward zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Trunc(float a) => float.IsNaN(a) ? F32QuietNaN(a) : MathF.CopySign(MathF.Truncate(a), a);

    /// <summary>f32.nearest: rounds to the nearest integer, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Nearest(float a) =>
        float.IsNaN(a) ? F32QuietNaN(a) : MathF.CopySign(MathF.Round(a, MidpointRounding.ToEven), a);

    /// <summary>f32.sqrt: sqrt(-x) is a canonical NaN, as the hardware instruction gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Sqrt(float a) => float.IsNaN(a) ? F32QuietNaN(a) : MathF.Sqrt(a);

    // ---- f64 sign operations ----

    /// <summary>f64.abs: clears the sign bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Abs(double a) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & ~F64SignBit);

    /// <summary>f64.neg: flips the sign bit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Neg(double a) =>
        BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) ^ F64SignBit);

    /// <summary>f64.copysign: the magnitude of <paramref name="a"/> with the sign bit of <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Copysign(double a, double b) =>
        BitConverter.Int64BitsToDouble(
            (BitConverter.DoubleToInt64Bits(a) & ~F64SignBit) | (BitConverter.DoubleToInt64Bits(b) & F64SignBit));

    // ---- f64 min/max ----

    /// <summary>f64.min: a NaN operand gives a NaN; min(-0, +0) is -0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Min(double a, double b)
    {
        if (a < b) return a;
        if (b < a) return b;
        if (a == b) return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));
        return F64QuietNaN(double.IsNaN(a) ? a : b);
    }

    /// <summary>f64.max: a NaN operand gives a NaN; max(-0, +0) is +0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Max(double a, double b)
    {
        if (a > b) return a;
        if (b > a) return b;
        if (a == b) return BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));
        return F64QuietNaN(double.IsNaN(a) ? a : b);
    }

    // ---- f64 rounding ----

    /// <summary>f64.ceil.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Ceil(double a) => double.IsNaN(a) ? F64QuietNaN(a) : Math.CopySign(Math.Ceiling(a), a);

    /// <summary>f64.floor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Floor(double a) => double.IsNaN(a) ? F64QuietNaN(a) : Math.CopySign(Math.Floor(a), a);

    /// <summary>f64.trunc: rounds toward zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Trunc(double a) => double.IsNaN(a) ? F64QuietNaN(a) : Math.CopySign(Math.Truncate(a), a);

    /// <summary>f64.nearest: rounds to the nearest integer, ties to even.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Nearest(double a) =>
        double.IsNaN(a) ? F64QuietNaN(a) : Math.CopySign(Math.Round(a, MidpointRounding.ToEven), a);

    /// <summary>f64.sqrt: sqrt(-x) is a canonical NaN, as the hardware instruction gives.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Sqrt(double a) => double.IsNaN(a) ? F64QuietNaN(a) : Math.Sqrt(a);
}
