namespace Wasmbed.Wasi;

/// <summary>witx <c>filestat</c>: what <c>fd_filestat_get</c> and <c>path_filestat_get</c> report. Times are nanoseconds since the Unix epoch.</summary>
internal readonly record struct FileStat(
    ulong Device, ulong Inode, FileType Type, ulong LinkCount, ulong Size,
    ulong AccessTime, ulong ModificationTime, ulong ChangeTime)
{
    /// <summary>Size of the witx record in guest memory.</summary>
    public const uint ByteSize = 64;

    /// <summary>Stores the record with the witx layout: dev@0 ino@8 filetype@16 nlink@24 size@32 atim@40 mtim@48 ctim@56.</summary>
    public void WriteTo(GuestMemory memory, uint pointer)
    {
        var bytes = memory.Slice(pointer, ByteSize);
        bytes.Clear();
        memory.WriteUInt64(pointer, Device);
        memory.WriteUInt64(pointer + 8, Inode);
        memory.WriteByte(pointer + 16, (byte)Type);
        memory.WriteUInt64(pointer + 24, LinkCount);
        memory.WriteUInt64(pointer + 32, Size);
        memory.WriteUInt64(pointer + 40, AccessTime);
        memory.WriteUInt64(pointer + 48, ModificationTime);
        memory.WriteUInt64(pointer + 56, ChangeTime);
    }

    /// <summary>A stat for things that are not files on disk (stdio streams, sockets).</summary>
    public static FileStat ForStream(FileType type) => new(0, 0, type, 1, 0, 0, 0, 0);
}
