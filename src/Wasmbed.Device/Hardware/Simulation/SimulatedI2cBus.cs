namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>A device on a simulated I2C bus: it receives the bytes of a write and supplies the bytes of a read.</summary>
public interface ISimulatedI2cDevice
{
    DeviceError Write(ReadOnlySpan<byte> data);

    DeviceError Read(Span<byte> destination);
}

/// <summary>A simulated I2C bus: devices attached at addresses; an address with no device does not acknowledge.</summary>
public sealed class SimulatedI2cBus : II2cBus
{
    private readonly ISimulatedI2cDevice?[] _devices = new ISimulatedI2cDevice?[128];
    private readonly Lock _lock = new();

    /// <summary>Attaches <paramref name="device"/> at 7-bit <paramref name="address"/>.</summary>
    public SimulatedI2cBus Attach(int address, ISimulatedI2cDevice device)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)address, 0x7Fu, nameof(address));
        ArgumentNullException.ThrowIfNull(device);
        _devices[address] = device;
        return this;
    }

    public DeviceError Write(int address, ReadOnlySpan<byte> data)
    {
        if (Find(address) is not { } device) return DeviceError.NoDevice;
        lock (_lock) return device.Write(data);
    }

    public DeviceError Read(int address, Span<byte> destination)
    {
        if (Find(address) is not { } device) return DeviceError.NoDevice;
        lock (_lock) return device.Read(destination);
    }

    public DeviceError WriteRead(int address, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (Find(address) is not { } device) return DeviceError.NoDevice;
        // One bus transaction: nothing else on the bus runs between the write and the read.
        lock (_lock)
        {
            var result = device.Write(data);
            return result == DeviceError.None ? device.Read(destination) : result;
        }
    }

    private ISimulatedI2cDevice? Find(int address) => (uint)address < (uint)_devices.Length ? _devices[address] : null;
}
