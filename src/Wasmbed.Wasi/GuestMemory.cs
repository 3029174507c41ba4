using System.Buffers.Binary;
using System.Text;

namespace Wasmbed.Wasi;

/// <summary>
/// The guest's linear memory as a WASI call sees it. Every pointer and length from the guest goes through here and is
/// checked against the memory's size: a range that does not fit is <see cref="Errno.Fault"/>, never a host fault.
/// Values are little-endian (spec 4.2.8).
/// </summary>
internal readonly ref struct GuestMemory
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Span<byte> _bytes;

    public GuestMemory(Span<byte> bytes)
    {
        _bytes = bytes;
    }

    public int Length => _bytes.Length;

    /// <summary>The <paramref name="length"/> bytes at <paramref name="pointer"/> (both unsigned 32-bit guest values).</summary>
    public Span<byte> Slice(uint pointer, uint length)
    {
        if ((ulong)pointer + length > (ulong)_bytes.Length) WasiError.Throw(Errno.Fault);
        return _bytes.Slice((int)pointer, (int)length);
    }

    /// <summary>An array of <paramref name="count"/> elements of <paramref name="elementSize"/> bytes at <paramref name="pointer"/>.</summary>
    public Span<byte> SliceArray(uint pointer, uint count, uint elementSize)
    {
        ulong size = (ulong)count * elementSize;
        if (size > uint.MaxValue) WasiError.Throw(Errno.Fault);
        return Slice(pointer, (uint)size);
    }

    public byte ReadByte(uint pointer) => Slice(pointer, 1)[0];

    public ushort ReadUInt16(uint pointer) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(pointer, 2));

    public uint ReadUInt32(uint pointer) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(pointer, 4));

    public ulong ReadUInt64(uint pointer) => BinaryPrimitives.ReadUInt64LittleEndian(Slice(pointer, 8));

    public void WriteByte(uint pointer, byte value) => Slice(pointer, 1)[0] = value;

    public void WriteUInt16(uint pointer, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Slice(pointer, 2), value);

    public void WriteUInt32(uint pointer, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Slice(pointer, 4), value);

    public void WriteUInt64(uint pointer, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Slice(pointer, 8), value);

    /// <summary>A UTF-8 string of <paramref name="length"/> bytes; invalid UTF-8 is <see cref="Errno.IllegalSequence"/>.</summary>
    public string ReadString(uint pointer, uint length)
    {
        var bytes = Slice(pointer, length);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return WasiError.Throw<string>(Errno.IllegalSequence);
        }
    }

    /// <summary>
    /// The buffers of an iovec/ciovec array (witx: <c>buf: u32</c> at 0, <c>buf_len: u32</c> at 4, 8 bytes each),
    /// every one checked, as (pointer, length) pairs.
    /// </summary>
    public (uint Pointer, uint Length)[] ReadIoVectors(uint array, uint count)
    {
        var table = SliceArray(array, count, 8);
        var vectors = new (uint, uint)[count];
        for (int i = 0; i < vectors.Length; i++)
        {
            uint pointer = BinaryPrimitives.ReadUInt32LittleEndian(table[(i * 8)..]);
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(table[(i * 8 + 4)..]);
            Slice(pointer, length);
            vectors[i] = (pointer, length);
        }
        return vectors;
    }
}
