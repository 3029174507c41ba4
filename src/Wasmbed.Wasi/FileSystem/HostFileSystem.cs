using Microsoft.Win32.SafeHandles;

namespace Wasmbed.Wasi;

/// <summary>
/// The host file system operations WASI needs beyond what <see cref="File"/> and <see cref="Directory"/> offer directly:
/// stat without following symlinks, hard links, POSIX rename and timestamp changes. On Linux these are the system calls
/// themselves (exact errno, inode numbers, nanosecond times); elsewhere they are approximated with .NET APIs.
/// Paths given here have already been resolved inside a preopen by <see cref="PathResolver"/>.
/// </summary>
internal static partial class HostFileSystem
{
    /// <summary>The type of the entry at <paramref name="path"/> without following a final symlink, or null if there is none.</summary>
    public static FileType? TypeOf(string path)
    {
        var info = new FileInfo(path);
        var attributes = info.Attributes;
        if ((int)attributes == -1) return null;
        if (info.LinkTarget is not null) return FileType.SymbolicLink;
        if ((attributes & FileAttributes.Directory) != 0) return FileType.Directory;
        return OperatingSystem.IsLinux() ? Stat(path, followSymlinks: false).Type : FileType.RegularFile;
    }

    /// <summary>The target text of the symlink at <paramref name="path"/>, or null if it is not a symlink.</summary>
    public static string? ReadLink(string path) => new FileInfo(path).LinkTarget;

    /// <summary>The status of the entry at <paramref name="path"/>; ENOENT if there is none.</summary>
    public static FileStat Stat(string path, bool followSymlinks)
    {
        if (OperatingSystem.IsLinux()) return LinuxStat(LinuxNative.AtFdCwd, path, followSymlinks ? 0 : LinuxNative.AtSymlinkNoFollow);
        return PortableStat(path, followSymlinks);
    }

    /// <summary>The status of an open file (it may have been unlinked since).</summary>
    public static FileStat Stat(SafeFileHandle handle, string path)
    {
        if (OperatingSystem.IsLinux())
            return LinuxStat((int)handle.DangerousGetHandle(), "", LinuxNative.AtEmptyPath);
        return PortableStat(path, followSymlinks: true) with { Size = (ulong)RandomAccess.GetLength(handle) };
    }

    /// <summary>Creates a hard link <paramref name="created"/> to <paramref name="existing"/>.</summary>
    public static void Link(string existing, string created)
    {
        if (!OperatingSystem.IsLinux()) WasiError.Throw(Errno.NotSupported);
        if (LinuxNative.Link(existing, created) != 0) LinuxNative.ThrowLastError();
    }

    /// <summary>
    /// Renames with POSIX semantics: replaces a file, or an empty directory with a directory; ENOTEMPTY, EISDIR and
    /// ENOTDIR otherwise.
    /// </summary>
    public static void Rename(string from, string to)
    {
        if (OperatingSystem.IsLinux())
        {
            if (LinuxNative.Rename(from, to) != 0) LinuxNative.ThrowLastError();
            return;
        }
        var fromType = TypeOf(from) ?? WasiError.Throw<FileType>(Errno.NoEntry);
        var toType = TypeOf(to);
        if (fromType == FileType.Directory)
        {
            if (toType is { } existing && existing != FileType.Directory) WasiError.Throw(Errno.NotDirectory);
            if (toType == FileType.Directory)
            {
                if (Directory.EnumerateFileSystemEntries(to).Any()) WasiError.Throw(Errno.NotEmpty);
                Directory.Delete(to);
            }
            Directory.Move(from, to);
        }
        else
        {
            if (toType == FileType.Directory) WasiError.Throw(Errno.IsDirectory);
            File.Move(from, to, overwrite: true);
        }
    }

    /// <summary>Changes the access and modification times of the entry at <paramref name="path"/>.</summary>
    public static unsafe void SetTimes(string path, bool followSymlinks, TimeChange access, TimeChange modification)
    {
        if (OperatingSystem.IsLinux())
        {
            var times = stackalloc LinuxNative.Timespec[2] { ToTimespec(access), ToTimespec(modification) };
            if (LinuxNative.Utimensat(LinuxNative.AtFdCwd, path, times, followSymlinks ? 0 : LinuxNative.AtSymlinkNoFollow) != 0)
                LinuxNative.ThrowLastError();
            return;
        }
        var now = DateTime.UtcNow;
        bool isDirectory = Directory.Exists(path);
        if (access.ToDateTime(now) is { } a)
        {
            if (isDirectory) Directory.SetLastAccessTimeUtc(path, a); else File.SetLastAccessTimeUtc(path, a);
        }
        if (modification.ToDateTime(now) is { } m)
        {
            if (isDirectory) Directory.SetLastWriteTimeUtc(path, m); else File.SetLastWriteTimeUtc(path, m);
        }
    }

    /// <summary>Changes the access and modification times of an open file.</summary>
    public static unsafe void SetTimes(SafeFileHandle handle, TimeChange access, TimeChange modification)
    {
        if (OperatingSystem.IsLinux())
        {
            var times = stackalloc LinuxNative.Timespec[2] { ToTimespec(access), ToTimespec(modification) };
            if (LinuxNative.Futimens((int)handle.DangerousGetHandle(), times) != 0) LinuxNative.ThrowLastError();
            return;
        }
        var now = DateTime.UtcNow;
        if (access.ToDateTime(now) is { } a) File.SetLastAccessTime(handle, a);
        if (modification.ToDateTime(now) is { } m) File.SetLastWriteTime(handle, m);
    }

    private static LinuxNative.Timespec ToTimespec(TimeChange change) => change.Kind switch
    {
        TimeChangeKind.Now => new() { Nanoseconds = LinuxNative.UtimeNow },
        TimeChangeKind.Omit => new() { Nanoseconds = LinuxNative.UtimeOmit },
        _ => new() { Seconds = (long)(change.Nanoseconds / 1_000_000_000), Nanoseconds = (long)(change.Nanoseconds % 1_000_000_000) },
    };
}
