namespace Wasmbed.Wasi;

/// <summary>
/// <c>fd_read</c>, <c>fd_pread</c>, <c>fd_write</c>, <c>fd_pwrite</c>: scatter/gather I/O between descriptors and
/// the guest's iovec buffers, every buffer checked against guest memory before any byte moves.
/// </summary>
internal static class FdIoCalls
{
    public static void Read(WasiContext context, GuestMemory memory, int fd, uint vectors, uint vectorCount, uint resultPointer)
    {
        var descriptor = Readable(context, fd, Rights.FdRead);
        var buffers = memory.ReadIoVectors(vectors, vectorCount);
        memory.Slice(resultPointer, 4);
        uint total = 0;
        foreach (var (pointer, length) in buffers)
        {
            int count = descriptor.Read(memory.Slice(pointer, length));
            total += (uint)count;
            // A short read means no more is available now; reading on could block (readv semantics).
            if (count < length) break;
        }
        memory.WriteUInt32(resultPointer, total);
    }

    public static void ReadAt(WasiContext context, GuestMemory memory, int fd, uint vectors, uint vectorCount, ulong offset, uint resultPointer)
    {
        var descriptor = Readable(context, fd, Rights.FdRead | Rights.FdSeek);
        var buffers = memory.ReadIoVectors(vectors, vectorCount);
        memory.Slice(resultPointer, 4);
        uint total = 0;
        foreach (var (pointer, length) in buffers)
        {
            int count = descriptor.ReadAt(memory.Slice(pointer, length), offset + total);
            total += (uint)count;
            if (count < length) break;
        }
        memory.WriteUInt32(resultPointer, total);
    }

    public static void Write(WasiContext context, GuestMemory memory, int fd, uint vectors, uint vectorCount, uint resultPointer)
    {
        var descriptor = context.Descriptors.Get(fd, Rights.FdWrite);
        var buffers = memory.ReadIoVectors(vectors, vectorCount);
        memory.Slice(resultPointer, 4);
        uint total = 0;
        foreach (var (pointer, length) in buffers)
        {
            int count = descriptor.Write(memory.Slice(pointer, length));
            total += (uint)count;
            if (count < length) break;
        }
        memory.WriteUInt32(resultPointer, total);
    }

    public static void WriteAt(WasiContext context, GuestMemory memory, int fd, uint vectors, uint vectorCount, ulong offset, uint resultPointer)
    {
        var descriptor = context.Descriptors.Get(fd, Rights.FdWrite | Rights.FdSeek);
        var buffers = memory.ReadIoVectors(vectors, vectorCount);
        memory.Slice(resultPointer, 4);
        uint total = 0;
        foreach (var (pointer, length) in buffers)
        {
            int count = descriptor.WriteAt(memory.Slice(pointer, length), offset + total);
            total += (uint)count;
        }
        memory.WriteUInt32(resultPointer, total);
    }

    /// <summary>Reading a directory as bytes is EISDIR, as in POSIX, rather than a missing right.</summary>
    private static Descriptor Readable(WasiContext context, int fd, Rights rights)
    {
        if (context.Descriptors.Get(fd) is DirectoryDescriptor) WasiError.Throw(Errno.IsDirectory);
        return context.Descriptors.Get(fd, rights);
    }
}
