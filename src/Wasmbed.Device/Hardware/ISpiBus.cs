namespace Wasmbed.Device.Hardware;

/// <summary>One SPI bus; devices on it are selected by chip-select number.</summary>
public interface ISpiBus
{
    /// <summary>Sets the SPI mode (0–3: clock polarity and phase) and clock rate used for <paramref name="chipSelect"/>.</summary>
    DeviceError Configure(int chipSelect, int mode, int clockHz);

    /// <summary>
    /// A full-duplex transfer: clocks out <paramref name="transmit"/> while clocking in as many bytes into
    /// <paramref name="receive"/> (the two have the same length and do not overlap).
    /// </summary>
    DeviceError Transfer(int chipSelect, ReadOnlySpan<byte> transmit, Span<byte> receive);
}
