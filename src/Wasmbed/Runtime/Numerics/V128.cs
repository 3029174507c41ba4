using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Wasmbed;

/// <summary>
/// A WebAssembly <c>v128</c> value: 16 bytes in little-endian lane order. Byte i of the vector is
/// byte i of <see cref="Low"/> (i &lt; 8) or byte i - 8 of <see cref="High"/>, so lane 0 of every
/// shape lives in the low bits of <see cref="Low"/>.
/// </summary>
/// <remarks>
/// The bytes are held as one <see cref="Vector128{T}"/>, so the JIT keeps a V128 in a vector register and the
/// conversions to and from typed vectors (<see cref="AsVector128{T}"/>) cost nothing. (Two <c>ulong</c> fields would
/// live in two general-purpose registers, and every vector operation would move them through memory.)
/// </remarks>
[StructLayout(LayoutKind.Sequential)]
public struct V128 : IEquatable<V128>
{
    /// <summary>The 16 bytes; internal so that compiled code (Wasmbed.Compiler) reaches the vector without a call.</summary>
    internal Vector128<byte> Bytes;

    public V128(ulong low, ulong high) => Bytes = Vector128.Create(low, high).AsByte();

    private V128(Vector128<byte> bytes) => Bytes = bytes;

    /// <summary>Bytes 0–7 (lane 0 of i64x2).</summary>
    public readonly ulong Low
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Bytes.AsUInt64().ToScalar();
    }

    /// <summary>Bytes 8–15 (lane 1 of i64x2).</summary>
    public readonly ulong High
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Bytes.AsUInt64().GetElement(1);
    }

    /// <summary>The all-zero vector.</summary>
    public static V128 Zero => default;

    /// <summary>From the 16 bytes in memory order.</summary>
    public static V128 FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 16) throw new ArgumentException("A v128 has exactly 16 bytes.", nameof(bytes));
        return new V128(
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]));
    }

    /// <summary>From 16 i8 lanes, lane 0 first.</summary>
    public static V128 FromI8x16(
        sbyte l0, sbyte l1, sbyte l2, sbyte l3, sbyte l4, sbyte l5, sbyte l6, sbyte l7,
        sbyte l8, sbyte l9, sbyte l10, sbyte l11, sbyte l12, sbyte l13, sbyte l14, sbyte l15) =>
        FromVector128(Vector128.Create(l0, l1, l2, l3, l4, l5, l6, l7, l8, l9, l10, l11, l12, l13, l14, l15));

    /// <summary>From 8 i16 lanes, lane 0 first.</summary>
    public static V128 FromI16x8(short l0, short l1, short l2, short l3, short l4, short l5, short l6, short l7) =>
        FromVector128(Vector128.Create(l0, l1, l2, l3, l4, l5, l6, l7));

    /// <summary>From 4 i32 lanes, lane 0 first.</summary>
    public static V128 FromI32x4(int l0, int l1, int l2, int l3) =>
        FromVector128(Vector128.Create(l0, l1, l2, l3));

    /// <summary>From 2 i64 lanes, lane 0 first.</summary>
    public static V128 FromI64x2(long l0, long l1) => new((ulong)l0, (ulong)l1);

    /// <summary>From 4 f32 lanes, lane 0 first (NaN payloads are kept).</summary>
    public static V128 FromF32x4(float l0, float l1, float l2, float l3) =>
        FromVector128(Vector128.Create(l0, l1, l2, l3));

    /// <summary>From 2 f64 lanes, lane 0 first (NaN payloads are kept).</summary>
    public static V128 FromF64x2(double l0, double l1) =>
        new((ulong)BitConverter.DoubleToInt64Bits(l0), (ulong)BitConverter.DoubleToInt64Bits(l1));

    /// <summary>The same 16 bytes as a <see cref="Vector128{T}"/> of the given lane type.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector128<T> AsVector128<T>() => Bytes.As<byte, T>();

    /// <summary>The same 16 bytes as a <see cref="V128"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 FromVector128<T>(Vector128<T> vector) => new(vector.As<T, byte>());

    /// <summary>Writes the 16 bytes in memory order.</summary>
    public readonly void CopyTo(Span<byte> destination)
    {
        if (destination.Length < 16) throw new ArgumentException("The destination needs 16 bytes.", nameof(destination));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination, Low);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(destination[8..], High);
    }

    public readonly bool Equals(V128 other) => Bytes == other.Bytes;

    public override readonly bool Equals(object? obj) => obj is V128 other && Equals(other);

    public override readonly int GetHashCode() => HashCode.Combine(Low, High);

    public static bool operator ==(V128 left, V128 right) => left.Equals(right);

    public static bool operator !=(V128 left, V128 right) => !left.Equals(right);

    /// <summary>The text-format constant payload, e.g. <c>i32x4 0x00000001 0x00000000 0x00000000 0x00000000</c>.</summary>
    public override readonly string ToString() =>
        $"i32x4 0x{(uint)Low:x8} 0x{(uint)(Low >> 32):x8} 0x{(uint)High:x8} 0x{(uint)(High >> 32):x8}";
}
