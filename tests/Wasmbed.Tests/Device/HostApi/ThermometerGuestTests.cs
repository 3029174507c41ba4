using Wasmbed.Device;
using System.Globalization;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware.Simulation;
using Wasmbed.Device.HostApi;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>
/// The acceptance test of the device layer: the C guest tests/guests/device/thermometer.c (built by build.sh with
/// clang, committed as .wasm) runs with exactly the capabilities it was granted, and is refused without them.
/// </summary>
public sealed class ThermometerGuestTests
{
    private const string Requested = "system;sensor=board-temp;kv";
    private static readonly DevicePolicy Policy = DevicePolicy.Parse("system;kv;sensor=*;gpio=0-15;net=127.0.0.1:*");

    private static byte[] ThermometerWasm() =>
        File.ReadAllBytes(Path.Combine(TestPaths.Repository(), "tests", "guests", "device", "thermometer.wasm"));

    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void Runs_with_its_grants_and_logs_calibrated_samples(ExecutionTier tier)
    {
        using var engine = DeviceTiers.Engine(tier);
        using var module = Module.FromBytes(engine, ThermometerWasm());
        var granted = CapabilityChecker.Check(module, CapabilitySet.Parse(Requested), Policy);
        var device = new SimulatedDevice();
        var log = new MemoryLog();
        var kv = new InMemoryKeyValueStore();
        Assert.Equal(DeviceError.None, kv.Set("cal.gain"u8, BitConverter.GetBytes(1.5)));
        Assert.Equal(DeviceError.None, kv.Set("cal.offset"u8, BitConverter.GetBytes(-2.25)));
        using var context = new DeviceContext(device.Hardware, granted) { Log = log, KeyValueStore = kv };
        var linker = DeviceHost.Define(new Linker(engine), context);
        using var instance = linker.Instantiate(new Store(engine), module);

        int taken = instance.GetFunction<int, int>("run")(3);

        Assert.Equal(3, taken);
        var expected = new List<string> { "thermometer on sim-0001", "calibration gain=1.500 offset=-2.250" };
        for (int i = 0; i < 3; i++)
        {
            // The simulated board temperature: 21.5 + 2 sin(2πt/600), sampled at t = 0 s, 1 s, 2 s.
            double raw = 21.5 + 2 * Math.Sin(2 * Math.PI * i / 600.0);
            expected.Add($"sample {i} t={i * 1000}ms raw={Fixed3(raw)} C calibrated={Fixed3(raw * 1.5 - 2.25)} C");
        }
        Assert.Equal(expected, log.Messages);
        Assert.All(log.Entries, e => Assert.Equal(DeviceLogLevel.Info, e.Level));
        var last = new byte[8];
        Assert.Equal(8, kv.Get("last"u8, last));
        Assert.Equal((21.5 + 2 * Math.Sin(2 * Math.PI * 2 / 600.0)) * 1.5 - 2.25, BitConverter.ToDouble(last), 12);
        Assert.Equal(2_000_000_000, device.Clock.MonotonicNanoseconds); // two bounded 1 s sleeps, in simulated time
    }

    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void Uses_default_calibration_when_kv_has_none(ExecutionTier tier)
    {
        using var engine = DeviceTiers.Engine(tier);
        using var module = Module.FromBytes(engine, ThermometerWasm());
        var log = new MemoryLog();
        using var context = new DeviceContext(new SimulatedDevice().Hardware, CapabilityChecker.Check(module, CapabilitySet.Parse(Requested), Policy))
        {
            Log = log,
            KeyValueStore = new InMemoryKeyValueStore(),
        };
        using var instance = DeviceHost.Define(new Linker(engine), context).Instantiate(new Store(engine), module);

        Assert.Equal(1, instance.GetFunction<int, int>("run")(1));
        Assert.Equal(["thermometer on sim-0001", "calibration gain=1.000 offset=0.000", "sample 0 t=0ms raw=21.500 C calibrated=21.500 C"], log.Messages);
    }

    [Fact]
    public void Without_the_sensor_grant_it_is_refused_naming_the_capability()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, ThermometerWasm());

        var error = Assert.Throws<CapabilityException>(() => CapabilityChecker.Check(module, CapabilitySet.Parse("system;kv"), Policy));

        Assert.Equal("import \"wasmbed:sensor/1\" \"find\" needs capability \"sensor\", which the app does not request", error.Message);
    }

    [Fact]
    public void A_policy_without_the_sensor_is_refused_naming_the_resource()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, ThermometerWasm());

        var error = Assert.Throws<CapabilityException>(() =>
            CapabilityChecker.Check(module, CapabilitySet.Parse(Requested), DevicePolicy.Parse("system;kv;sensor=humidity")));

        Assert.Equal("capability \"sensor\" resource \"board-temp\" is not granted by the device policy (it allows humidity)", error.Message);
    }

    [Fact]
    public void Without_the_sensor_api_defined_the_module_does_not_link()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, ThermometerWasm());
        using var context = new DeviceContext(new SimulatedDevice().Hardware, GrantedCapabilities.Trusted("system;kv"));

        var error = Assert.Throws<WasmLinkException>(() => DeviceHost.Define(new Linker(engine), context).Instantiate(new Store(engine), module));

        Assert.Contains("wasmbed:sensor/1", error.Message);
    }

    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void A_sensor_granted_by_name_only_hides_the_others(ExecutionTier tier)
    {
        using var engine = DeviceTiers.Engine(tier);
        using var module = Module.FromBytes(engine, ThermometerWasm());
        var log = new MemoryLog();
        // Granted a different sensor than the one it looks for: board-temp does not exist for this app.
        using var context = new DeviceContext(new SimulatedDevice().Hardware, GrantedCapabilities.Trusted("system;kv;sensor=humidity"))
        {
            Log = log,
            KeyValueStore = new InMemoryKeyValueStore(),
        };
        using var instance = DeviceHost.Define(new Linker(engine), context).Instantiate(new Store(engine), module);

        Assert.Equal(-(int)DeviceError.NotFound, instance.GetFunction<int, int>("run")(1));
        Assert.Equal("sensor lookup failed: error 2", log.Messages[^1]);
    }

    /// <summary>Three decimals, rounding half away from zero, as the guest formats them.</summary>
    private static string Fixed3(double value) =>
        (Math.Sign(value) * Math.Floor(Math.Abs(value) * 1000 + 0.5) / 1000).ToString("0.000", CultureInfo.InvariantCulture);
}
