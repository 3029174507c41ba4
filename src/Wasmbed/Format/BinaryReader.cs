using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace Wasmbed.Format;

/// <summary>
/// Reads the primitive encodings of the binary format (spec 5.2) from a span: bytes, LEB128 integers
/// with their length and unused-bit rules, IEEE floats, names. Positions are absolute offsets in the
/// module binary so that every error can say where it happened. Never allocates except for names.
/// </summary>
public ref struct WasmBinaryReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _end;
    private int _position;

    /// <summary>Reads <paramref name="bytes"/> from <paramref name="start"/> up to (not including) <paramref name="end"/>.</summary>
    public WasmBinaryReader(ReadOnlySpan<byte> bytes, int start, int end)
    {
        if ((uint)start > (uint)bytes.Length || (uint)end > (uint)bytes.Length || start > end)
            throw new ArgumentOutOfRangeException(nameof(start));
        _bytes = bytes;
        _position = start;
        _end = end;
    }

    public WasmBinaryReader(ReadOnlySpan<byte> bytes) : this(bytes, 0, bytes.Length) { }

    public readonly int Position => _position;

    /// <summary>The whole module binary (positions are offsets into it), for readers that continue from <see cref="Position"/>.</summary>
    public readonly ReadOnlySpan<byte> Bytes => _bytes;

    public readonly int End => _end;

    public readonly int Remaining => _end - _position;

    public readonly bool AtEnd => _position >= _end;

    public byte ReadByte()
    {
        if (_position >= _end) Throw.Format("unexpected end", _position);
        return _bytes[_position++];
    }

    public readonly byte PeekByte()
    {
        if (_position >= _end) Throw.Format("unexpected end", _position);
        return _bytes[_position];
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining) Throw.Format(count < 0 ? "length out of bounds" : "unexpected end", _position);
        var slice = _bytes.Slice(_position, count);
        _position += count;
        return slice;
    }

    public void Skip(int count) => ReadBytes(count);

    /// <summary>spec 5.2.2: u32 in at most 5 bytes; unused bits of the last byte must be zero.</summary>
    public uint ReadVarUInt32()
    {
        // Fast path for the one-byte case that dominates real modules.
        if (_position < _end && _bytes[_position] < 0x80) return _bytes[_position++];
        int start = _position;
        uint result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0) Throw.Format("integer representation too long", start);
                if ((b & 0x70) != 0) Throw.Format("integer too large", start);
                return result | ((uint)b << 28);
            }
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
        }
    }

    /// <summary>spec 5.2.2: s32 in at most 5 bytes; unused bits of the last byte must be the sign extension.</summary>
    public int ReadVarInt32()
    {
        int start = _position;
        int result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0) Throw.Format("integer representation too long", start);
                // bits 3..6 must equal bit 3 (the sign of the 32-bit value)
                int upper = b & 0x78;
                if (upper != 0 && upper != 0x78) Throw.Format("integer too large", start);
                return result | (b << 28);
            }
            result |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if ((b & 0x40) != 0 && shift + 7 < 32) result |= -1 << (shift + 7);
                return result;
            }
        }
    }

    /// <summary>spec 5.2.2: s33, used by block types; returns the value as a long.</summary>
    public long ReadVarInt33()
    {
        int start = _position;
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 28)
            {
                if ((b & 0x80) != 0) Throw.Format("integer representation too long", start);
                int upper = b & 0x70;   // bits 4..6 must equal bit 4 (sign of the 33-bit value)
                if (upper != 0 && upper != 0x70) Throw.Format("integer too large", start);
                result |= (long)(b & 0x7F) << 28;
                if ((b & 0x10) != 0) result |= -1L << 33;
                return result;
            }
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if ((b & 0x40) != 0) result |= -1L << (shift + 7);
                return result;
            }
        }
    }

    /// <summary>spec 5.2.2: s64 in at most 10 bytes.</summary>
    public long ReadVarInt64()
    {
        int start = _position;
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = ReadByte();
            if (shift == 63)
            {
                if ((b & 0x80) != 0) Throw.Format("integer representation too long", start);
                // only bit 0 is used; the rest must equal it
                if (b != 0 && b != 0x7F) Throw.Format("integer too large", start);
                return result | ((long)b << 63);
            }
            result |= (long)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                if ((b & 0x40) != 0 && shift + 7 < 64) result |= -1L << (shift + 7);
                return result;
            }
        }
    }

    public uint ReadUInt32LittleEndian() => BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4));

    public ulong ReadUInt64LittleEndian() => BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8));

    /// <summary>
    /// Reads a vector length and checks it against the bytes that remain, assuming each element takes at
    /// least <paramref name="minElementSize"/> bytes, so that no count from the input sizes an allocation unchecked.
    /// </summary>
    public int ReadCount(int minElementSize = 1)
    {
        int start = _position;
        uint count = ReadVarUInt32();
        if (minElementSize > 0 && count > (uint)Remaining / (uint)minElementSize)
            Throw.Format(Remaining == 0 && count > 0 ? "unexpected end" : "length out of bounds", start);
        return (int)count;
    }

    /// <summary>spec 5.2.4: a name is a length-prefixed UTF-8 string.</summary>
    public string ReadName()
    {
        int start = _position;
        uint length = ReadVarUInt32();
        if (length > (uint)Remaining) Throw.Format("unexpected end", start);
        var bytes = ReadBytes((int)length);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Throw.Format("malformed UTF-8 encoding", start);
            return null;
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public ValueType ReadValueType()
    {
        int at = _position;
        byte b = ReadByte();
        if (!IsValueType(b)) Throw.Format("malformed value type", at);
        return (ValueType)b;
    }

    public ValueType ReadReferenceType()
    {
        int at = _position;
        byte b = ReadByte();
        if (b != (byte)ValueType.FuncRef && b != (byte)ValueType.ExternRef) Throw.Format("malformed reference type", at);
        return (ValueType)b;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsValueType(byte b) => b is 0x7F or 0x7E or 0x7D or 0x7C or 0x7B or 0x70 or 0x6F;
}
