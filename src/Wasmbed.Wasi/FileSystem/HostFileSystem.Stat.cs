using System.Buffers.Binary;

namespace Wasmbed.Wasi;

internal static partial class HostFileSystem
{
    private static unsafe FileStat LinuxStat(int directory, string path, int flags)
    {
        var buffer = stackalloc byte[LinuxNative.StatxSize];
        if (LinuxNative.Statx(directory, path, flags, LinuxNative.StatxBasicStats, buffer) != 0) LinuxNative.ThrowLastError();
        // struct statx (include/uapi/linux/stat.h): nlink@16 mode@28 ino@32 size@40 atime@64 ctime@96 mtime@112 dev@136.
        var bytes = new ReadOnlySpan<byte>(buffer, LinuxNative.StatxSize);
        ushort mode = BinaryPrimitives.ReadUInt16LittleEndian(bytes[28..]);
        ulong device = ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(bytes[136..]) << 32) | BinaryPrimitives.ReadUInt32LittleEndian(bytes[140..]);
        return new FileStat(
            device,
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[32..]),
            TypeFromMode(mode),
            BinaryPrimitives.ReadUInt32LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[40..]),
            Timestamp(bytes[64..]),
            Timestamp(bytes[112..]),
            Timestamp(bytes[96..]));
    }

    private static ulong Timestamp(ReadOnlySpan<byte> statxTimestamp)
    {
        long seconds = BinaryPrimitives.ReadInt64LittleEndian(statxTimestamp);
        uint nanoseconds = BinaryPrimitives.ReadUInt32LittleEndian(statxTimestamp[8..]);
        return seconds < 0 ? 0 : (ulong)seconds * 1_000_000_000 + nanoseconds;
    }

    private static FileType TypeFromMode(ushort mode) => (mode & 0xF000) switch
    {
        0x4000 => FileType.Directory,
        0x8000 => FileType.RegularFile,
        0xA000 => FileType.SymbolicLink,
        0x2000 => FileType.CharacterDevice,
        0x6000 => FileType.BlockDevice,
        0xC000 => FileType.SocketStream,
        _ => FileType.Unknown,
    };

    /// <summary>
    /// Stat from <see cref="FileSystemInfo"/>: no device or link count, and the inode is a hash of the path, so it is
    /// stable for a path but hard links do not share it.
    /// </summary>
    private static FileStat PortableStat(string path, bool followSymlinks)
    {
        FileSystemInfo info = new FileInfo(path);
        if ((int)info.Attributes == -1) WasiError.Throw(Errno.NoEntry);
        if (followSymlinks && info.LinkTarget is not null)
            info = info.ResolveLinkTarget(returnFinalTarget: true) ?? WasiError.Throw<FileSystemInfo>(Errno.NoEntry);
        if ((int)info.Attributes == -1) WasiError.Throw(Errno.NoEntry);
        FileType type = info.LinkTarget is not null ? FileType.SymbolicLink
            : (info.Attributes & FileAttributes.Directory) != 0 ? FileType.Directory
            : FileType.RegularFile;
        ulong size = type switch
        {
            FileType.RegularFile => (ulong)new FileInfo(info.FullName).Length,
            FileType.SymbolicLink => (ulong)System.Text.Encoding.UTF8.GetByteCount(info.LinkTarget!),
            _ => 0,
        };
        return new FileStat(0, PathHash(info.FullName), type, 1, size,
            ToNanoseconds(info.LastAccessTimeUtc), ToNanoseconds(info.LastWriteTimeUtc), ToNanoseconds(info.LastWriteTimeUtc));
    }

    private static ulong ToNanoseconds(DateTime utc) =>
        utc < DateTime.UnixEpoch ? 0 : (ulong)(utc - DateTime.UnixEpoch).Ticks * 100;

    /// <summary>FNV-1a over the UTF-16 path: a stable, non-zero stand-in for an inode number.</summary>
    private static ulong PathHash(string path)
    {
        ulong hash = 14695981039346656037;
        foreach (char c in path) hash = (hash ^ c) * 1099511628211;
        return hash == 0 ? 1 : hash;
    }
}
