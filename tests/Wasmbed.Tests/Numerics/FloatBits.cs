namespace Wasmbed.Tests.Numerics;

/// <summary>Bit-level float helpers for the numerics tests (hex float literals, NaN classes of spec 4.3.3).</summary>
internal static class FloatBits
{
    public static float F32(uint bits) => BitConverter.UInt32BitsToSingle(bits);
    public static double F64(ulong bits) => BitConverter.UInt64BitsToDouble(bits);
    public static uint Bits(float x) => BitConverter.SingleToUInt32Bits(x);
    public static ulong Bits(double x) => BitConverter.DoubleToUInt64Bits(x);

    public static readonly float CanonicalNaN32 = F32(0x7fc0_0000);
    public static readonly float SignalingNaN32 = F32(0x7fa0_0000); // nan:0x200000
    public static readonly double CanonicalNaN64 = F64(0x7ff8_0000_0000_0000);
    public static readonly double SignalingNaN64 = F64(0x7ff4_0000_0000_0000); // nan:0x4000000000000

    /// <summary>nan:canonical — quiet bit only, either sign.</summary>
    public static bool IsCanonical(float x) => (Bits(x) & 0x7fff_ffff) == 0x7fc0_0000;
    public static bool IsCanonical(double x) => (Bits(x) & 0x7fff_ffff_ffff_ffff) == 0x7ff8_0000_0000_0000;

    /// <summary>nan:arithmetic — a NaN with the quiet bit set.</summary>
    public static bool IsArithmetic(float x) => float.IsNaN(x) && (Bits(x) & 0x0040_0000) != 0;
    public static bool IsArithmetic(double x) => double.IsNaN(x) && (Bits(x) & 0x0008_0000_0000_0000) != 0;

    /// <summary>Bit-exact equality (distinguishes -0 from +0 and NaN payloads).</summary>
    public static void Same(float expected, float actual) =>
        Assert.True(Bits(expected) == Bits(actual), $"expected 0x{Bits(expected):x8} ({expected}), got 0x{Bits(actual):x8} ({actual})");

    public static void Same(double expected, double actual) =>
        Assert.True(Bits(expected) == Bits(actual), $"expected 0x{Bits(expected):x16} ({expected}), got 0x{Bits(actual):x16} ({actual})");

    /// <summary>Interesting f32 inputs: zeros, subnormals, halves, boundaries, infinities, NaNs.</summary>
    public static readonly float[] SpecialF32 =
    [
        0f, -0f, F32(1), F32(0x8000_0001), 0.5f, -0.5f, 1.5f, -1.5f, 2.5f, -2.5f, 1f, -1f, 0.49999997f,
        8388607.5f, -8388607.5f, 8388609f, 16777216f, 2147483520f, -2147483520f, 2147483648f, -2147483648f,
        4294967040f, 4294967296f, -4294967296f, 9223371487098961920f, 9223372036854775808f, -9223372036854775808f,
        float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity,
        CanonicalNaN32, F32(0xffc0_0000), SignalingNaN32, F32(0xffa0_0000), F32(0x7fff_ffff),
    ];

    public static readonly double[] SpecialF64 =
    [
        0.0, -0.0, F64(1), F64(0x8000_0000_0000_0001), 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 1.0, -1.0, 0.49999999999999994,
        4503599627370495.5, -4503599627370495.5, 2147483647.9, -2147483648.9, -2147483649.0, 2147483648.0,
        4294967295.9, 4294967296.0, -0.9999, 9223372036854774784.0, 9223372036854775808.0, -9223372036854775808.0,
        18446744073709549568.0, 18446744073709551616.0,
        double.MaxValue, double.MinValue, double.PositiveInfinity, double.NegativeInfinity,
        CanonicalNaN64, F64(0xfff8_0000_0000_0000), SignalingNaN64, F64(0xfff4_0000_0000_0000), F64(0x7fff_ffff_ffff_ffff),
    ];
}
