using System.Buffers.Binary;

namespace Wasmbed.Gateway.Messages;

/// <summary>
/// The in-memory form of a message that guests read and write (docs/gateway.md, "Messages"): a 32-byte
/// little-endian header (kind, meta_len, data_len, format, width, height, stride, reserved), the metadata,
/// then the data at <c>32 + align8(meta_len)</c>.
/// </summary>
public static class Envelope
{
    public const int HeaderSize = 32;
    public const int MaxDataBytes = 8 * 1024 * 1024;

    public static int Align8(int n) => (n + 7) & ~7;

    /// <summary>The encoded size of a message with <paramref name="metaLength"/> metadata bytes.</summary>
    public static int Size(int metaLength, int dataLength) => HeaderSize + Align8(metaLength) + dataLength;

    /// <summary>Encodes a message (metadata given already encoded) into a new array.</summary>
    public static byte[] Encode(Message message)
    {
        var meta = message.Meta.Encode();
        var buffer = new byte[Size(meta.Length, message.Data.Length)];
        Write(message, meta, buffer);
        return buffer;
    }

    /// <summary>Writes the envelope into <paramref name="destination"/>, which must be exactly <see cref="Size"/> bytes.</summary>
    public static void Write(Message message, ReadOnlySpan<byte> encodedMeta, Span<byte> destination)
    {
        destination[..HeaderSize].Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(destination, (uint)message.Kind);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[4..], (uint)encodedMeta.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[8..], (uint)message.Data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[12..], message.Format);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[16..], message.Width);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[20..], message.Height);
        BinaryPrimitives.WriteUInt32LittleEndian(destination[24..], message.Stride);
        encodedMeta.CopyTo(destination[HeaderSize..]);
        int dataOffset = HeaderSize + Align8(encodedMeta.Length);
        destination[(HeaderSize + encodedMeta.Length)..dataOffset].Clear();
        message.Data.Span.CopyTo(destination[dataOffset..]);
    }

    /// <summary>
    /// Decodes an envelope (copying its data). Throws <see cref="FormatException"/> when it is malformed: lengths that
    /// do not add up to the envelope's size, an unknown kind, a frame whose data is not <c>stride * height</c>.
    /// </summary>
    public static Message Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderSize) throw new FormatException($"envelope of {bytes.Length} bytes is shorter than its {HeaderSize}-byte header");
        uint kind = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        uint metaLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]);
        uint dataLength = BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        uint format = BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        uint width = BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]);
        uint height = BinaryPrimitives.ReadUInt32LittleEndian(bytes[20..]);
        uint stride = BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]);
        if (kind > (uint)MessageKind.Reading) throw new FormatException($"unknown message kind {kind}");
        if (metaLength > MessageMetadata.MaxEncodedBytes) throw new FormatException($"metadata length {metaLength} is more than {MessageMetadata.MaxEncodedBytes}");
        if (dataLength > MaxDataBytes) throw new FormatException($"data length {dataLength} is more than {MaxDataBytes}");
        long expected = (long)Size((int)metaLength, (int)dataLength);
        if (bytes.Length != expected)
            throw new FormatException($"envelope is {bytes.Length} bytes but its header says {expected} (32 + align8({metaLength}) + {dataLength})");
        if ((MessageKind)kind == MessageKind.Frame)
        {
            int pixel = MessageFormat.BytesPerPixel(format);
            if (pixel == 0) throw new FormatException($"unknown frame format {format}");
            if ((ulong)stride < (ulong)width * (ulong)pixel) throw new FormatException($"frame stride {stride} is less than width {width} × {pixel}");
            if ((ulong)stride * height != dataLength) throw new FormatException($"frame data is {dataLength} bytes, not stride {stride} × height {height}");
        }
        var meta = MessageMetadata.Decode(bytes.Slice(HeaderSize, (int)metaLength));
        var data = bytes.Slice(HeaderSize + Align8((int)metaLength), (int)dataLength).ToArray();
        return new Message((MessageKind)kind, meta, data, format, width, height, stride);
    }
}
