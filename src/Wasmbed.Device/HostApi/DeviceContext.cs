using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// Everything the host APIs need to serve one app: the device's hardware, what the app was granted, its key-value
/// store and log, and the bounds. One context per app; give each app its own <see cref="Linker"/>, and dispose the
/// context when the app stops.
/// </summary>
/// <example>
/// <code>
/// var granted = CapabilityChecker.Check(module, manifestCapabilities, policy);
/// var context = new DeviceContext(hardware, granted) { KeyValueStore = store, Log = log };
/// var linker = new Linker(engine);
/// DeviceHost.Define(linker, context);
/// using var instance = linker.Instantiate(new Store(engine), module);
/// </code>
/// </example>
public sealed class DeviceContext : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public DeviceContext(DeviceHardware hardware, GrantedCapabilities granted)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        ArgumentNullException.ThrowIfNull(granted);
        Hardware = hardware;
        Granted = granted;
    }

    public DeviceHardware Hardware { get; }

    public GrantedCapabilities Granted { get; }

    /// <summary>The app's storage behind <c>kv</c>; without one, <c>kv</c> calls answer <see cref="DeviceError.NotSupported"/>.</summary>
    public IKeyValueStore? KeyValueStore { get; init; }

    /// <summary>Where <c>system.log</c> writes; by default nowhere.</summary>
    public IDeviceLog? Log { get; init; }

    /// <summary>The least important level written to <see cref="Log"/>; less important messages are dropped.</summary>
    public DeviceLogLevel LogLevel { get; init; } = DeviceLogLevel.Debug;

    public DeviceHostOptions Options { get; init; } = new();

    /// <summary>Closes what the app left open through the host APIs (sockets). The hardware stays the device's.</summary>
    public void Dispose()
    {
        lock (_owned)
        {
            foreach (var item in _owned) item.Dispose();
            _owned.Clear();
        }
    }

    internal void OnDispose(IDisposable item)
    {
        lock (_owned) _owned.Add(item);
    }
}
