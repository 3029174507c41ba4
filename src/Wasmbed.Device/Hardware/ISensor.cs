namespace Wasmbed.Device.Hardware;

/// <summary>What a sensor measures. The numbers are part of the guest ABI (<c>WB_SENSOR_…</c> in device.h).</summary>
public enum SensorKind
{
    Temperature = 1,
    Humidity = 2,
    Pressure = 3,
    /// <summary>Three channels: x, y, z.</summary>
    Acceleration = 4,
    Light = 5,
    Voltage = 6,
}

/// <summary>The unit of a sensor's values. The numbers are part of the guest ABI (<c>WB_UNIT_…</c> in device.h).</summary>
public enum SensorUnit
{
    Celsius = 1,
    /// <summary>Relative humidity in percent (0–100).</summary>
    Percent = 2,
    Pascal = 3,
    MetersPerSecondSquared = 4,
    Lux = 5,
    Volt = 6,
}

/// <summary>A sensor the device offers apps: a name that manifests grant, what it measures, and how to read it.</summary>
public interface ISensor
{
    /// <summary>A stable name, such as <c>board-temp</c>; the <c>sensor</c> capability grants sensors by name.</summary>
    string Name { get; }

    SensorKind Kind { get; }

    SensorUnit Unit { get; }

    /// <summary>How many values one reading has (1, or 3 for acceleration).</summary>
    int Channels { get; }

    /// <summary>
    /// Takes a reading: writes <see cref="Channels"/> values to <paramref name="values"/> (which is at least that long)
    /// and the monotonic time of the reading. Must not allocate.
    /// </summary>
    DeviceError Read(Span<double> values, out long timestampNanoseconds);
}
