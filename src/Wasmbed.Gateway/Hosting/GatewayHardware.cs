using Wasmbed.Device.Hardware;
using Wasmbed.Device.Hardware.Simulation;

namespace Wasmbed.Gateway.Hosting;

/// <summary>
/// The hardware the gateway's apps reach. <c>simulated</c>: the device layer's simulated device, whose clock is
/// moved along with real time (every 10 ms) so sensor waveforms change as the daemon runs; <c>system</c>: the real
/// clock and nothing else.
/// </summary>
public sealed class GatewayHardware : IDisposable
{
    private readonly Timer? _clockDriver;

    private GatewayHardware(DeviceHardware hardware, SimulatedDevice? simulated)
    {
        Hardware = hardware;
        Simulated = simulated;
        if (simulated is not null)
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            _clockDriver = new Timer(_ =>
            {
                long now = started.Elapsed.Ticks * 100;
                if (now > simulated.Clock.MonotonicNanoseconds) simulated.Clock.AdvanceTo(now);
            }, null, 0, 10);
        }
    }

    public DeviceHardware Hardware { get; }

    /// <summary>The simulated device, when the hardware is simulated (tests and the demo drive its pins and sensors).</summary>
    public SimulatedDevice? Simulated { get; }

    public static GatewayHardware Create(string kind) => kind switch
    {
        "simulated" => FromSimulated(new SimulatedDevice()),
        "system" => new GatewayHardware(new DeviceHardware { Clock = SystemClock.Instance }, null),
        _ => throw new GatewayException(GatewayError.BadRequest, $"unknown hardware \"{kind}\" (simulated, system)"),
    };

    private static GatewayHardware FromSimulated(SimulatedDevice device) => new(device.Hardware, device);

    public ISensor? FindSensor(string name) => Hardware.Sensors.FirstOrDefault(s => s.Name == name);

    public void Dispose() => _clockDriver?.Dispose();
}
