using System.Runtime.InteropServices;

namespace Wasmbed.Device.Hardware.Linux;

/// <summary>The few libc calls the Linux backends need (source-generated marshalling: trim- and AOT-safe).</summary>
internal static partial class LinuxNative
{
    public const int ReadWrite = 2;          // O_RDWR
    public const int NoControllingTerminal = 0x100; // O_NOCTTY
    public const int NonBlocking = 0x800;    // O_NONBLOCK
    public const short PollIn = 0x1;

    public const int ENOENT = 2, ENXIO = 6, EACCES = 13, EBUSY = 16, ENODEV = 19, EINVAL = 22, ETIMEDOUT = 110, EREMOTEIO = 121;

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request, nint argument);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    public static unsafe partial int Ioctl(int fd, nuint request, void* argument);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    [LibraryImport("libc", EntryPoint = "tcgetattr", SetLastError = true)]
    public static unsafe partial int TcGetAttr(int fd, byte* termios);

    [LibraryImport("libc", EntryPoint = "tcsetattr", SetLastError = true)]
    public static unsafe partial int TcSetAttr(int fd, int optionalActions, byte* termios);

    [LibraryImport("libc", EntryPoint = "cfmakeraw")]
    public static unsafe partial void CfMakeRaw(byte* termios);

    [LibraryImport("libc", EntryPoint = "cfsetspeed", SetLastError = true)]
    public static unsafe partial int CfSetSpeed(byte* termios, uint speed);

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    /// <summary>The last errno as a <see cref="DeviceError"/>.</summary>
    public static DeviceError LastError() => Marshal.GetLastPInvokeError() switch
    {
        ENOENT or ENODEV => DeviceError.NoDevice,
        ENXIO or EREMOTEIO => DeviceError.NoDevice, // no acknowledge from the addressed device
        EACCES => DeviceError.AccessDenied,
        EBUSY => DeviceError.Busy,
        EINVAL => DeviceError.InvalidArgument,
        ETIMEDOUT => DeviceError.TimedOut,
        _ => DeviceError.IOError,
    };
}
