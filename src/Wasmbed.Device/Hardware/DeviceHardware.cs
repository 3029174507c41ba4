namespace Wasmbed.Device.Hardware;

/// <summary>
/// Everything the host APIs can reach on one device. Parts the device lacks stay null or empty, and the
/// matching host calls answer <see cref="DeviceError.NotSupported"/> or <see cref="DeviceError.NoDevice"/>.
/// </summary>
public sealed class DeviceHardware
{
    public required IClock Clock { get; init; }

    /// <summary>The sensors, in the order the device lists them.</summary>
    public IReadOnlyList<ISensor> Sensors { get; init; } = [];

    public IGpioController? Gpio { get; init; }

    /// <summary>I2C buses by bus number (as in /dev/i2c-N).</summary>
    public IReadOnlyDictionary<int, II2cBus> I2cBuses { get; init; } = new Dictionary<int, II2cBus>();

    /// <summary>SPI buses by bus number.</summary>
    public IReadOnlyDictionary<int, ISpiBus> SpiBuses { get; init; } = new Dictionary<int, ISpiBus>();

    /// <summary>Serial ports by port number.</summary>
    public IReadOnlyDictionary<int, IUart> Uarts { get; init; } = new Dictionary<int, IUart>();

    public IDatagramNetwork? Network { get; init; }

    /// <summary>Facts apps may read through <c>system.device_info</c>: "id", "model", "firmware" and any others.</summary>
    public IReadOnlyDictionary<string, string> Info { get; init; } = new Dictionary<string, string>();
}
