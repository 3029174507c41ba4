namespace Wasmbed.Runtime;

/// <summary>Reads a module's bytes from a stream without trusting its length: never more than a fixed maximum.</summary>
internal static class ModuleStreamReader
{
    public static byte[] ReadAll(Stream stream, long maxSize)
    {
        if (!stream.CanRead) throw new ArgumentException("the stream is not readable", nameof(stream));
        // Module offsets are ints, so nothing larger than an array can be a module anyway.
        maxSize = Math.Clamp(maxSize, 0, Array.MaxLength - 1);
        if (stream.CanSeek)
        {
            long remaining = stream.Length - stream.Position;
            if (remaining > maxSize) throw TooLarge(maxSize);
            var exact = new byte[remaining];
            stream.ReadExactly(exact);
            // A stream may still have grown since Length was read; anything beyond is refused as well.
            if (stream.ReadByte() >= 0) throw TooLarge(maxSize);
            return exact;
        }

        var buffer = new byte[(int)Math.Min(maxSize + 1, 64 * 1024)];
        int length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (length > maxSize) throw TooLarge(maxSize);
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxSize + 1));
            }
            int read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
            if (length > maxSize) throw TooLarge(maxSize);
        }
        Array.Resize(ref buffer, length);
        return buffer;
    }

    private static WasmFormatException TooLarge(long maxSize) =>
        new($"module is larger than the limit of {maxSize} bytes (EngineOptions.MaxModuleSize)", maxSize);
}
