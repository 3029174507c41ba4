using Wasmbed.Device;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.Hardware.Simulation;

namespace Wasmbed.Tests.Device.Hardware;

/// <summary>The simulated device's parts, used directly (the host API tests use them through guests).</summary>
public sealed class HardwareSimulationTests
{
    [Theory]
    [InlineData(25.0, 0x1900)]     // TMP102 datasheet table 7-6
    [InlineData(0.0625, 0x0010)]
    [InlineData(-0.25, 0xFFC0)]
    [InlineData(-25.0, 0xE700)]
    [InlineData(127.9375, 0x7FF0)]
    public void Tmp102_encodes_temperatures_as_the_datasheet_does(double celsius, int register)
    {
        Assert.Equal((ushort)register, SimulatedTmp102.EncodeTemperature(celsius));
        Assert.Equal(celsius, SimulatedTmp102.DecodeTemperature((ushort)register));
    }

    [Fact]
    public void Tmp102_refuses_writes_to_the_temperature_register_and_unknown_pointers()
    {
        var tmp = new SimulatedTmp102(new SimulatedClock(), _ => 20);
        var bus = new SimulatedI2cBus().Attach(0x48, tmp);
        Assert.Equal(DeviceError.IOError, bus.Write(0x48, [0, 0x12, 0x34]));
        Assert.Equal(DeviceError.IOError, bus.Write(0x48, [4]));
        Assert.Equal(DeviceError.NoDevice, bus.Write(0x49, [0]));
        Span<byte> read = stackalloc byte[4];
        Assert.Equal(DeviceError.None, bus.WriteRead(0x48, [0], read));
        Assert.Equal(new byte[] { 0x14, 0x00, 0x14, 0x00 }, read.ToArray()); // 20 °C, repeated
    }

    [Fact]
    public void Sensors_follow_simulated_time()
    {
        var clock = new SimulatedClock();
        var sensor = SimulatedSensor.Temperature(clock, "t", mean: 10, amplitude: 4, periodSeconds: 40);
        Span<double> value = stackalloc double[1];
        clock.Advance(10_000_000_000); // a quarter period
        Assert.Equal(DeviceError.None, sensor.Read(value, out long at));
        Assert.Equal(14, value[0], 9);
        Assert.Equal(10_000_000_000, at);
        sensor.Failure = DeviceError.IOError;
        Assert.Equal(DeviceError.IOError, sensor.Read(value, out _));
    }

    [Fact]
    public void Gpio_pulls_loopback_and_recorded_edges()
    {
        var clock = new SimulatedClock();
        var gpio = new SimulatedGpio(clock, 8);
        gpio.Connect(6, 7);
        Assert.Equal(DeviceError.None, gpio.Configure(2, PinMode.InputPullUp));
        Assert.Equal(DeviceError.None, gpio.Read(2, out bool high));
        Assert.True(high);

        Assert.Equal(DeviceError.None, gpio.Configure(7, PinMode.Input));
        Assert.Equal(DeviceError.None, gpio.Configure(6, PinMode.Output));
        for (int i = 0; i < 4; i++) gpio.Write(6, i % 2 == 0); // rising, falling, rising, falling
        var edges = new List<PinEdge>();
        while (gpio.WaitForEdge(7, PinEdge.Both, 0, out var edge) == DeviceError.None) edges.Add(edge);
        Assert.Equal([PinEdge.Rising, PinEdge.Falling, PinEdge.Rising, PinEdge.Falling], edges);
        Assert.Equal(DeviceError.NotPermitted, gpio.WaitForEdge(6, PinEdge.Both, 0, out _));
        Assert.Equal(0, clock.MonotonicNanoseconds);
    }

    [Fact]
    public void Network_delivers_locally_and_answers_from_peers()
    {
        var clock = new SimulatedClock();
        var network = new SimulatedNetwork(clock);
        network.AddPeer(new DatagramEndpoint("10.0.0.2", 7), data => [.. data, .. "!"u8]);
        Assert.Equal(DeviceError.None, network.Open(5000, out var a));
        Assert.Equal(DeviceError.Busy, network.Open(5000, out _));
        Assert.Equal(DeviceError.None, network.Open(0, out var b));
        using (a)
        using (b)
        {
            Assert.Equal(DeviceError.None, b!.Send(new DatagramEndpoint("localhost", 5000), "hi"u8));
            var buffer = new byte[16];
            Assert.Equal(DeviceError.None, a!.Receive(buffer, 0, out int length, out var from));
            Assert.Equal("hi"u8.ToArray(), buffer[..length]);
            Assert.Equal(new DatagramEndpoint(SimulatedNetwork.LocalHost, b.LocalPort), from);

            Assert.Equal(DeviceError.None, a.Send(new DatagramEndpoint("10.0.0.2", 7), "echo"u8));
            Assert.Equal(DeviceError.None, a.Receive(buffer, 0, out length, out from));
            Assert.Equal("echo!"u8.ToArray(), buffer[..length]);
            Assert.Equal(DeviceError.TimedOut, a.Receive(buffer, 5_000_000, out _, out _));
            Assert.Equal(5_000_000, clock.MonotonicNanoseconds);
        }
    }

    [Fact]
    public void Simulated_device_is_deterministic()
    {
        static double[] Run()
        {
            var device = new SimulatedDevice();
            var values = new List<double>();
            Span<double> reading = stackalloc double[3];
            foreach (var sensor in device.Hardware.Sensors)
            {
                device.Clock.Advance(1_234_567_891);
                sensor.Read(reading, out _);
                values.AddRange(reading[..sensor.Channels].ToArray());
            }
            return [.. values];
        }
        Assert.Equal(Run(), Run());
    }
}
