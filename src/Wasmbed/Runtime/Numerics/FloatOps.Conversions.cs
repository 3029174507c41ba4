using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime.Numerics;

// Conversions between the numeric types (spec 4.3.4), named after the instruction:
// i32.trunc_f32_s → I32TruncF32S, f32.convert_i64_u → F32ConvertI64U, ...
// Unsigned integer operands and results use the stack's signed C# type (int/long) and
// reinterpret the bits, so the caller never casts.
public static partial class FloatOps
{
    // Exclusive/inclusive bounds of the trapping truncations. A value converts when its
    // truncation fits the target: e.g. i32.trunc_f64_s accepts (-2^31 - 1, 2^31) exclusive,
    // i32.trunc_f32_s accepts [-2^31, 2^31) because -2^31 - 1 is not a float, and every
    // unsigned truncation accepts (-1, 2^N) so that -0.99 truncates to 0.
    private const float TwoPow31F = 2147483648f;
    private const float TwoPow32F = 4294967296f;
    private const float TwoPow63F = 9223372036854775808f;
    private const float TwoPow64F = 18446744073709551616f;
    private const double TwoPow31 = 2147483648.0;
    private const double TwoPow32 = 4294967296.0;
    private const double TwoPow63 = 9223372036854775808.0;
    private const double TwoPow64 = 18446744073709551616.0;

    // ---- trapping truncation (spec 4.3.4 trunc_u / trunc_s) ----

    /// <summary>i32.trunc_f32_s: traps on NaN and when the truncated value is outside i32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF32S(float a)
    {
        if (!(a >= -TwoPow31F && a < TwoPow31F)) TruncationTrap(a);
        return (int)a;
    }

    /// <summary>i32.trunc_f32_u: traps on NaN and when the truncated value is outside u32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF32U(float a)
    {
        if (!(a > -1f && a < TwoPow32F)) TruncationTrap(a);
        return (int)(uint)a;
    }

    /// <summary>i32.trunc_f64_s: traps on NaN and when the truncated value is outside i32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF64S(double a)
    {
        if (!(a > -TwoPow31 - 1 && a < TwoPow31)) TruncationTrap(a);
        return (int)a;
    }

    /// <summary>i32.trunc_f64_u: traps on NaN and when the truncated value is outside u32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncF64U(double a)
    {
        if (!(a > -1.0 && a < TwoPow32)) TruncationTrap(a);
        return (int)(uint)a;
    }

    /// <summary>i64.trunc_f32_s: traps on NaN and when the truncated value is outside i64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF32S(float a)
    {
        if (!(a >= -TwoPow63F && a < TwoPow63F)) TruncationTrap(a);
        return (long)a;
    }

    /// <summary>i64.trunc_f32_u: traps on NaN and when the truncated value is outside u64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF32U(float a)
    {
        if (!(a > -1f && a < TwoPow64F)) TruncationTrap(a);
        return (long)(ulong)a;
    }

    /// <summary>i64.trunc_f64_s: traps on NaN and when the truncated value is outside i64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF64S(double a)
    {
        // -2^63 - 1 is not a double, so the lower bound is inclusive.
        if (!(a >= -TwoPow63 && a < TwoPow63)) TruncationTrap(a);
        return (long)a;
    }

    /// <summary>i64.trunc_f64_u: traps on NaN and when the truncated value is outside u64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncF64U(double a)
    {
        if (!(a > -1.0 && a < TwoPow64)) TruncationTrap(a);
        return (long)(ulong)a;
    }

    /// <summary>spec: 4.3.4 trunc is undefined for NaN (trap "invalid conversion") and for out-of-range values ("integer overflow").</summary>
    [DoesNotReturn]
    private static void TruncationTrap(double a)
    {
        if (double.IsNaN(a)) Traps.InvalidConversionToInteger();
        Traps.IntegerOverflow();
    }

    // ---- saturating truncation (spec 4.3.4 trunc_sat_u / trunc_sat_s: NaN → 0, clamp to the range) ----
    // Written out rather than relying on the runtime's cast behaviour for out-of-range values.

    /// <summary>i32.trunc_sat_f32_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF32S(float a)
    {
        if (a >= -TwoPow31F && a < TwoPow31F) return (int)a;
        if (float.IsNaN(a)) return 0;
        return a < 0 ? int.MinValue : int.MaxValue;
    }

    /// <summary>i32.trunc_sat_f32_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF32U(float a)
    {
        if (!(a > 0f)) return 0; // NaN, negative and zero
        return a < TwoPow32F ? (int)(uint)a : -1;
    }

    /// <summary>i32.trunc_sat_f64_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF64S(double a)
    {
        if (a > -TwoPow31 - 1 && a < TwoPow31) return (int)a;
        if (double.IsNaN(a)) return 0;
        return a < 0 ? int.MinValue : int.MaxValue;
    }

    /// <summary>i32.trunc_sat_f64_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32TruncSatF64U(double a)
    {
        if (!(a > 0.0)) return 0;
        return a < TwoPow32 ? (int)(uint)a : -1;
    }

    /// <summary>i64.trunc_sat_f32_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF32S(float a)
    {
        if (a >= -TwoPow63F && a < TwoPow63F) return (long)a;
        if (float.IsNaN(a)) return 0;
        return a < 0 ? long.MinValue : long.MaxValue;
    }

    /// <summary>i64.trunc_sat_f32_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF32U(float a)
    {
        if (!(a > 0f)) return 0;
        return a < TwoPow64F ? (long)(ulong)a : -1L;
    }

    /// <summary>i64.trunc_sat_f64_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF64S(double a)
    {
        if (a >= -TwoPow63 && a < TwoPow63) return (long)a;
        if (double.IsNaN(a)) return 0;
        return a < 0 ? long.MinValue : long.MaxValue;
    }

    /// <summary>i64.trunc_sat_f64_u.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64TruncSatF64U(double a)
    {
        if (!(a > 0.0)) return 0;
        return a < TwoPow64 ? (long)(ulong)a : -1L;
    }

    // ---- integer → float (spec 4.3.4 convert: round to nearest, ties to even, exactly once) ----

    /// <summary>f32.convert_i32_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ConvertI32S(int a) => a;

    /// <summary>f32.convert_i32_u: every u32 is an exact long, so one rounding happens.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ConvertI32U(int a) => (float)(double)(uint)a;

    /// <summary>f32.convert_i64_s: correctly rounded (no double rounding through f64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ConvertI64S(long a)
    {
        // |a| <= 2^53 is exact as a double, so converting through double rounds once.
        if ((ulong)(a + (1L << 53)) <= (1UL << 54)) return (float)(double)a;
        float magnitude = UInt64AboveTwoPow53ToSingle(a < 0 ? 0UL - (ulong)a : (ulong)a);
        return a < 0 ? -magnitude : magnitude;
    }

    /// <summary>f32.convert_i64_u: correctly rounded (no double rounding through f64).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ConvertI64U(long a)
    {
        ulong u = (ulong)a;
        if (u <= 1UL << 53) return (float)(double)(long)u;
        return UInt64AboveTwoPow53ToSingle(u);
    }

    /// <summary>
    /// Rounds a u64 ≥ 2^53 to f32 exactly once. Converting through double directly would round
    /// twice (64 → 53 → 24 bits) and can miss ties, e.g. 0x7fffff4000000001. Instead the bits
    /// below the top 53 are folded into a sticky lowest bit ("round to odd"): that double is exact,
    /// and since 53 ≥ 24 + 2 its single rounding to f32 equals the correct rounding of the integer.
    /// </summary>
    private static float UInt64AboveTwoPow53ToSingle(ulong u)
    {
        int shift = 11 - BitOperations.LeadingZeroCount(u); // drop bits so that 53 remain
        ulong kept = u >> shift;
        if ((u & ((1UL << shift) - 1)) != 0) kept |= 1;
        double scale = BitConverter.Int64BitsToDouble((long)(1023 + shift) << 52); // 2^shift
        return (float)((double)(long)kept * scale);
    }

    /// <summary>f64.convert_i32_s (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ConvertI32S(int a) => a;

    /// <summary>f64.convert_i32_u (exact).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ConvertI32U(int a) => (uint)a;

    /// <summary>f64.convert_i64_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ConvertI64S(long a) => a;

    /// <summary>f64.convert_i64_u: correctly rounded without relying on the runtime's u64 conversion.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ConvertI64U(long a)
    {
        if (a >= 0) return a;
        // Halve with the lost bit kept as a sticky bit (63 bits ≥ 53 + 2), convert, double back: one rounding.
        ulong u = (ulong)a;
        return (double)(long)((u >> 1) | (u & 1)) * 2.0;
    }

    // ---- float ↔ float (spec 4.3.4 demote/promote) ----

    /// <summary>f32.demote_f64: rounds to nearest; a NaN stays a NaN (quiet, canonical if it was).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32DemoteF64(double a) =>
        double.IsNaN(a) ? DemoteNaN(a) : (float)a;

    /// <summary>f64.promote_f32: exact; a NaN stays a NaN (quiet, canonical if it was).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64PromoteF32(float a) =>
        float.IsNaN(a) ? PromoteNaN(a) : a;

    // spec: 4.3.4 demote/promote of a NaN gives nans{z}: canonical in, canonical out; otherwise any quiet NaN.
    // Done by hand (sign and top payload bits kept, quiet bit set) so no CPU's NaN rules leak through.
    private static float DemoteNaN(double a)
    {
        ulong bits = (ulong)BitConverter.DoubleToInt64Bits(a);
        uint sign = (uint)(bits >> 32) & 0x8000_0000u;
        uint payload = (uint)(bits >> 29) & 0x007F_FFFFu;
        return BitConverter.UInt32BitsToSingle(sign | 0x7FC0_0000u | payload);
    }

    private static double PromoteNaN(float a)
    {
        uint bits = BitConverter.SingleToUInt32Bits(a);
        ulong sign = (ulong)(bits & 0x8000_0000u) << 32;
        ulong payload = (ulong)(bits & 0x007F_FFFFu) << 29;
        return BitConverter.UInt64BitsToDouble(sign | 0x7FF8_0000_0000_0000UL | payload);
    }

    // ---- reinterpretations (spec 4.3.4 reinterpret: the same bits) ----

    /// <summary>i32.reinterpret_f32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32ReinterpretF32(float a) => BitConverter.SingleToInt32Bits(a);

    /// <summary>i64.reinterpret_f64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ReinterpretF64(double a) => BitConverter.DoubleToInt64Bits(a);

    /// <summary>f32.reinterpret_i32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32ReinterpretI32(int a) => BitConverter.Int32BitsToSingle(a);

    /// <summary>f64.reinterpret_i64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64ReinterpretI64(long a) => BitConverter.Int64BitsToDouble(a);
}
