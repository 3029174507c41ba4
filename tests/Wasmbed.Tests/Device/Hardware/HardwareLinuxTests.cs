using System.Net;
using System.Net.Sockets;
using Wasmbed.Device;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.Hardware.Linux;
using Wasmbed.Device.Hardware.Simulation;

namespace Wasmbed.Tests.Device.Hardware;

/// <summary>
/// The real backends, as far as this machine allows: UDP on loopback fully; i2c-dev and serial report a missing
/// device cleanly; sysfs GPIO runs against a directory laid out like /sys/class/gpio.
/// </summary>
public sealed class HardwareLinuxTests : IDisposable
{
    private readonly string _fakeSysfs = Directory.CreateTempSubdirectory("wasmbed-gpio-").FullName;

    public void Dispose() => Directory.Delete(_fakeSysfs, recursive: true);

    [Fact]
    public void I2c_dev_reports_a_missing_bus_as_no_device()
    {
        Assert.Equal(OperatingSystem.IsLinux() ? DeviceError.NoDevice : DeviceError.NotSupported, LinuxI2cBus.TryOpen(250, out var bus));
        Assert.Null(bus);
    }

    [Fact]
    public void I2c_dev_on_a_node_that_is_not_i2c_fails_cleanly()
    {
        if (!OperatingSystem.IsLinux()) return;
        // /dev/null opens, but the I2C ioctls fail: the error comes back as a code, not an exception.
        Assert.Equal(DeviceError.None, LinuxI2cBus.TryOpen("/dev/null", out var bus));
        using (bus)
        {
            Assert.NotEqual(DeviceError.None, bus!.Read(0x48, new byte[2]));
            Assert.NotEqual(DeviceError.None, bus.WriteRead(0x48, [0], new byte[2]));
        }
    }

    [Fact]
    public void Serial_reports_a_missing_port_as_no_device_and_a_non_tty_cleanly()
    {
        Assert.Equal(OperatingSystem.IsLinux() ? DeviceError.NoDevice : DeviceError.NotSupported,
            LinuxSerialPort.TryOpen("/dev/ttyWASMBED-missing", 115200, out var port));
        Assert.Null(port);
        if (!OperatingSystem.IsLinux()) return;
        Assert.NotEqual(DeviceError.None, LinuxSerialPort.TryOpen("/dev/null", 115200, out port)); // not a terminal: tcgetattr fails
        Assert.Null(port);
    }

    [Fact]
    public void Sysfs_gpio_is_absent_without_its_directory()
    {
        var gpio = new SysfsGpioController(4, root: Path.Combine(_fakeSysfs, "missing"));
        Assert.False(gpio.IsPresent);
        Assert.Equal(DeviceError.NoDevice, gpio.Configure(0, PinMode.Output));
        Assert.Equal(DeviceError.NoDevice, gpio.Read(0, out _));
    }

    [Fact]
    public void Sysfs_gpio_configures_reads_writes_and_samples_edges()
    {
        File.WriteAllText(Path.Combine(_fakeSysfs, "export"), "");
        foreach (int n in new[] { 512, 513 })
        {
            Directory.CreateDirectory(Path.Combine(_fakeSysfs, $"gpio{n}"));
            File.WriteAllText(Path.Combine(_fakeSysfs, $"gpio{n}", "value"), "0\n");
        }
        var clock = new SimulatedClock();
        var gpio = new SysfsGpioController(2, gpioBase: 512, root: _fakeSysfs, clock: clock);

        Assert.Equal(DeviceError.None, gpio.Configure(0, PinMode.Output));
        Assert.Equal("out", File.ReadAllText(Path.Combine(_fakeSysfs, "gpio512", "direction")));
        Assert.Equal(DeviceError.None, gpio.Write(0, true));
        Assert.Equal("1", File.ReadAllText(Path.Combine(_fakeSysfs, "gpio512", "value")));
        Assert.Equal(DeviceError.None, gpio.Read(0, out bool high));
        Assert.True(high);

        Assert.Equal(DeviceError.None, gpio.Configure(1, PinMode.InputPullUp));
        Assert.Equal("in", File.ReadAllText(Path.Combine(_fakeSysfs, "gpio513", "direction")));
        Assert.Equal(DeviceError.NotPermitted, gpio.Write(1, true));
        Assert.Equal(DeviceError.TimedOut, gpio.WaitForEdge(1, PinEdge.Both, 20_000_000, out _));
        Assert.Equal(20_000_000, clock.MonotonicNanoseconds); // sampled each millisecond of (simulated) time
        File.WriteAllText(Path.Combine(_fakeSysfs, "gpio513", "value"), "1\n"); // the outside world raises it
        Assert.Equal(DeviceError.None, gpio.WaitForEdge(1, PinEdge.Rising, 20_000_000, out var edge));
        Assert.Equal(PinEdge.Rising, edge);
    }

    [Fact]
    public void Udp_binds_loopback_and_reports_a_busy_port()
    {
        using var taken = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)taken.Client.LocalEndPoint!).Port;
        var network = new UdpDatagramNetwork();
        Assert.Equal(DeviceError.Busy, network.Open(port, out var socket));
        Assert.Null(socket);
        Assert.Equal(DeviceError.None, network.Open(0, out socket));
        using (socket)
        {
            Assert.Equal(DeviceError.None, socket!.Send(new DatagramEndpoint("127.0.0.1", port), "x"u8));
            var sender = new IPEndPoint(IPAddress.Any, 0);
            Assert.Equal("x"u8.ToArray(), taken.Receive(ref sender));
            Assert.Equal(socket.LocalPort, sender.Port);
            Assert.Equal(DeviceError.TimedOut, socket.Receive(new byte[4], 10_000_000, out _, out _));
            Assert.Equal(DeviceError.HostUnreachable, socket.Send(new DatagramEndpoint("::1", port), "x"u8)); // an IPv4 socket
        }
    }
}
