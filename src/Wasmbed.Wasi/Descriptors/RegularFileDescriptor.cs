namespace Wasmbed.Wasi;

/// <summary>
/// An open regular file: a host file handle (unbuffered) and the guest's position in it. Reads and writes are
/// positional (<see cref="RandomAccess"/>), so the position is exactly what the guest last set.
/// </summary>
internal sealed class RegularFileDescriptor : Descriptor
{
    private readonly FileStream _stream;
    private readonly string _hostPath;
    private ulong _position;

    public RegularFileDescriptor(FileStream stream, string hostPath, Rights rightsBase, Rights rightsInheriting, FdFlags flags)
        : base(rightsBase, rightsInheriting, flags)
    {
        _stream = stream;
        _hostPath = hostPath;
    }

    public override FileType Type => FileType.RegularFile;

    private ulong Length => (ulong)RandomAccess.GetLength(_stream.SafeFileHandle);

    public override int Read(Span<byte> buffer)
    {
        int count = ReadAt(buffer, _position);
        _position += (ulong)count;
        return count;
    }

    public override int Write(ReadOnlySpan<byte> data)
    {
        if ((Flags & FdFlags.Append) != 0) _position = Length;
        int count = WriteAt(data, _position);
        _position += (ulong)count;
        return count;
    }

    public override int ReadAt(Span<byte> buffer, ulong offset)
    {
        if (offset > long.MaxValue) WasiError.Throw(Errno.Invalid);
        return RandomAccess.Read(_stream.SafeFileHandle, buffer, (long)offset);
    }

    public override int WriteAt(ReadOnlySpan<byte> data, ulong offset)
    {
        if (offset > long.MaxValue - (ulong)data.Length) WasiError.Throw(Errno.FileTooBig);
        RandomAccess.Write(_stream.SafeFileHandle, data, (long)offset);
        if ((Flags & (FdFlags.Sync | FdFlags.Dsync | FdFlags.Rsync)) != 0) _stream.Flush(flushToDisk: true);
        return data.Length;
    }

    public override ulong Seek(long offset, byte whence)
    {
        long origin = whence switch
        {
            0 => 0,
            1 => (long)_position,
            2 => (long)Length,
            _ => WasiError.Throw<long>(Errno.Invalid),
        };
        long target = origin + offset;
        // spec: seeking before the start is EINVAL; overflow likewise.
        if ((offset > 0 && target < origin) || target < 0) WasiError.Throw(Errno.Invalid);
        _position = (ulong)target;
        return _position;
    }

    public override FileStat Stat() => HostFileSystem.Stat(_stream.SafeFileHandle, _hostPath);

    public override void SetSize(ulong size)
    {
        if (size > long.MaxValue) WasiError.Throw(Errno.FileTooBig);
        RandomAccess.SetLength(_stream.SafeFileHandle, (long)size);
    }

    public override void SetTimes(TimeChange access, TimeChange modification) =>
        HostFileSystem.SetTimes(_stream.SafeFileHandle, access, modification);

    public override void Allocate(ulong offset, ulong length)
    {
        ulong end = offset + length;
        if (end < offset || end > long.MaxValue) WasiError.Throw(Errno.FileTooBig);
        if (end > Length) RandomAccess.SetLength(_stream.SafeFileHandle, (long)end);
    }

    public override void Sync() => _stream.Flush(flushToDisk: true);

    public override bool PollRead(out ulong available)
    {
        ulong length = Length;
        available = length > _position ? length - _position : 0;
        return true;
    }

    public override void Dispose() => _stream.Dispose();
}
