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

    /// <summary>
    /// Defines an embedder's own host functions for each app instance (called with the app's name and the linker,
    /// after the device host API is defined): e.g. the gateway's <c>wasmbed:pipeline/1</c>. Imports from such modules
    /// need a capability named after them (<see cref="CapabilityChecker"/>), like any non-device module.
    /// </summary>
    public Action<string, Linker>? DefineImports { get; init; }

    /// <summary>
    /// Called when a version of an app has been instantiated (before its start hook), with the app's name and version:
    /// e.g. to watch its memory or give its <see cref="Store"/> fuel. The instance may yet be discarded (a failed update).
    /// </summary>
    public Action<string, string, Instance>? Instantiated { get; init; }

    /// <summary>
    /// Called with (app, store) before every call into an app (start, events, hooks), e.g. to give it a fuel budget or a
    /// deadline; the engine must meter fuel or be interruptible for those (<see cref="EngineOptions"/>). A manifest's
    /// <c>limits.fuelPerCall</c> is applied after it.
    /// </summary>
    public Action<string, Store>? BeforeCall { get; init; }

    /// <summary>The host ABI major version apps must target.</summary>
    public int AbiVersion { get; init; } = HostApiNames.MajorVersion;
}
