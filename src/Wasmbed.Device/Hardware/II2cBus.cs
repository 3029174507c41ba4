namespace Wasmbed.Device.Hardware;

/// <summary>One I2C bus; devices on it are addressed by their 7-bit address (0x08–0x77).</summary>
/// <remarks>A device that does not acknowledge its address gives <see cref="DeviceError.NoDevice"/>.</remarks>
public interface II2cBus
{
    /// <summary>Writes <paramref name="data"/> to the device at <paramref name="address"/>.</summary>
    DeviceError Write(int address, ReadOnlySpan<byte> data);

    /// <summary>Reads <paramref name="destination"/>.Length bytes from the device at <paramref name="address"/>.</summary>
    DeviceError Read(int address, Span<byte> destination);

    /// <summary>A write then a read with a repeated start between them (e.g. set a register pointer, read the register).</summary>
    DeviceError WriteRead(int address, ReadOnlySpan<byte> data, Span<byte> destination);
}
