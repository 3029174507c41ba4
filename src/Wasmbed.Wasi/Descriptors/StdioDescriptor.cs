namespace Wasmbed.Wasi;

/// <summary>
/// Standard input, output or error: a host <see cref="Stream"/> the embedder gave (or the console's). Not seekable;
/// reported as a character device. Output is flushed after each write so that it interleaves as the guest wrote it.
/// </summary>
internal sealed class StdioDescriptor : Descriptor
{
    private readonly Stream _stream;

    public StdioDescriptor(Stream stream, bool forReading)
        : base(forReading ? RightSets.ReadStream : RightSets.WriteStream, Rights.None, FdFlags.None)
    {
        _stream = stream;
        if (forReading ? !stream.CanRead : !stream.CanWrite)
            throw new ArgumentException(forReading ? "stdin must be a readable stream" : "stdout and stderr must be writable streams", nameof(stream));
    }

    public override FileType Type => FileType.CharacterDevice;

    public override int Read(Span<byte> buffer) => buffer.IsEmpty ? 0 : _stream.Read(buffer);

    public override int Write(ReadOnlySpan<byte> data)
    {
        _stream.Write(data);
        _stream.Flush();
        return data.Length;
    }

    public override FileStat Stat() => FileStat.ForStream(FileType.CharacterDevice);

    public override void Sync() => _stream.Flush();

    // The embedder owns the streams it gave; they are not closed with the descriptor.
}
