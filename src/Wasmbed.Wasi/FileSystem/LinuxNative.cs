using System.Runtime.InteropServices;

namespace Wasmbed.Wasi;

/// <summary>
/// The few Linux system calls .NET has no API for: <c>statx</c> (inode, device, link count, nanosecond times),
/// <c>link</c> (hard links), <c>rename</c> (POSIX replace semantics), <c>utimensat</c>/<c>futimens</c> (times
/// without following symlinks), <c>clock_gettime</c> (thread CPU time), and <c>read</c>/<c>write</c>/<c>poll</c> on
/// the process's standard streams (<see cref="ProcessStdioStream"/>). Used only when
/// <see cref="OperatingSystem.IsLinux"/>; other systems get the portable fallbacks in <see cref="HostFileSystem"/>
/// and Console's streams.
/// </summary>
internal static unsafe partial class LinuxNative
{
    public const int AtFdCwd = -100;
    public const int AtSymlinkNoFollow = 0x100;
    public const int AtEmptyPath = 0x1000;
    public const uint StatxBasicStats = 0x7ff;
    public const long UtimeNow = (1L << 30) - 1;
    public const long UtimeOmit = (1L << 30) - 2;

    /// <summary>Size of <c>struct statx</c>, which has the same layout on every Linux architecture.</summary>
    public const int StatxSize = 256;

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Statx(int directory, string path, int flags, uint mask, byte* buffer);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Link(string existing, string created);

    [LibraryImport("libc", EntryPoint = "rename", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Rename(string from, string to);

    [LibraryImport("libc", EntryPoint = "utimensat", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Utimensat(int directory, string path, Timespec* times, int flags);

    [LibraryImport("libc", EntryPoint = "futimens", SetLastError = true)]
    public static partial int Futimens(int fd, Timespec* times);

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    public static partial int ClockGettime(int clock, Timespec* time);

    public const int Eintr = 4;
    public const int Eagain = 11;
    public const int Epipe = 32;
    public const short PollIn = 1;
    public const short PollOut = 4;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary>The WASI errno for a Linux errno (asm-generic numbering, shared by x86-64 and arm64).</summary>
    public static Errno ToWasi(int linuxErrno) => linuxErrno switch
    {
        1 => Errno.NotPermitted,
        2 => Errno.NoEntry,
        4 => Errno.Interrupted,
        5 => Errno.IO,
        6 => Errno.NoDeviceOrAddress,
        7 => Errno.TooBig,
        9 => Errno.BadFileDescriptor,
        11 => Errno.Again,
        12 => Errno.NoMemory,
        13 => Errno.Access,
        14 => Errno.Fault,
        16 => Errno.Busy,
        17 => Errno.Exists,
        18 => Errno.CrossDeviceLink,
        19 => Errno.NoDevice,
        20 => Errno.NotDirectory,
        21 => Errno.IsDirectory,
        22 => Errno.Invalid,
        23 => Errno.TooManyFilesInSystem,
        24 => Errno.TooManyFiles,
        25 => Errno.NotTty,
        26 => Errno.TextFileBusy,
        27 => Errno.FileTooBig,
        28 => Errno.NoSpace,
        29 => Errno.InvalidSeek,
        30 => Errno.ReadOnlyFileSystem,
        31 => Errno.TooManyLinks,
        32 => Errno.BrokenPipe,
        36 => Errno.NameTooLong,
        38 => Errno.NotImplemented,
        39 => Errno.NotEmpty,
        40 => Errno.Loop,
        95 => Errno.NotSupported,
        104 => Errno.ConnectionReset,
        107 => Errno.NotConnected,
        110 => Errno.TimedOut,
        111 => Errno.ConnectionRefused,
        122 => Errno.DiskQuota,
        _ => Errno.IO,
    };

    /// <summary>Throws the WASI form of the errno the last system call left.</summary>
    public static void ThrowLastError() => WasiError.Throw(ToWasi(Marshal.GetLastPInvokeError()));
}
