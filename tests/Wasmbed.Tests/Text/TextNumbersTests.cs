using Wasmbed.Text.Lexing;

namespace Wasmbed.Tests.Text;

public sealed class TextNumbersTests
{
    [Theory]
    [InlineData("0x1.fffffep127", 0x7F7FFFFFu)]        // largest finite
    [InlineData("0x1p-126", 0x00800000u)]              // smallest normal
    [InlineData("0x1p-149", 0x00000001u)]              // smallest subnormal
    [InlineData("0x1.8p-149", 0x00000002u)]            // 1.5 ulp: tie, rounds to even (2)
    [InlineData("0x1.4p-149", 0x00000001u)]            // 1.25 ulp rounds down
    [InlineData("0x1p-150", 0x00000000u)]              // half of the smallest subnormal: tie to even (0)
    [InlineData("0x1.000002p-150", 0x00000001u)]       // just above half rounds up
    [InlineData("0x1.000001p0", 0x3F800000u)]          // tie between 1 and next: even (1)
    [InlineData("0x1.000003p0", 0x3F800002u)]          // tie, rounds up to even
    [InlineData("0x1.0000010000000000000000001p0", 0x3F800001u)] // tie broken by a far sticky bit
    [InlineData("0x1.fffffefffffffp127", 0x7F7FFFFFu)]  // just below the overflow tie
    [InlineData("0x.8p1", 0u)]                         // placeholder replaced below (not a literal)
    [InlineData("-0x1p0", 0xBF800000u)]
    [InlineData("0x1_0p0", 0x41800000u)]
    [InlineData("0x10", 0x41800000u)]
    [InlineData("0x1P+4", 0x41800000u)]
    [InlineData("0xff.8p-4", 0x417F8000u)]
    public void HexFloatsRoundToNearestEven(string text, uint expected)
    {
        if (text == "0x.8p1")
        {
            Assert.False(TextNumbers.TryParseF32(text, out _)); // a hex float needs a leading digit
            return;
        }
        Assert.True(TextNumbers.TryParseF32(text, out uint bits), text);
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("0x1p128")]
    [InlineData("0x1.ffffffp127")]                     // rounds up to 2^128
    [InlineData("1e39")]
    [InlineData("340282356779733661637539395458142568448")] // exactly the midpoint to 2^128: ties to even overflows
    [InlineData("nan:0x800000")]
    [InlineData("nan:0x0")]
    [InlineData("1__0")]
    [InlineData("_1.0")]
    [InlineData("1.0_")]
    [InlineData("1.0e_1")]
    [InlineData("0x")]
    [InlineData("0xg")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("infinity")]
    [InlineData("nan:canonical")]
    public void RejectsMalformedOrOutOfRangeF32(string text) => Assert.False(TextNumbers.TryParseF32(text, out _), text);

    [Theory]
    [InlineData("3.4028234663852886e38", 0x7F7FFFFFu)]
    [InlineData("340282356779733661637539395458142568447", 0x7F7FFFFFu)] // just under the overflow midpoint
    [InlineData("1.4e-45", 0x00000001u)]
    [InlineData("7e-46", 0x00000000u)]                 // below half of the smallest subnormal (0.7006e-45)
    [InlineData("8e-46", 0x00000001u)]
    // Above the f32 midpoint 1+2^-24 by less than half an f64 ulp: via double it would round to 1.0.
    [InlineData("1.0000000596046447753906250000000001", 0x3F800001u)]
    [InlineData("1.000000059604644775390625", 0x3F800000u)] // exactly the midpoint: even
    [InlineData("1_000.000_1", 0x447A0002u)]        // 1000.0001 is 1.6 ulps above 1000
    [InlineData("1.", 0x3F800000u)]
    [InlineData("1.e1", 0x41200000u)]
    [InlineData("-0", 0x80000000u)]
    [InlineData("+1E+1", 0x41200000u)]
    [InlineData("inf", 0x7F800000u)]
    [InlineData("-inf", 0xFF800000u)]
    [InlineData("nan", 0x7FC00000u)]
    [InlineData("-nan", 0xFFC00000u)]
    [InlineData("+nan", 0x7FC00000u)]
    [InlineData("nan:0x1", 0x7F800001u)]
    [InlineData("-nan:0x7f_ffff", 0xFFFFFFFFu)]
    [InlineData("nan:0x200000", 0x7FA00000u)]
    public void DecimalAndSpecialF32(string text, uint expected)
    {
        Assert.True(TextNumbers.TryParseF32(text, out uint bits), text);
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("0x1p-1074", 0x0000000000000001UL)]
    [InlineData("0x1p-1075", 0x0000000000000000UL)]
    [InlineData("0x1.8p-1074", 0x0000000000000002UL)]
    [InlineData("0x1.fffffffffffffp1023", 0x7FEFFFFFFFFFFFFFUL)]
    [InlineData("0x1.fffffffffffff7ffp1023", 0x7FEFFFFFFFFFFFFFUL)]
    [InlineData("0x1p-1022", 0x0010000000000000UL)]
    [InlineData("0x0.fffffffffffff8p-1022", 0x0010000000000000UL)] // subnormal rounds up into the normal range
    [InlineData("4.9406564584124654e-324", 0x0000000000000001UL)]
    [InlineData("1.7976931348623157e308", 0x7FEFFFFFFFFFFFFFUL)]
    [InlineData("nan:0xfffffffffffff", 0x7FFFFFFFFFFFFFFFUL)]
    [InlineData("-nan", 0xFFF8000000000000UL)]
    [InlineData("0x1.000000000000080000000001p0", 0x3FF0000000000001UL)]
    [InlineData("123456789012345678901234567890", 0x45F8EE90FF6C373EUL)]
    public void F64(string text, ulong expected)
    {
        Assert.True(TextNumbers.TryParseF64(text, out ulong bits), text);
        Assert.Equal(expected, bits);
    }

    [Theory]
    [InlineData("0x1.fffffffffffff8p1023")] // ties to even carries to 2^1024
    [InlineData("1.7976931348623159e308")]
    [InlineData("nan:0x10000000000000")]
    public void RejectsOutOfRangeF64(string text) => Assert.False(TextNumbers.TryParseF64(text, out _), text);

    [Theory]
    [InlineData("0", 32, 0UL)]
    [InlineData("4294967295", 32, 0xFFFFFFFFUL)]
    [InlineData("0xffffffff", 32, 0xFFFFFFFFUL)]
    [InlineData("-2147483648", 32, 0x80000000UL)]
    [InlineData("-0x80000000", 32, 0x80000000UL)]
    [InlineData("+2147483647", 32, 0x7FFFFFFFUL)]
    [InlineData("-1", 32, 0xFFFFFFFFUL)]
    [InlineData("0x0_9acf_fBDF", 32, 0x9ACFFBDFUL)]
    [InlineData("1_000_000", 32, 1000000UL)]
    [InlineData("18446744073709551615", 64, ulong.MaxValue)]
    [InlineData("-9223372036854775808", 64, 0x8000000000000000UL)]
    [InlineData("0x7fffffffffffffff", 64, 0x7FFFFFFFFFFFFFFFUL)]
    [InlineData("-0x8000000000000000", 64, 0x8000000000000000UL)]
    [InlineData("255", 8, 0xFFUL)]
    [InlineData("-128", 8, 0x80UL)]
    public void Integers(string text, int bits, ulong expected)
    {
        Assert.True(TextNumbers.TryParseInteger(text, bits, out ulong value), text);
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("4294967296", 32)]
    [InlineData("0x100000000", 32)]
    [InlineData("-2147483649", 32)]
    [InlineData("-0x80000001", 32)]
    [InlineData("18446744073709551616", 64)]
    [InlineData("-9223372036854775809", 64)]
    [InlineData("256", 8)]
    [InlineData("-129", 8)]
    [InlineData("1__0", 32)]
    [InlineData("_1", 32)]
    [InlineData("1_", 32)]
    [InlineData("0x_1", 32)]
    [InlineData("0_x1", 32)]
    [InlineData("+_1", 32)]
    [InlineData("0x", 32)]
    [InlineData("1.0", 32)]
    [InlineData("", 32)]
    [InlineData("-", 32)]
    public void RejectsBadIntegers(string text, int bits) => Assert.False(TextNumbers.TryParseInteger(text, bits, out _), text);

    [Fact]
    public void DistinguishesOutOfRangeFromMalformedForMessages()
    {
        Assert.True(TextNumbers.IsIntegerSyntax("0x100000000"));
        Assert.False(TextNumbers.IsIntegerSyntax("0x"));
        Assert.True(TextNumbers.IsFloatSyntax("1e400"));
        Assert.True(TextNumbers.IsFloatSyntax("nan:0x800000"));
        Assert.False(TextNumbers.IsFloatSyntax("nan:arithmetic"));
    }
}
