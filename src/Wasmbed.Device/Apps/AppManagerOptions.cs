using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.HostApi;

namespace Wasmbed.Device.Apps;

/// <summary>How an <see cref="AppManager"/> runs apps. Every property has a default that suits the command line.</summary>
public sealed class AppManagerOptions
{
    /// <summary>The engine modules are compiled by; the manager makes (and disposes) its own when null.</summary>
    public Engine? Engine { get; init; }

    /// <summary>
    /// What apps may be granted. When null the manager reads the state directory's <c>policy</c> file
    /// (text form of <see cref="CapabilitySet.Parse"/>), and without one allows <c>system;kv</c>.
    /// </summary>
    public DevicePolicy? Policy { get; init; }

    /// <summary>The hardware apps reach; by default a device with a real clock and nothing else.</summary>
    public DeviceHardware? Hardware { get; init; }

    /// <summary>Where each app's <c>system.log</c> goes (called with the app's name); nowhere by default.</summary>
    public Func<string, IDeviceLog?>? Log { get; init; }

    /// <summary>Bounds of the host APIs.</summary>
    public DeviceHostOptions HostOptions { get; init; } = new();

    /// <summary>The host ABI major version apps must target.</summary>
    public int AbiVersion { get; init; } = HostApiNames.MajorVersion;
}
