using System.Runtime.InteropServices;

namespace Wasmbed.Device.Hardware.Linux;

/// <summary>
/// A real I2C bus through the Linux i2c-dev interface (<c>/dev/i2c-N</c>, kernel Documentation/i2c/dev-interface):
/// plain reads and writes after <c>ioctl(I2C_SLAVE)</c>, and write-then-read as one <c>ioctl(I2C_RDWR)</c> transaction
/// with a repeated start. Needs the i2c-dev module and permission on the device node.
/// </summary>
public sealed class LinuxI2cBus : II2cBus, IDisposable
{
    private const nuint I2cSlave = 0x0703;
    private const nuint I2cReadWrite = 0x0707;
    private const ushort ReadFlag = 0x0001; // I2C_M_RD
    private readonly int _fd;
    private readonly Lock _lock = new();
    private int _address = -1;

    private LinuxI2cBus(int fd, string path)
    {
        _fd = fd;
        Path = path;
    }

    /// <summary>The device node, e.g. /dev/i2c-1.</summary>
    public string Path { get; }

    /// <summary>Opens <c>/dev/i2c-<paramref name="busNumber"/></c>; <see cref="DeviceError.NoDevice"/> when it is missing.</summary>
    public static DeviceError TryOpen(int busNumber, out LinuxI2cBus? bus) => TryOpen($"/dev/i2c-{busNumber}", out bus);

    /// <summary>Opens the i2c-dev node at <paramref name="path"/>.</summary>
    public static DeviceError TryOpen(string path, out LinuxI2cBus? bus)
    {
        bus = null;
        if (!OperatingSystem.IsLinux()) return DeviceError.NotSupported;
        if (!File.Exists(path)) return DeviceError.NoDevice;
        int fd = LinuxNative.Open(path, LinuxNative.ReadWrite);
        if (fd < 0) return LinuxNative.LastError();
        bus = new LinuxI2cBus(fd, path);
        return DeviceError.None;
    }

    public unsafe DeviceError Write(int address, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (Select(address) is var selected && selected != DeviceError.None) return selected;
            fixed (byte* p = data)
                return LinuxNative.Write(_fd, p, (nuint)data.Length) == data.Length ? DeviceError.None : LinuxNative.LastError();
        }
    }

    public unsafe DeviceError Read(int address, Span<byte> destination)
    {
        lock (_lock)
        {
            if (Select(address) is var selected && selected != DeviceError.None) return selected;
            fixed (byte* p = destination)
                return LinuxNative.Read(_fd, p, (nuint)destination.Length) == destination.Length ? DeviceError.None : LinuxNative.LastError();
        }
    }

    public unsafe DeviceError WriteRead(int address, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (data.Length > ushort.MaxValue || destination.Length > ushort.MaxValue) return DeviceError.TooLong;
        fixed (byte* write = data)
        fixed (byte* read = destination)
        {
            var messages = stackalloc Message[2];
            messages[0] = new Message { Address = (ushort)address, Flags = 0, Length = (ushort)data.Length, Buffer = write };
            messages[1] = new Message { Address = (ushort)address, Flags = ReadFlag, Length = (ushort)destination.Length, Buffer = read };
            var request = new ReadWriteData { Messages = messages, Count = 2 };
            lock (_lock)
                return LinuxNative.Ioctl(_fd, I2cReadWrite, &request) >= 0 ? DeviceError.None : LinuxNative.LastError();
        }
    }

    public void Dispose() => LinuxNative.Close(_fd);

    private DeviceError Select(int address)
    {
        if (address == _address) return DeviceError.None;
        if (LinuxNative.Ioctl(_fd, I2cSlave, address) < 0) return LinuxNative.LastError();
        _address = address;
        return DeviceError.None;
    }

    /// <summary>struct i2c_msg (linux/i2c.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct Message
    {
        public ushort Address;
        public ushort Flags;
        public ushort Length;
        public byte* Buffer;
    }

    /// <summary>struct i2c_rdwr_ioctl_data (linux/i2c-dev.h).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ReadWriteData
    {
        public Message* Messages;
        public uint Count;
    }
}
