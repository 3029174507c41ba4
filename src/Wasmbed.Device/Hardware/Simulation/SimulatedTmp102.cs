using System.Buffers.Binary;

namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// A register-mapped I2C temperature sensor modelled on the TI TMP102 (usual address 0x48). A write's first byte
/// sets the register pointer; two more bytes write that register (most significant byte first). A read returns
/// the register the pointer selects, two bytes, repeating.
/// </summary>
/// <remarks>
/// Registers (TMP102 datasheet, 7.5): 0 temperature (read-only; 12 bits, left-aligned, 0.0625 °C per bit, two's
/// complement), 1 configuration (reset 0x60A0), 2 T_LOW (reset 75 °C), 3 T_HIGH (reset 80 °C). Temperatures come
/// from a function of simulated time.
/// </remarks>
public sealed class SimulatedTmp102 : ISimulatedI2cDevice
{
    public const int DefaultAddress = 0x48;
    public const byte TemperatureRegister = 0, ConfigurationRegister = 1, LowLimitRegister = 2, HighLimitRegister = 3;

    private readonly IClock _clock;
    private readonly Func<double, double> _temperature;
    private readonly ushort[] _registers = [0, 0x60A0, 75 << 8, 80 << 8];
    private int _pointer;

    /// <param name="clock">The simulated time.</param>
    /// <param name="temperature">°C as a function of time in seconds.</param>
    public SimulatedTmp102(IClock clock, Func<double, double> temperature)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentNullException.ThrowIfNull(temperature);
        _clock = clock;
        _temperature = temperature;
    }

    /// <summary>The register the next read returns.</summary>
    public int Pointer => _pointer;

    /// <summary>The 16-bit temperature register for <paramref name="celsius"/>: 12 bits, left-aligned, 0.0625 °C per bit.</summary>
    public static ushort EncodeTemperature(double celsius)
    {
        int counts = (int)Math.Round(Math.Clamp(celsius, -128, 127.9375) / 0.0625);
        return (ushort)(counts << 4);
    }

    /// <summary>°C of a temperature register value.</summary>
    public static double DecodeTemperature(ushort register) => (short)register / 16 * 0.0625;

    public DeviceError Write(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return DeviceError.None; // an address-only write (a probe)
        if (data[0] > HighLimitRegister) return DeviceError.IOError; // the real part NACKs an unknown pointer
        _pointer = data[0];
        if (data.Length == 1) return DeviceError.None;
        if (data.Length != 3 || _pointer == TemperatureRegister) return DeviceError.IOError;
        _registers[_pointer] = BinaryPrimitives.ReadUInt16BigEndian(data[1..]);
        return DeviceError.None;
    }

    public DeviceError Read(Span<byte> destination)
    {
        ushort value = _pointer == TemperatureRegister
            ? EncodeTemperature(_temperature(_clock.MonotonicNanoseconds / 1e9))
            : _registers[_pointer];
        for (int i = 0; i < destination.Length; i++) destination[i] = (byte)(i % 2 == 0 ? value >> 8 : value);
        return DeviceError.None;
    }
}
