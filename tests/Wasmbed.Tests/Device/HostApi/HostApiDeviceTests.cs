using System.Buffers.Binary;
using Wasmbed.Device;
using Wasmbed.Device.Hardware.Simulation;
using Wasmbed.Device.HostApi;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>The host APIs against the simulated device, called from WebAssembly: gpio, i2c, spi, uart, sensor, system.</summary>
public sealed class HostApiDeviceTests
{
    private const long Millisecond = 1_000_000;

    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void Gpio_loopback_and_edge_wait_with_timeout(ExecutionTier tier)
    {
        using var sandbox = new DeviceSandbox("system;gpio=0-1,4", tier: tier).WithWrappers();
        var clock = sandbox.Device.Clock;
        Assert.Equal(0, sandbox.Call("gpio.configure", 0, 1)); // pin 0 output, wired to pin 1
        Assert.Equal(0, sandbox.Call("gpio.configure", 1, 0));
        Assert.Equal(0, sandbox.Call("gpio.read", 1));

        Assert.Equal(0, sandbox.Call("gpio.write", 0, 1));
        Assert.Equal(1, sandbox.Call("gpio.read", 1));
        Assert.Equal(1, sandbox.Call("gpio.wait_edge", 1, 3, 100)); // the rising edge, recorded before the wait
        Assert.Equal(0, clock.MonotonicNanoseconds);

        Assert.Equal(-(int)DeviceError.TimedOut, sandbox.Call("gpio.wait_edge", 1, 3, 100)); // nothing more: times out
        Assert.Equal(100 * Millisecond, clock.MonotonicNanoseconds);

        Assert.Equal(0, sandbox.Call("gpio.write", 0, 0));
        Assert.Equal(-(int)DeviceError.TimedOut, sandbox.Call("gpio.wait_edge", 1, 1, 50)); // a falling edge is not a rising one
        Assert.Equal(-(int)DeviceError.NotPermitted, sandbox.Call("gpio.write", 1, 1));  // an input
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("gpio.write", 2, 1)); // not granted
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("gpio.configure", 3, 1));
    }

    [Fact]
    public void Gpio_wait_wakes_at_a_scheduled_edge()
    {
        using var sandbox = new DeviceSandbox("gpio=4").WithWrappers();
        Assert.Equal(0, sandbox.Call("gpio.configure", 4, 3)); // pull-down input
        sandbox.Device.Gpio.ScheduleInput(4, 250 * Millisecond, high: true);
        sandbox.Device.Gpio.ScheduleInput(4, 400 * Millisecond, high: false);

        Assert.Equal(1, sandbox.Call("gpio.wait_edge", 4, 3, 1000));
        Assert.Equal(250 * Millisecond, sandbox.Device.Clock.MonotonicNanoseconds);
        Assert.Equal(2, sandbox.Call("gpio.wait_edge", 4, 2, 1000));
        Assert.Equal(400 * Millisecond, sandbox.Device.Clock.MonotonicNanoseconds);
        // The wait is bounded by DeviceHostOptions.MaxWaitMilliseconds (10 s), whatever the guest asks.
        Assert.Equal(-(int)DeviceError.TimedOut, sandbox.Call("gpio.wait_edge", 4, 3, int.MaxValue));
        Assert.Equal(10_400 * Millisecond, sandbox.Device.Clock.MonotonicNanoseconds);
    }

    [Fact]
    public void I2c_temperature_sensor_register_reads()
    {
        using var sandbox = new DeviceSandbox("i2c=1:0x48,1:0x49").WithWrappers();
        var memory = sandbox.Memory;
        memory.Write<byte>(0, SimulatedTmp102.TemperatureRegister);

        Assert.Equal(0, sandbox.Call("i2c.write_read", 1, 0x48, 0, 1, 16, 2));
        Assert.Equal(0x1200, BinaryPrimitives.ReadUInt16BigEndian(memory.GetSpan(16, 2))); // 18.0 °C at t = 0
        sandbox.Device.Clock.Advance(120_000 * Millisecond);
        Assert.Equal(0, sandbox.Call("i2c.write_read", 1, 0x48, 0, 1, 16, 2));
        Assert.Equal(19.0, SimulatedTmp102.DecodeTemperature(BinaryPrimitives.ReadUInt16BigEndian(memory.GetSpan(16, 2))));

        // Pointer write, then a plain read of the configuration register; then write T_LOW and read it back.
        memory.Write<byte>(0, SimulatedTmp102.ConfigurationRegister);
        Assert.Equal(0, sandbox.Call("i2c.write", 1, 0x48, 0, 1));
        Assert.Equal(0, sandbox.Call("i2c.read", 1, 0x48, 16, 2));
        Assert.Equal([0x60, 0xA0], memory.GetSpan(16, 2).ToArray());
        memory.GetSpan(0, 3).Clear();
        memory.Write<byte>(0, SimulatedTmp102.LowLimitRegister);
        memory.Write<byte>(1, 0x1E);
        Assert.Equal(0, sandbox.Call("i2c.write", 1, 0x48, 0, 3));
        Assert.Equal(0, sandbox.Call("i2c.read", 1, 0x48, 16, 2));
        Assert.Equal([0x1E, 0x00], memory.GetSpan(16, 2).ToArray());

        Assert.Equal(-(int)DeviceError.NoDevice, sandbox.Call("i2c.read", 1, 0x49, 16, 2));     // granted, nothing there
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("i2c.read", 1, 0x50, 16, 2)); // not granted
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("i2c.read", 0, 0x48, 16, 2)); // other bus
    }

    [Fact]
    public void Spi_loopback_transfer_in_place_and_uart_loopback()
    {
        using var sandbox = new DeviceSandbox("spi=0:0;uart=0").WithWrappers();
        var memory = sandbox.Memory;
        new byte[] { 1, 2, 3, 4 }.CopyTo(memory.GetSpan(0, 4));
        Assert.Equal(0, sandbox.Call("spi.configure", 0, 0, 3, 8_000_000));
        Assert.Equal(0, sandbox.Call("spi.transfer", 0, 0, 0, 0, 4)); // tx and rx the same buffer
        Assert.Equal([1, 2, 3, 4], memory.GetSpan(0, 4).ToArray());
        Assert.Equal((3, 8_000_000), sandbox.Device.Spi.SettingsOf(0));
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("spi.transfer", 0, 1, 0, 0, 4));

        sandbox.WriteString(100, "ping");
        Assert.Equal(0, sandbox.Call("uart.configure", 0, 9600));
        Assert.Equal(4, sandbox.Call("uart.write", 0, 100, 4));
        Assert.Equal(4, sandbox.Call("uart.read", 0, 200, 16, 10));
        Assert.Equal("ping", sandbox.ReadString(200, 4));
        Assert.Equal(0, sandbox.Call("uart.read", 0, 200, 16, 10)); // nothing left: 0 after the timeout
        Assert.Equal(10 * Millisecond, sandbox.Device.Clock.MonotonicNanoseconds);
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("uart.write", 1, 100, 4));
    }

    [Fact]
    public void Sensors_are_enumerated_and_read_with_unit_and_timestamp()
    {
        using var sandbox = new DeviceSandbox("sensor=board-temp,accel").WithWrappers();
        var memory = sandbox.Memory;
        sandbox.Device.Clock.Advance(150_000 * Millisecond); // a quarter period: the temperature peaks

        Assert.Equal(2, sandbox.Call("sensor.count"));
        Assert.Equal(10, sandbox.Call("sensor.name", 0, 0, 32));
        Assert.Equal("board-temp", sandbox.ReadString(0, 10));
        Assert.Equal(5, sandbox.Call("sensor.name", 1, 0, 2)); // too small: the length, nothing written
        Assert.Equal("bo", sandbox.ReadString(0, 2));
        Assert.Equal(0, sandbox.Call("sensor.info", 0, 64));
        Assert.Equal([1, 1, 1, 0], [memory.Read<int>(64), memory.Read<int>(68), memory.Read<int>(72), memory.Read<int>(76)]);

        Assert.Equal(0, sandbox.Call("sensor.read", 0, 128, 136));
        Assert.Equal(23.5, memory.Read<double>(128), 9);
        Assert.Equal(150_000 * Millisecond, memory.Read<long>(136));

        sandbox.WriteString(0, "accel");
        Assert.Equal(1, sandbox.Call("sensor.find", 0, 5));
        Assert.Equal(-(int)DeviceError.NotFound, sandbox.Call("sensor.find", 0, 4));
        Assert.Equal(3, sandbox.Call("sensor.read_channels", 1, 256, 2, 0)); // room for 2 of 3: nothing written
        Assert.Equal(0.0, memory.Read<double>(256));
        Assert.Equal(3, sandbox.Call("sensor.read_channels", 1, 256, 3, 0));
        Assert.Equal(9.81, memory.Read<double>(256 + 16), 1);
    }

    [Fact]
    public void System_clocks_sleep_and_device_info()
    {
        using var sandbox = new DeviceSandbox("system").WithWrappers();
        Assert.Equal(0x1_0000, sandbox.Call("system.abi_version"));
        Assert.Equal(0L, sandbox.Call("system.monotonic_ns"));
        Assert.Equal(0, sandbox.Call("system.sleep_ms", 5_000)); // bounded to 1 s
        Assert.Equal(1_000 * Millisecond, sandbox.Call("system.monotonic_ns"));
        Assert.Equal(sandbox.Device.Clock.WallClockStartUnixNanoseconds + 1_000 * Millisecond, sandbox.Call("system.wall_time_ns"));
        Assert.Equal(0, sandbox.Call("system.yield"));

        sandbox.WriteString(0, "model");
        Assert.Equal(24, sandbox.Call("system.device_info", 0, 5, 100, 64));
        Assert.Equal("wasmbed-simulated-device", sandbox.ReadString(100, 24));
        sandbox.WriteString(0, "abi");
        Assert.Equal(3, sandbox.Call("system.device_info", 0, 3, 100, 64));
        Assert.Equal("1.0", sandbox.ReadString(100, 3));
        sandbox.WriteString(0, "nope");
        Assert.Equal(-(int)DeviceError.NotFound, sandbox.Call("system.device_info", 0, 4, 100, 64));
    }

    [Fact]
    public void Log_levels_filter_and_long_messages_are_cut()
    {
        var device = new SimulatedDevice();
        using var sandbox = new DeviceSandbox("system", options: new DeviceHostOptions { MaxLogMessageBytes = 8 }).WithWrappers();
        sandbox.WriteString(0, "0123456789");
        Assert.Equal(0, sandbox.Call("system.log", 1, 0, 10));
        Assert.Equal(0, sandbox.Call("system.log", 5, 0, 3)); // trace: below the context's Debug level, dropped
        Assert.Equal([(DeviceLogLevel.Error, "01234567…")], sandbox.Log.Entries);
    }
}
