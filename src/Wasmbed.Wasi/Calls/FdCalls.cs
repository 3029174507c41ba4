namespace Wasmbed.Wasi;

/// <summary>The <c>fd_*</c> calls about a descriptor itself: status, flags, rights, close, renumber, sync, size, times.</summary>
internal static class FdCalls
{
    /// <summary>witx <c>advice</c> values run from normal (0) to noreuse (5).</summary>
    private const uint MaxAdvice = 5;

    private const ushort KnownFdFlags = 0x1f;

    private const ushort KnownFstFlags = 0xf;

    public static void Advise(WasiContext context, int fd, ulong offset, ulong length, uint advice)
    {
        var descriptor = context.Descriptors.Get(fd, Rights.FdAdvise);
        if (advice > MaxAdvice) WasiError.Throw(Errno.Invalid);
        if (descriptor.Type == FileType.Directory) WasiError.Throw(Errno.BadFileDescriptor);
        // Advice is only a hint; the host's page cache is not ours to steer.
    }

    public static void Allocate(WasiContext context, int fd, ulong offset, ulong length) =>
        context.Descriptors.Get(fd, Rights.FdAllocate).Allocate(offset, length);

    public static void Close(WasiContext context, int fd) => context.Descriptors.Close(fd);

    public static void Datasync(WasiContext context, int fd) => context.Descriptors.Get(fd, Rights.FdDatasync).Sync();

    public static void Sync(WasiContext context, int fd) => context.Descriptors.Get(fd, Rights.FdSync).Sync();

    /// <summary>witx <c>fdstat</c>: filetype u8 @0, flags u16 @2, rights_base u64 @8, rights_inheriting u64 @16 (24 bytes).</summary>
    public static void FdstatGet(WasiContext context, GuestMemory memory, int fd, uint resultPointer)
    {
        var descriptor = context.Descriptors.Get(fd);
        memory.Slice(resultPointer, 24).Clear();
        memory.WriteByte(resultPointer, (byte)descriptor.Type);
        memory.WriteUInt16(resultPointer + 2, (ushort)descriptor.Flags);
        memory.WriteUInt64(resultPointer + 8, (ulong)descriptor.RightsBase);
        memory.WriteUInt64(resultPointer + 16, (ulong)descriptor.RightsInheriting);
    }

    /// <summary>Append and non-blocking change how later calls behave; the sync flags make each write flush to disk.</summary>
    public static void FdstatSetFlags(WasiContext context, int fd, uint flags)
    {
        var descriptor = context.Descriptors.Get(fd, Rights.FdFdstatSetFlags);
        if ((flags & ~(uint)KnownFdFlags) != 0) WasiError.Throw(Errno.Invalid);
        descriptor.Flags = (FdFlags)flags;
    }

    /// <summary>Rights can only be dropped, never gained (spec: ENOTCAPABLE otherwise).</summary>
    public static void FdstatSetRights(WasiContext context, int fd, ulong rightsBase, ulong rightsInheriting)
    {
        var descriptor = context.Descriptors.Get(fd);
        if ((rightsBase & ~(ulong)descriptor.RightsBase) != 0 || (rightsInheriting & ~(ulong)descriptor.RightsInheriting) != 0)
            WasiError.Throw(Errno.NotCapable);
        descriptor.RightsBase = (Rights)rightsBase;
        descriptor.RightsInheriting = (Rights)rightsInheriting;
    }

    public static void FilestatGet(WasiContext context, GuestMemory memory, int fd, uint resultPointer)
    {
        var stat = context.Descriptors.Get(fd, Rights.FdFilestatGet).Stat();
        stat.WriteTo(memory, resultPointer);
    }

    public static void FilestatSetSize(WasiContext context, int fd, ulong size) =>
        context.Descriptors.Get(fd, Rights.FdFilestatSetSize).SetSize(size);

    public static void FilestatSetTimes(WasiContext context, int fd, ulong accessTime, ulong modificationTime, uint flags)
    {
        var descriptor = context.Descriptors.Get(fd, Rights.FdFilestatSetTimes);
        var (access, modification) = DecodeTimes(accessTime, modificationTime, flags);
        descriptor.SetTimes(access, modification);
    }

    internal static (TimeChange Access, TimeChange Modification) DecodeTimes(ulong accessTime, ulong modificationTime, uint flags)
    {
        if ((flags & ~(uint)KnownFstFlags) != 0) WasiError.Throw(Errno.Invalid);
        var f = (FstFlags)flags;
        return (TimeChange.From(accessTime, (f & FstFlags.AccessTime) != 0, (f & FstFlags.AccessTimeNow) != 0),
            TimeChange.From(modificationTime, (f & FstFlags.ModificationTime) != 0, (f & FstFlags.ModificationTimeNow) != 0));
    }

    /// <summary>witx <c>prestat</c>: tag u8 @0 (0 = directory), name length u32 @4. EBADF for anything not preopened.</summary>
    public static void PrestatGet(WasiContext context, GuestMemory memory, int fd, uint resultPointer)
    {
        var name = PreopenName(context, fd);
        memory.Slice(resultPointer, 8).Clear();
        memory.WriteUInt32(resultPointer + 4, (uint)name.Length);
    }

    public static void PrestatDirName(WasiContext context, GuestMemory memory, int fd, uint buffer, uint length)
    {
        var name = PreopenName(context, fd);
        if (length < name.Length) WasiError.Throw(Errno.NameTooLong);
        name.CopyTo(memory.Slice(buffer, (uint)name.Length));
    }

    private static byte[] PreopenName(WasiContext context, int fd) =>
        context.Descriptors.Get(fd) is DirectoryDescriptor { IsPreopen: true } directory
            ? System.Text.Encoding.UTF8.GetBytes(directory.Root.GuestPath)
            : WasiError.Throw<byte[]>(Errno.BadFileDescriptor);

    public static void Renumber(WasiContext context, int from, int to) => context.Descriptors.Renumber(from, to);

    /// <summary>Seeking by 0 from the current position is how <c>ftell</c> is done, so the tell right is enough for it.</summary>
    public static void Seek(WasiContext context, GuestMemory memory, int fd, long offset, uint whence, uint resultPointer)
    {
        var needed = offset == 0 && whence == 1 ? Rights.FdTell : Rights.FdSeek;
        var descriptor = context.Descriptors.Get(fd, needed);
        if (whence > 2) WasiError.Throw(Errno.Invalid);
        memory.Slice(resultPointer, 8);
        memory.WriteUInt64(resultPointer, descriptor.Seek(offset, (byte)whence));
    }

    public static void Tell(WasiContext context, GuestMemory memory, int fd, uint resultPointer)
    {
        var descriptor = context.Descriptors.Get(fd, Rights.FdTell);
        memory.Slice(resultPointer, 8);
        memory.WriteUInt64(resultPointer, descriptor.Seek(0, 1));
    }
}
