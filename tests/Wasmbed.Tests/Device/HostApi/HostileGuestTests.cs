using Wasmbed.Device;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.HostApi;
using Wasmbed.Text;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>
/// A hostile guest passes pointers and lengths outside its memory, lengths that wrap, and buffers that end one
/// byte past memory: every call answers -WB_EFAULT (or another error code) and the host is untouched.
/// </summary>
public sealed class HostileGuestTests
{
    private const int Fault = -(int)DeviceError.Fault;
    private const int PageEnd = 65536;

    private static DeviceSandbox Sandbox(ExecutionTier tier = ExecutionTier.Interpreter) =>
        new DeviceSandbox("system;sensor=*;gpio=*;i2c=*;spi=*;uart=*;kv;net=*;net=listen:*", tier: tier).WithWrappers();

    /// <summary>Every out-of-bounds call on every tier: the checks are the host's, but the memory they see comes from compiled or interpreted code.</summary>
    public static TheoryData<ExecutionTier, string, int[]> OutOfBoundsCallsOnEveryTier()
    {
        var data = new TheoryData<ExecutionTier, string, int[]>();
        foreach (var tier in DeviceTiers.Tiers)
            foreach (var call in OutOfBoundsCalls)
                data.Add(tier, (string)call[0], (int[])call[1]);
        return data;
    }

    public static TheoryData<string, int[]> OutOfBoundsCalls => new()
    {
        { "system.log", [3, PageEnd - 4, 5] },
        { "system.log", [3, -16, 32] },                       // 0xFFFFFFF0 + 32 wraps in 32 bits
        { "system.log", [3, 0, -1] },                         // length 0xFFFFFFFF
        { "system.device_info", [0, 2, PageEnd, 1] },
        { "system.device_info", [0, 2, 100, PageEnd] },
        { "sensor.info", [0, PageEnd - 15] },
        { "sensor.name", [0, PageEnd - 1, 2] },
        { "sensor.find", [PageEnd, 1] },
        { "sensor.read", [0, PageEnd - 7, 0] },
        { "sensor.read", [0, 0, PageEnd - 7] },
        { "sensor.read_channels", [3, PageEnd - 16, 3, 0] },
        { "i2c.write", [1, 0x48, PageEnd - 1, 2] },
        { "i2c.read", [1, 0x48, -1, 1] },
        { "i2c.write_read", [1, 0x48, 0, 1, PageEnd - 1, 2] },
        { "spi.transfer", [0, 0, 0, PageEnd - 3, 4] },
        { "spi.transfer", [0, 0, PageEnd - 3, 0, 4] },
        { "uart.write", [0, PageEnd, 1] },
        { "uart.read", [0, PageEnd - 1, 2, 0] },
        { "kv.get", [PageEnd - 1, 2, 0, 0] },
        { "kv.get", [0, 3, PageEnd - 1, 2] },
        { "kv.set", [0, 3, PageEnd - 1, 2] },
        { "kv.delete", [int.MinValue, 3] },
    };

    [Theory]
    [MemberData(nameof(OutOfBoundsCallsOnEveryTier))]
    public void Out_of_bounds_buffers_are_faults_not_traps(ExecutionTier tier, string function, int[] args)
    {
        using var sandbox = Sandbox(tier);
        sandbox.WriteString(0, "abc");

        Assert.Equal(Fault, sandbox.Call(function, args));
        Assert.Empty(sandbox.Log.Messages);
    }

    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void A_buffer_ending_exactly_at_the_end_of_memory_is_accepted(ExecutionTier tier)
    {
        using var sandbox = Sandbox(tier);
        sandbox.WriteString(PageEnd - 5, "hello");

        Assert.Equal(0, sandbox.Call("system.log", 3, PageEnd - 5, 5));
        Assert.Equal(0, sandbox.Call("sensor.read", 0, PageEnd - 8, 0));
        Assert.Equal(["hello"], sandbox.Log.Messages);
    }

    [Fact]
    public void Net_calls_check_every_buffer()
    {
        using var sandbox = Sandbox();
        int handle = (int)sandbox.Call("net.open", 0);
        Assert.True(handle >= 0);
        int endpoint = sandbox.WriteString(0, "127.0.0.1:9");

        Assert.Equal(Fault, sandbox.Call("net.send", handle, PageEnd - 2, endpoint, 100, 1));
        Assert.Equal(Fault, sandbox.Call("net.send", handle, 0, endpoint, PageEnd, 1));
        Assert.Equal(Fault, sandbox.Call("net.recv", handle, PageEnd - 1, 2, 100, 10, 200, 0));
        Assert.Equal(Fault, sandbox.Call("net.recv", handle, 100, 10, PageEnd, 1, 200, 0));
        Assert.Equal(Fault, sandbox.Call("net.recv", handle, 100, 10, 200, 10, PageEnd - 3, 0));
        Assert.Equal(-(int)DeviceError.BadHandle, sandbox.Call("net.send", 7, 0, endpoint, 100, 1));
        Assert.Equal(-(int)DeviceError.BadHandle, sandbox.Call("net.close", -1));
    }

    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void A_guest_without_memory_gets_faults(ExecutionTier tier)
    {
        using var sandbox = new DeviceSandbox("system;kv", tier: tier);
        var wat = DeviceSandbox.WrapperModule([HostApiNames.System, HostApiNames.Kv], withMemory: false);
        using var instance = sandbox.Linker.Instantiate(sandbox.Store, Module.FromBytes(sandbox.Engine, Wat.ToBinary(wat)));

        Assert.Equal(Fault, instance.GetFunction<int, int, int, int>("system.log")(3, 0, 0));
        Assert.Equal(Fault, instance.GetFunction<int, int, int, int, int>("kv.get")(0, 1, 0, 0));
    }

    [Fact]
    public void Bad_arguments_are_errors()
    {
        using var sandbox = Sandbox();
        sandbox.WriteString(0, "k");
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("system.log", 0, 0, 1));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("system.log", 6, 0, 1));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("system.sleep_ms", -1));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("gpio.configure", 0, 4));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("gpio.configure", 99, 0)); // granted "*", but no pin 99
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("gpio.wait_edge", 1, 0, 10));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("i2c.write", 1, 0x80, 0, 1));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("spi.configure", 0, 0, 4, 1000));
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("kv.get", 0, 0, 0, 0));
        Assert.Equal(-(int)DeviceError.TooLong, sandbox.Call("kv.set", 0, 257, 0, 1));
        Assert.Equal(-(int)DeviceError.TooLong, sandbox.Call("kv.set", 0, 1, 0, 64 * 1024 + 1));
        Assert.Equal(-(int)DeviceError.TooLong, sandbox.Call("i2c.read", 1, 0x48, 0, 4097));
        Assert.Equal(-(int)DeviceError.NotFound, sandbox.Call("sensor.read", 4, 0, 0));
        Assert.Equal(-(int)DeviceError.NotFound, sandbox.Call("sensor.info", -1, 0));
    }

    [Fact]
    public void A_throwing_backend_is_an_io_error_for_the_guest()
    {
        var hardware = new DeviceHardware { Clock = SystemClock.Instance, Gpio = new ThrowingGpio() };
        using var sandbox = new DeviceSandbox("gpio=*", hardware).WithWrappers(HostApiNames.Gpio);

        Assert.Equal(-(int)DeviceError.IOError, sandbox.Call("gpio.configure", 1, 0));
        Assert.Equal(-(int)DeviceError.IOError, sandbox.Call("gpio.read", 1));
    }

    private sealed class ThrowingGpio : IGpioController
    {
        public int PinCount => 4;
        public DeviceError Configure(int pin, PinMode mode) => throw new IOException("bus error");
        public DeviceError Read(int pin, out bool high) => throw new IOException("bus error");
        public DeviceError Write(int pin, bool high) => throw new IOException("bus error");
        public DeviceError WaitForEdge(int pin, PinEdge edges, long timeoutNanoseconds, out PinEdge edge) => throw new IOException("bus error");
    }
}
