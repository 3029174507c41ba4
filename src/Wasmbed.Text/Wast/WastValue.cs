using System.Globalization;

namespace Wasmbed.Text;

/// <summary>
/// A constant in a WAST script: an argument of <c>invoke</c>, or an exact expected result.
/// Numbers are kept as raw bits so NaN payloads and signed zeros survive exactly.
/// </summary>
public readonly struct WastValue : IEquatable<WastValue>
{
    private WastValue(ValueType type, ulong bits, ulong highBits, bool isNull)
    {
        Type = type;
        Bits = bits;
        HighBits = highBits;
        IsNull = isNull;
    }

    /// <summary>The value's type; <c>ref.extern</c> is <see cref="ValueType.ExternRef"/>, <c>ref.func</c> <see cref="ValueType.FuncRef"/>.</summary>
    public ValueType Type { get; }

    /// <summary>
    /// i32: the 32 bits zero-extended; i64: the 64 bits; f32/f64: the IEEE bits; v128: the low 64 bits
    /// (lane 0 in the lowest bits); <c>ref.extern N</c>: the host value N; <c>ref.func N</c>: the function index N.
    /// </summary>
    public ulong Bits { get; }

    /// <summary>v128 only: the high 64 bits.</summary>
    public ulong HighBits { get; }

    /// <summary>For reference types: whether this is <c>ref.null</c>.</summary>
    public bool IsNull { get; }

    public static WastValue I32(int value) => new(ValueType.I32, (uint)value, 0, false);
    public static WastValue I64(long value) => new(ValueType.I64, (ulong)value, 0, false);
    public static WastValue F32Bits(uint bits) => new(ValueType.F32, bits, 0, false);
    public static WastValue F64Bits(ulong bits) => new(ValueType.F64, bits, 0, false);
    public static WastValue V128(ulong low, ulong high) => new(ValueType.V128, low, high, false);
    public static WastValue Null(ValueType referenceType) => new(referenceType, 0, 0, true);

    /// <summary><c>ref.extern N</c>: a host reference the embedder identifies by N.</summary>
    public static WastValue ExternRef(ulong hostValue) => new(ValueType.ExternRef, hostValue, 0, false);

    /// <summary><c>ref.func N</c>: a reference to function N of the current module.</summary>
    public static WastValue FuncRef(ulong functionIndex) => new(ValueType.FuncRef, functionIndex, 0, false);

    public int AsInt32 => (int)(uint)Bits;
    public long AsInt64 => (long)Bits;
    public float AsSingle => BitConverter.UInt32BitsToSingle((uint)Bits);
    public double AsDouble => BitConverter.UInt64BitsToDouble(Bits);

    /// <summary>v128: the 16 bytes in memory order (lane 0 first).</summary>
    public byte[] GetV128Bytes()
    {
        var bytes = new byte[16];
        BitConverter.TryWriteBytes(bytes.AsSpan(0, 8), Bits);
        BitConverter.TryWriteBytes(bytes.AsSpan(8, 8), HighBits);
        return bytes;
    }

    public bool Equals(WastValue other) =>
        Type == other.Type && Bits == other.Bits && HighBits == other.HighBits && IsNull == other.IsNull;

    public override bool Equals(object? obj) => obj is WastValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Type, Bits, HighBits, IsNull);

    public static bool operator ==(WastValue left, WastValue right) => left.Equals(right);

    public static bool operator !=(WastValue left, WastValue right) => !left.Equals(right);

    public override string ToString() => Type switch
    {
        ValueType.I32 => $"(i32.const {AsInt32})",
        ValueType.I64 => $"(i64.const {AsInt64})",
        ValueType.F32 => $"(f32.const {AsSingle.ToString("R", CultureInfo.InvariantCulture)} (0x{Bits:x8}))",
        ValueType.F64 => $"(f64.const {AsDouble.ToString("R", CultureInfo.InvariantCulture)} (0x{Bits:x16}))",
        ValueType.V128 => $"(v128.const i64x2 0x{Bits:x16} 0x{HighBits:x16})",
        ValueType.FuncRef => IsNull ? "(ref.null func)" : $"(ref.func {Bits})",
        ValueType.ExternRef => IsNull ? "(ref.null extern)" : $"(ref.extern {Bits})",
        _ => $"({Type} 0x{Bits:x})",
    };
}
