using Wasmbed.Device;
using Wasmbed.Device.Capabilities;
using Wasmbed.Text;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>The capability model: the text form, resource patterns and what covers what, and the checker's refusals.</summary>
public sealed class CapabilityTests
{
    [Fact]
    public void The_text_form_round_trips_in_canonical_form()
    {
        var set = CapabilitySet.Parse(" kv ; gpio = 17, 0x14-23 ; i2c=1:0x48 ; net=Example.COM:443,[::1]:*,listen:5683 ; sensor=*; system");
        Assert.Equal("gpio=17,20-23;i2c=1:72;kv;net=example.com:443,[::1]:*,listen:5683;sensor=*;system", set.ToString());
        Assert.Equal(set.ToString(), CapabilitySet.Parse(set.ToString()).ToString());
    }

    [Theory]
    [InlineData("kv=x", "takes no resources")]
    [InlineData("gpio=a", "is not a number")]
    [InlineData("gpio=5-3", "ends before it starts")]
    [InlineData("i2c=0x48", "BUS:ADDRESS")]
    [InlineData("net=example.com", "HOST:PORT")]
    [InlineData("net=::1:80", "brackets")]
    [InlineData("net=a*.com:80", "\"*.domain\"")]
    [InlineData("net=h:70000", "0 to 65535")]
    [InlineData("gpio=", "no resources")]
    public void Malformed_capabilities_are_format_errors(string text, string message)
    {
        var error = Assert.Throws<FormatException>(() => CapabilitySet.Parse(text));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("gpio", "*", "0-1000", true)]
    [InlineData("gpio", "0-15", "3-4", true)]
    [InlineData("gpio", "0-15", "15-16", false)]
    [InlineData("i2c", "1:*", "1:0x48", true)]
    [InlineData("i2c", "1:*", "2:0x48", false)]
    [InlineData("net", "*", "example.com:80", true)]
    [InlineData("net", "*.example.com:*", "api.example.com:443", true)]
    [InlineData("net", "*.example.com:*", "*.eu.example.com:443", true)]
    [InlineData("net", "*.example.com:*", "example.com:443", false)]
    [InlineData("net", "127.0.0.1:9000-9010", "127.0.0.1:9005", true)]
    [InlineData("net", "127.0.0.1:9000-9010", "127.0.0.1:*", false)]
    [InlineData("net", "127.0.0.1:*", "listen:80", false)]
    [InlineData("sensor", "*", "board-temp", true)]
    [InlineData("sensor", "humidity", "board-temp", false)]
    public void Patterns_cover_narrower_patterns(string api, string allowed, string requested, bool covers) =>
        Assert.Equal(covers, ResourcePattern.Parse(api, allowed).Covers(ResourcePattern.Parse(api, requested)));

    [Fact]
    public void Granted_resources_are_checked_by_value()
    {
        var granted = GrantedCapabilities.Trusted("gpio=2,4-6;i2c=1:0x48;spi=0:*;uart=1;net=*.local:5683,10.0.0.1:*,listen:7000;sensor=a");
        Assert.True(granted.AllowsPin(5));
        Assert.False(granted.AllowsPin(3));
        Assert.True(granted.AllowsI2c(1, 0x48));
        Assert.False(granted.AllowsI2c(1, 0x49));
        Assert.True(granted.AllowsSpi(0, 3));
        Assert.True(granted.AllowsUart(1));
        Assert.False(granted.AllowsUart(0));
        Assert.True(granted.AllowsPeer("Printer.LOCAL", 5683));
        Assert.False(granted.AllowsPeer("printer.local", 80));
        Assert.True(granted.AllowsPeer("10.0.0.1", 1));
        Assert.True(granted.AllowsListen(7000));
        Assert.True(granted.AllowsListen(0));
        Assert.False(granted.AllowsListen(7001));
        Assert.True(granted.AllowsSensor("a"));
        Assert.False(granted.AllowsSensor("b"));
        Assert.False(GrantedCapabilities.Trusted("gpio=1").AllowsListen(0)); // no net at all
    }

    [Theory]
    [InlineData("""(import "env" "f" (func))""", "system", "import \"env\" \"f\" needs capability \"env\", which the app does not request")]
    [InlineData("""(import "wasmbed:gpio/1" "read" (func (param i32) (result i32)))""", "gpio=1", "import \"wasmbed:gpio/1\" \"read\" needs capability \"gpio\", which the device policy does not grant")]
    [InlineData("""(import "wasmbed:sensor/2" "read" (func))""", "sensor=*", "this host implements \"wasmbed:sensor/1\", not \"wasmbed:sensor/2\"")]
    [InlineData("""(import "wasmbed:sensor/1" "reed" (func))""", "sensor=*", "host API \"wasmbed:sensor/1\" has no function \"reed\"")]
    [InlineData("""(import "wasmbed:sensor/1" "count" (func (result i64)))""", "sensor=*", "has type [] -> [i64], but the host function has type [] -> [i32]")]
    [InlineData("""(import "wasmbed:kv/1" "get" (memory 1))""", "kv", "the device API exports only functions, not a memory")]
    [InlineData("""(import "wasmbed:system/1" "yield" (func (result i32)))""", "system;uart=0", "capability \"uart\" is not granted by the device policy")]
    [InlineData("""(import "wasmbed:system/1" "yield" (func (result i32)))""", "system;sensor=x", "capability \"sensor\" resource \"x\" is not granted by the device policy (it allows a, b)")]
    public void The_checker_names_the_first_refused_import_or_resource(string imports, string requested, string message)
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, Wat.ToBinary($"(module {imports})"));
        var policy = DevicePolicy.Parse("system;kv;sensor=a,b;env");

        Assert.False(CapabilityChecker.TryCheck(module, CapabilitySet.Parse(requested), policy, out var granted, out var error));
        Assert.Null(granted);
        Assert.Contains(message, error);
    }

    [Fact]
    public void Other_import_modules_are_granted_by_their_name()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, Wat.ToBinary("""(module (import "wasi_snapshot_preview1" "fd_write" (func (param i32 i32 i32 i32) (result i32))))"""));
        var granted = CapabilityChecker.Check(module, CapabilitySet.Parse("wasi_snapshot_preview1"), DevicePolicy.Parse("wasi_snapshot_preview1;system"));
        Assert.True(granted.HasApi("wasi_snapshot_preview1"));
        Assert.False(granted.HasApi("system")); // the app gets what it asked for, not all the policy allows
    }

    [Fact]
    public void AllowAll_allows_every_device_api_and_resource()
    {
        Assert.Equal("gpio=*;i2c=*;kv;net=*;sensor=*;spi=*;system;uart=*", DevicePolicy.AllowAll.ToString());
        Assert.Equal("sensor", HostApiNames.CapabilityFor("wasmbed:sensor/1"));
        Assert.Equal("wasmbed:odd", HostApiNames.CapabilityFor("wasmbed:odd"));
        Assert.Equal(DeviceError.AccessDenied, (DeviceError)13);
    }
}
