namespace Wasmbed.Text.Binary;

/// <summary>A growable byte buffer with the primitive encodings of the binary format (spec 5.2).</summary>
internal sealed class ByteWriter
{
    private byte[] _buffer;

    public ByteWriter(int capacity = 64) => _buffer = new byte[Math.Max(capacity, 16)];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, Length);

    public void Clear() => Length = 0;

    public void Byte(byte value)
    {
        if (Length == _buffer.Length) Grow(1);
        _buffer[Length++] = value;
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        if (Length + bytes.Length > _buffer.Length) Grow(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public void Bytes(List<byte> bytes)
    {
        foreach (byte b in bytes) Byte(b);
    }

    /// <summary>Unsigned LEB128 (spec 5.2.2).</summary>
    public void U32(uint value) => U64(value);

    public void U64(ulong value)
    {
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0) b |= 0x80;
            Byte(b);
        }
        while (value != 0);
    }

    /// <summary>Signed LEB128 (spec 5.2.2).</summary>
    public void S64(long value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            if (done)
            {
                Byte(b);
                return;
            }
            Byte((byte)(b | 0x80));
        }
    }

    public void S32(int value) => S64(value);

    public void UInt32LittleEndian(uint value)
    {
        for (int i = 0; i < 4; i++) Byte((byte)(value >> (8 * i)));
    }

    public void UInt64LittleEndian(ulong value)
    {
        for (int i = 0; i < 8; i++) Byte((byte)(value >> (8 * i)));
    }

    /// <summary>A length-prefixed byte vector (names, data).</summary>
    public void Vector(ReadOnlySpan<byte> bytes)
    {
        U32((uint)bytes.Length);
        Bytes(bytes);
    }

    public void Vector(ByteWriter other)
    {
        U32((uint)other.Length);
        Bytes(other.WrittenSpan);
    }

    public byte[] ToArray() => _buffer.AsSpan(0, Length).ToArray();

    private void Grow(int needed)
    {
        int size = Math.Max(_buffer.Length * 2, Length + needed);
        Array.Resize(ref _buffer, size);
    }
}
