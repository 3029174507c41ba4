namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>A device on a simulated SPI bus: answers each full-duplex transfer.</summary>
public interface ISimulatedSpiDevice
{
    DeviceError Transfer(ReadOnlySpan<byte> transmit, Span<byte> receive);
}

/// <summary>MISO wired to MOSI: every transfer receives what it sent.</summary>
public sealed class SpiLoopbackDevice : ISimulatedSpiDevice
{
    public DeviceError Transfer(ReadOnlySpan<byte> transmit, Span<byte> receive)
    {
        transmit.CopyTo(receive);
        return DeviceError.None;
    }
}

/// <summary>A simulated SPI bus: devices by chip select; a chip select with nothing on it reads 0xFF (MISO pulled up).</summary>
public sealed class SimulatedSpiBus : ISpiBus
{
    private readonly Dictionary<int, ISimulatedSpiDevice> _devices = [];
    private readonly Dictionary<int, (int Mode, int ClockHz)> _settings = [];
    private readonly Lock _lock = new();

    public SimulatedSpiBus Attach(int chipSelect, ISimulatedSpiDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        lock (_lock) _devices[chipSelect] = device;
        return this;
    }

    /// <summary>The mode and clock last configured for <paramref name="chipSelect"/> (mode 0, 1 MHz before any).</summary>
    public (int Mode, int ClockHz) SettingsOf(int chipSelect)
    {
        lock (_lock) return _settings.GetValueOrDefault(chipSelect, (0, 1_000_000));
    }

    public DeviceError Configure(int chipSelect, int mode, int clockHz)
    {
        if ((uint)mode > 3 || clockHz <= 0) return DeviceError.InvalidArgument;
        lock (_lock) _settings[chipSelect] = (mode, clockHz);
        return DeviceError.None;
    }

    public DeviceError Transfer(int chipSelect, ReadOnlySpan<byte> transmit, Span<byte> receive)
    {
        if (transmit.Length != receive.Length) return DeviceError.InvalidArgument;
        lock (_lock)
        {
            if (!_devices.TryGetValue(chipSelect, out var device))
            {
                receive.Fill(0xFF);
                return DeviceError.None;
            }
            return device.Transfer(transmit, receive);
        }
    }
}
