using System.Globalization;
using System.Numerics;

namespace Wasmbed.Text.Lexing;

/// <summary>
/// Numeric literals of the text format (spec 6.3.3): integers with signs, underscores and hex;
/// floats in decimal or hex with exponents, <c>inf</c>, <c>nan</c> and <c>nan:0x…</c>.
/// Every parser returns false for text that is not a literal of that kind or is out of range.
/// </summary>
internal static class TextNumbers
{
    /// <summary>An unsigned literal without sign (spec 6.3.3 uN), checked against <paramref name="bits"/>.</summary>
    public static bool TryParseUnsigned(ReadOnlySpan<char> text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0 || text[0] is '+' or '-') return false;
        return TryParseMagnitude(text, out value, out bool overflow) && !overflow &&
            (bits == 64 || value <= (1UL << bits) - 1);
    }

    /// <summary>
    /// An iN literal (spec 6.3.3): an unsigned uN, or a signed sN; returns the two's complement bits.
    /// </summary>
    public static bool TryParseInteger(ReadOnlySpan<char> text, int bits, out ulong value)
    {
        value = 0;
        if (text.Length == 0) return false;
        bool negative = text[0] == '-';
        bool signed = negative || text[0] == '+';
        if (!TryParseMagnitude(signed ? text[1..] : text, out ulong magnitude, out bool overflow) || overflow)
            return false;
        ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
        ulong signLimit = 1UL << (bits - 1);
        if (!signed)
        {
            if (magnitude > mask) return false;
            value = magnitude;
        }
        else if (negative)
        {
            if (magnitude > signLimit) return false;
            value = (0 - magnitude) & mask;
        }
        else
        {
            if (magnitude >= signLimit) return false;
            value = magnitude;
        }
        return true;
    }

    /// <summary>Digits (decimal or 0x hex) with single underscores between digits.</summary>
    private static bool TryParseMagnitude(ReadOnlySpan<char> text, out ulong value, out bool overflow)
    {
        value = 0;
        overflow = false;
        bool hex = text.Length > 2 && text[0] == '0' && text[1] is 'x';
        if (hex) text = text[2..];
        if (!IsDigitSequence(text, hex)) return false;
        ulong radix = hex ? 16UL : 10UL;
        foreach (char c in text)
        {
            if (c == '_') continue;
            ulong digit = (ulong)Lexer.HexValue(c);
            if (value > (ulong.MaxValue - digit) / radix) overflow = true;
            value = value * radix + digit;
        }
        return true;
    }

    // spec 6.3.3: num ::= digit ('_'? digit)*
    private static bool IsDigitSequence(ReadOnlySpan<char> text, bool hex)
    {
        if (text.Length == 0) return false;
        bool previousWasDigit = false;
        foreach (char c in text)
        {
            if (c == '_')
            {
                if (!previousWasDigit) return false;
                previousWasDigit = false;
            }
            else if (hex ? Lexer.IsHexDigit(c) : c is >= '0' and <= '9')
            {
                previousWasDigit = true;
            }
            else
            {
                return false;
            }
        }
        return previousWasDigit;
    }

    /// <summary>Whether the text has the shape of an integer literal, whatever its range (for error messages).</summary>
    public static bool IsIntegerSyntax(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '+' or '-') text = text[1..];
        bool hex = text.Length > 2 && text[0] == '0' && text[1] == 'x';
        return IsDigitSequence(hex ? text[2..] : text, hex);
    }

    /// <summary>Whether the text has the shape of a float literal, whatever its range (for error messages).</summary>
    public static bool IsFloatSyntax(ReadOnlySpan<char> text)
    {
        if (text.Length > 0 && text[0] is '+' or '-') text = text[1..];
        if (text is "inf" or "nan") return true;
        if (text.StartsWith("nan:0x")) return IsDigitSequence(text[6..], hex: true);
        bool hex = text.Length > 2 && text[0] == '0' && text[1] == 'x';
        return SplitFloat(hex ? text[2..] : text, hex, out _, out _, out _);
    }

    public static bool TryParseF32(ReadOnlySpan<char> text, out uint bits)
    {
        bool ok = TryParseFloat(text, FloatFormat.Single, out ulong raw);
        bits = (uint)raw;
        return ok;
    }

    public static bool TryParseF64(ReadOnlySpan<char> text, out ulong bits) =>
        TryParseFloat(text, FloatFormat.Double, out bits);

    private sealed record FloatFormat(int MantissaBits, int ExponentBits)
    {
        public static readonly FloatFormat Single = new(23, 8);
        public static readonly FloatFormat Double = new(52, 11);

        public int Bias => (1 << (ExponentBits - 1)) - 1;
        public ulong ExponentMask => ((1UL << ExponentBits) - 1) << MantissaBits;
        public ulong SignBit => 1UL << (MantissaBits + ExponentBits);
        public ulong QuietBit => 1UL << (MantissaBits - 1);
    }

    private static bool TryParseFloat(ReadOnlySpan<char> text, FloatFormat format, out ulong bits)
    {
        bits = 0;
        if (text.Length == 0) return false;
        bool negative = text[0] == '-';
        if (text[0] is '+' or '-') text = text[1..];
        ulong sign = negative ? format.SignBit : 0;

        if (text.SequenceEqual("inf"))
        {
            bits = sign | format.ExponentMask;
            return true;
        }
        if (text.SequenceEqual("nan"))
        {
            // spec 6.3.3: plain nan is the canonical NaN
            bits = sign | format.ExponentMask | format.QuietBit;
            return true;
        }
        if (text.StartsWith("nan:0x"))
        {
            // spec 6.3.3: the payload must be 1 <= n < 2^signif
            if (!IsDigitSequence(text[6..], hex: true) || !TryParseMagnitude(text[4..], out ulong payload, out bool overflow) ||
                overflow || payload == 0 || payload >= 1UL << format.MantissaBits)
                return false;
            bits = sign | format.ExponentMask | payload;
            return true;
        }

        ulong magnitude;
        if (text.Length > 2 && text[0] == '0' && text[1] == 'x')
        {
            if (!TryParseHexFloat(text[2..], format, out magnitude)) return false;
        }
        else if (!TryParseDecimalFloat(text, format, out magnitude))
        {
            return false;
        }
        bits = sign | magnitude;
        return true;
    }

    // spec 6.3.3: float ::= num ('.' frac?)? ([eE] sign? num)?, rounded to nearest, ties to even.
    private static bool TryParseDecimalFloat(ReadOnlySpan<char> text, FloatFormat format, out ulong bits)
    {
        bits = 0;
        if (!SplitFloat(text, hex: false, out _, out _, out _)) return false;
        Span<char> buffer = text.Length <= 256 ? stackalloc char[text.Length] : new char[text.Length];
        int n = 0;
        foreach (char c in text)
        {
            if (c != '_') buffer[n++] = c;
        }
        var clean = buffer[..n];
        // Parse single precision directly: going through double would round twice.
        if (format == FloatFormat.Single)
        {
            float f = float.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (float.IsInfinity(f)) return false;
            bits = BitConverter.SingleToUInt32Bits(f);
        }
        else
        {
            double d = double.Parse(clean, NumberStyles.Float, CultureInfo.InvariantCulture);
            if (double.IsInfinity(d)) return false;
            bits = BitConverter.DoubleToUInt64Bits(d);
        }
        return true;
    }

    /// <summary>Checks the shape num ('.' frac?)? (e|p sign? num)? and returns its parts.</summary>
    private static bool SplitFloat(ReadOnlySpan<char> text, bool hex, out ReadOnlySpan<char> integer,
        out ReadOnlySpan<char> fraction, out ReadOnlySpan<char> exponent)
    {
        fraction = default;
        exponent = default;
        int exponentAt = hex ? text.IndexOfAny('p', 'P') : text.IndexOfAny('e', 'E');
        var mantissa = exponentAt < 0 ? text : text[..exponentAt];
        if (exponentAt >= 0)
        {
            exponent = text[(exponentAt + 1)..];
            var digits = exponent.Length > 0 && exponent[0] is '+' or '-' ? exponent[1..] : exponent;
            if (!IsDigitSequence(digits, hex: false))
            {
                integer = default;
                return false;
            }
        }
        int dot = mantissa.IndexOf('.');
        integer = dot < 0 ? mantissa : mantissa[..dot];
        if (!IsDigitSequence(integer, hex)) return false;
        if (dot >= 0)
        {
            fraction = mantissa[(dot + 1)..];
            if (fraction.Length > 0 && !IsDigitSequence(fraction, hex)) return false;
        }
        return true;
    }

    // spec 6.3.3: hexfloat ::= '0x' hexnum ('.' hexfrac?)? ([pP] sign? num)?
    // Rounded here on the integer mantissa, to nearest with ties to even, including subnormals.
    private static bool TryParseHexFloat(ReadOnlySpan<char> text, FloatFormat format, out ulong bits)
    {
        bits = 0;
        if (!SplitFloat(text, hex: true, out var integer, out var fraction, out var exponentText)) return false;

        // value = mantissa * 2^exponent (+ sticky, a nonzero remainder below the mantissa's last bit)
        ulong mantissa = 0;
        long exponent = 0;
        bool sticky = false;
        const ulong Capacity = 1UL << 60;
        foreach (char c in integer)
        {
            if (c == '_') continue;
            int digit = Lexer.HexValue(c);
            if (mantissa < Capacity)
            {
                mantissa = mantissa * 16 + (ulong)digit;
            }
            else
            {
                exponent += 4;
                sticky |= digit != 0;
            }
        }
        foreach (char c in fraction)
        {
            if (c == '_') continue;
            int digit = Lexer.HexValue(c);
            if (mantissa < Capacity)
            {
                mantissa = mantissa * 16 + (ulong)digit;
                exponent -= 4;
            }
            else
            {
                sticky |= digit != 0;
            }
        }
        if (exponentText.Length > 0) exponent += ParseSaturatedExponent(exponentText);

        if (mantissa == 0)
        {
            bits = 0;
            return true;
        }

        int msb = 63 - BitOperations.LeadingZeroCount(mantissa);
        long valueExponent = msb + exponent; // value = 1.xxx * 2^valueExponent
        if (valueExponent > format.Bias) return false;

        long minimumLsb = 1 - format.Bias - format.MantissaBits; // lsb of the smallest subnormal
        long lsb = Math.Max(valueExponent - format.MantissaBits, minimumLsb);
        long shift = lsb - exponent; // mantissa bits that fall below the target precision
        ulong result;
        if (shift <= 0)
        {
            result = mantissa << (int)-shift;
        }
        else if (shift > 64)
        {
            result = 0; // far below half of the smallest subnormal
        }
        else
        {
            ulong dropped = shift == 64 ? mantissa : mantissa & ((1UL << (int)shift) - 1);
            ulong half = 1UL << (int)(shift - 1);
            result = shift == 64 ? 0 : mantissa >> (int)shift;
            if (dropped > half || (dropped == half && (sticky || (result & 1) != 0))) result++;
        }

        if (result == 1UL << (format.MantissaBits + 1))
        {
            // rounding carried into a new bit
            result >>= 1;
            lsb++;
        }
        if (result >= 1UL << format.MantissaBits)
        {
            long biased = lsb + format.MantissaBits + format.Bias;
            if (biased >= (1L << format.ExponentBits) - 1) return false;
            bits = ((ulong)biased << format.MantissaBits) | (result & ((1UL << format.MantissaBits) - 1));
        }
        else
        {
            bits = result; // subnormal (or zero after rounding)
        }
        return true;
    }

    private static long ParseSaturatedExponent(ReadOnlySpan<char> text)
    {
        bool negative = text[0] == '-';
        if (text[0] is '+' or '-') text = text[1..];
        long value = 0;
        foreach (char c in text)
        {
            if (c == '_') continue;
            value = Math.Min(value * 10 + (c - '0'), 1_000_000);
        }
        return negative ? -value : value;
    }
}
