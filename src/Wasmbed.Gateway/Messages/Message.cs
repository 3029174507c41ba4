namespace Wasmbed.Gateway.Messages;

/// <summary>What a message carries (docs/gateway.md, "Messages").</summary>
public enum MessageKind : uint
{
    Bytes = 0,
    Frame = 1,
    Reading = 2,
}

/// <summary>Pixel layouts of frames and the value layout of readings (the envelope's <c>format</c> field).</summary>
public static class MessageFormat
{
    public const uint None = 0, Gray8 = 1, Rgb24 = 2, Rgba32 = 3, F64 = 1;

    public static int BytesPerPixel(uint format) => format switch
    {
        Gray8 => 1,
        Rgb24 => 3,
        Rgba32 => 4,
        _ => 0,
    };

    public static string FrameFormatName(uint format) => format switch
    {
        Gray8 => "gray8",
        Rgb24 => "rgb24",
        Rgba32 => "rgba32",
        _ => "unknown",
    };

    public static uint ParseFrameFormat(string name) => name switch
    {
        "gray8" => Gray8,
        "rgb24" => Rgb24,
        "rgba32" => Rgba32,
        _ => throw new FormatException($"unknown frame format \"{name}\" (gray8, rgb24, rgba32)"),
    };
}

/// <summary>
/// One message: bytes plus metadata, with a frame header for images. Immutable: stages receive copies in their
/// own memory, so one message may be read by several consumers.
/// </summary>
public sealed record Message(
    MessageKind Kind,
    MessageMetadata Meta,
    ReadOnlyMemory<byte> Data,
    uint Format = MessageFormat.None,
    uint Width = 0,
    uint Height = 0,
    uint Stride = 0)
{
    /// <summary>The pipeline sequence number in the <c>seq</c> metadata, or 0.</summary>
    public long Sequence => long.TryParse(Meta.Get("seq"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;

    public static Message Bytes(ReadOnlyMemory<byte> data, MessageMetadata? meta = null) =>
        new(MessageKind.Bytes, meta ?? MessageMetadata.Empty, data);

    public static Message Frame(uint format, uint width, uint height, ReadOnlyMemory<byte> pixels, MessageMetadata? meta = null)
    {
        uint stride = width * (uint)MessageFormat.BytesPerPixel(format);
        return new(MessageKind.Frame, meta ?? MessageMetadata.Empty, pixels, format, width, height, stride);
    }

    public static Message Reading(ReadOnlySpan<double> values, MessageMetadata? meta = null)
    {
        var data = new byte[values.Length * 8];
        for (int i = 0; i < values.Length; i++)
            System.Buffers.Binary.BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(i * 8), values[i]);
        return new(MessageKind.Reading, meta ?? MessageMetadata.Empty, data, MessageFormat.F64);
    }

    public Message WithMeta(MessageMetadata meta) => this with { Meta = meta };
}
