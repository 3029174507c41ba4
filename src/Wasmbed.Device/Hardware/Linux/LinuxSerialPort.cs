namespace Wasmbed.Device.Hardware.Linux;

/// <summary>
/// A real serial port (<c>/dev/ttyS0</c>, <c>/dev/ttyUSB0</c>, <c>/dev/ttyAMA0</c>...) through termios: raw mode,
/// 8N1, the baud rate from <see cref="Configure"/>. Reads wait with <c>poll</c>. No NuGet package is needed
/// (System.IO.Ports would be one).
/// </summary>
public sealed class LinuxSerialPort : IUart, IDisposable
{
    // Linux's speed_t codes (asm-generic/termbits.h): B9600 = 0000015, B115200 = 0010002 ...
    private static readonly Dictionary<int, uint> Speeds = new()
    {
        [1200] = 9,
        [2400] = 11,
        [4800] = 12,
        [9600] = 13,
        [19200] = 14,
        [38400] = 15,
        [57600] = 0x1001,
        [115200] = 0x1002,
        [230400] = 0x1003,
        [460800] = 0x1004,
        [921600] = 0x1007,
    };

    // struct termios is 60 bytes with glibc on Linux; a larger buffer leaves room, and only libc looks inside it.
    private const int TermiosBufferSize = 256;
    private readonly int _fd;

    private LinuxSerialPort(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens <paramref name="path"/> in raw mode at <paramref name="baudRate"/>; <see cref="DeviceError.NoDevice"/> when it is missing.</summary>
    public static DeviceError TryOpen(string path, int baudRate, out LinuxSerialPort? port)
    {
        port = null;
        if (!OperatingSystem.IsLinux()) return DeviceError.NotSupported;
        if (!File.Exists(path)) return DeviceError.NoDevice;
        int fd = LinuxNative.Open(path, LinuxNative.ReadWrite | LinuxNative.NoControllingTerminal | LinuxNative.NonBlocking);
        if (fd < 0) return LinuxNative.LastError();
        var opened = new LinuxSerialPort(fd, path);
        var configured = opened.Configure(baudRate);
        if (configured != DeviceError.None)
        {
            opened.Dispose();
            return configured;
        }
        port = opened;
        return DeviceError.None;
    }

    public unsafe DeviceError Configure(int baudRate)
    {
        if (!Speeds.TryGetValue(baudRate, out uint speed)) return DeviceError.InvalidArgument;
        byte* termios = stackalloc byte[TermiosBufferSize];
        if (LinuxNative.TcGetAttr(_fd, termios) < 0) return LinuxNative.LastError();
        LinuxNative.CfMakeRaw(termios);
        if (LinuxNative.CfSetSpeed(termios, speed) < 0) return LinuxNative.LastError();
        return LinuxNative.TcSetAttr(_fd, 0 /* TCSANOW */, termios) < 0 ? LinuxNative.LastError() : DeviceError.None;
    }

    public unsafe DeviceError Write(ReadOnlySpan<byte> data, out int written)
    {
        written = 0;
        fixed (byte* p = data)
        {
            nint n = LinuxNative.Write(_fd, p, (nuint)data.Length);
            if (n < 0) return LinuxNative.LastError();
            written = (int)n;
            return DeviceError.None;
        }
    }

    public unsafe DeviceError Read(Span<byte> destination, long timeoutNanoseconds, out int read)
    {
        read = 0;
        var poll = new LinuxNative.PollFd { Fd = _fd, Events = LinuxNative.PollIn };
        int ready = LinuxNative.Poll(&poll, 1, (int)Math.Min(int.MaxValue, timeoutNanoseconds / 1_000_000));
        if (ready < 0) return LinuxNative.LastError();
        if (ready == 0) return DeviceError.None;
        fixed (byte* p = destination)
        {
            nint n = LinuxNative.Read(_fd, p, (nuint)destination.Length);
            if (n < 0) return LinuxNative.LastError();
            read = (int)n;
            return DeviceError.None;
        }
    }

    public void Dispose() => LinuxNative.Close(_fd);
}
