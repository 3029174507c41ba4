using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

/// <summary><c>v128.const</c> operands: a shape then its lane literals (spec 6.5.7).</summary>
internal static class V128Literal
{
    /// <summary>Parses <c>shape lane*</c> and returns the 128 bits, lane 0 in the low bits.</summary>
    public static (ulong Low, ulong High) Parse(TokenReader reader)
    {
        var shape = reader.Current;
        if (shape.Kind != TokenKind.Keyword) throw reader.Unexpected(shape, "a vector shape (i8x16, i16x8, i32x4, i64x2, f32x4, f64x2)");
        var (laneBits, isFloat) = reader.Text(shape) switch
        {
            "i8x16" => (8, false),
            "i16x8" => (16, false),
            "i32x4" => (32, false),
            "i64x2" => (64, false),
            "f32x4" => (32, true),
            "f64x2" => (64, true),
            _ => throw reader.Unexpected(shape, "a vector shape (i8x16, i16x8, i32x4, i64x2, f32x4, f64x2)"),
        };
        reader.Position++;
        int lanes = 128 / laneBits;
        UInt128 value = 0;
        for (int i = 0; i < lanes; i++)
        {
            if (!reader.IsNumberToken) throw reader.Error($"wrong number of lane literals: {reader.TextString(shape)} needs {lanes}");
            ulong lane = isFloat
                ? laneBits == 32 ? reader.ReadF32() : reader.ReadF64()
                : reader.ReadInteger(laneBits);
            value |= (UInt128)lane << (i * laneBits);
        }
        return ((ulong)value, (ulong)(value >> 64));
    }
}
