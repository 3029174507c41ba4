using System.Text.RegularExpressions;
using Wasmbed.Device;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.HostApi;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>
/// The ABI is written down three times — the C# host, the catalog the checker uses, and include/wasmbed/device.h —
/// and these tests keep them the same. Also: hot host calls do not allocate.
/// </summary>
public sealed partial class HostApiAbiTests
{
    private static string Header() => File.ReadAllText(Path.Combine(TestPaths.Repository(), "include", "wasmbed", "device.h"));

    [Fact]
    public void The_host_defines_every_catalog_function_with_its_type()
    {
        using var sandbox = new DeviceSandbox("system;sensor=*;gpio=*;i2c=*;spi=*;uart=*;net=*;kv");
        foreach (var (api, name, type) in HostApiCatalog.Functions)
        {
            var defined = sandbox.Linker.Get(sandbox.Store, HostApiNames.ImportModule(api), name) as Function;
            Assert.True(defined is not null, $"{api}.{name} is not defined");
            Assert.Equal(type, defined.Type);
        }
    }

    [Fact]
    public void The_header_declares_exactly_the_catalog()
    {
        var declared = ImportDeclaration().Matches(Header()).Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToHashSet();
        var catalog = HostApiCatalog.Functions.Select(f => (f.Api, f.Name)).ToHashSet();
        Assert.Equal(catalog.Order(), declared.Order());
    }

    [Fact]
    public void The_header_constants_match_the_enums()
    {
        var defines = Define().Matches(Header()).ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value));
        var errors = defines.Where(d => d.Key.StartsWith("WB_E", StringComparison.Ordinal) && !d.Key.StartsWith("WB_EDGE_", StringComparison.Ordinal)).Select(d => d.Value).Order();
        Assert.Equal(Enum.GetValues<DeviceError>().Where(e => e != DeviceError.None).Select(e => (int)e).Order(), errors);
        Assert.Equal(Enum.GetValues<SensorKind>().Select(e => (int)e).Order(), Values("WB_SENSOR_"));
        Assert.Equal(Enum.GetValues<SensorUnit>().Select(e => (int)e).Order(), Values("WB_UNIT_"));
        Assert.Equal(Enum.GetValues<PinMode>().Select(e => (int)e).Order(), Values("WB_GPIO_"));
        Assert.Equal(Enum.GetValues<PinEdge>().Where(e => e != PinEdge.None).Select(e => (int)e).Order(), Values("WB_EDGE_"));
        Assert.Equal(Enum.GetValues<DeviceLogLevel>().Select(e => (int)e).Order(), Values("WB_LOG_"));
        Assert.Equal(HostApiNames.MajorVersion, defines["WB_ABI_MAJOR"]);
        Assert.Equal(HostApiNames.MinorVersion, defines["WB_ABI_MINOR"]);

        IEnumerable<int> Values(string prefix) => defines.Where(d => d.Key.StartsWith(prefix, StringComparison.Ordinal)).Select(d => d.Value).Order();
    }

    [Theory]
    [InlineData(ExecutionTier.Interpreter)]
    [InlineData(ExecutionTier.Compiler)] // not Tiered: its switch to compiled code happens at a moment the test cannot pin
    public void Hot_calls_do_not_allocate(ExecutionTier tier)
    {
        using var sandbox = new DeviceSandbox("sensor=*;gpio=*;kv", tier: tier).WithWrappers();
        var instance = sandbox.Instance!;
        var sensorRead = instance.GetFunction<int, int, int, int>("sensor.read");
        var gpioRead = instance.GetFunction<int, int>("gpio.read");
        var gpioWrite = instance.GetFunction<int, int, int>("gpio.write");
        var kvGet = instance.GetFunction<int, int, int, int, int>("kv.get");
        sandbox.WriteString(0, "key");
        sandbox.Kv.Set("key"u8, "small value"u8);
        Assert.Equal(0, instance.GetFunction<int, int, int>("gpio.configure")(0, 1));

        // Results are summed and checked afterwards: xunit's asserts allocate.
        long Calls()
        {
            long sum = 0;
            for (int i = 0; i < 1000; i++)
            {
                sum += sensorRead(0, 64, 72);          // 0
                sum += gpioWrite(0, i & 1);            // 0
                sum += gpioRead(1) - (i & 1);          // 0: pin 1 follows pin 0
                sum += kvGet(0, 3, 128, 64) - 11;      // 0: the value's length
            }
            return sum;
        }
        Assert.Equal(0, Calls()); // also warms up: lazy translation, first-use caches
        long before = GC.GetAllocatedBytesForCurrentThread();
        long result = Calls();
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, result);
        Assert.Equal(0, allocated);
    }

    [GeneratedRegex("""WB_IMPORT\("(\w+)", "(\w+)"\)""")]
    private static partial Regex ImportDeclaration();

    [GeneratedRegex(@"#define (WB_\w+)\s+(\d+)")]
    private static partial Regex Define();
}
