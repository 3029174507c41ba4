namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// A sensor whose values are functions of simulated time (seconds) — deterministic waveforms. The factory
/// methods give the shapes the simulated device uses; any other shape can be passed as functions.
/// </summary>
public sealed class SimulatedSensor : ISensor
{
    private readonly IClock _clock;
    private readonly Func<double, double>[] _waveforms;

    /// <summary>A sensor with one waveform per channel, each a function of time in seconds.</summary>
    public SimulatedSensor(IClock clock, string name, SensorKind kind, SensorUnit unit, params Func<double, double>[] waveforms)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (waveforms is not { Length: > 0 }) throw new ArgumentException("a sensor needs at least one channel", nameof(waveforms));
        _clock = clock;
        _waveforms = waveforms;
        Name = name;
        Kind = kind;
        Unit = unit;
    }

    public string Name { get; }

    public SensorKind Kind { get; }

    public SensorUnit Unit { get; }

    public int Channels => _waveforms.Length;

    /// <summary>When set, reads fail with this error (to test how apps cope with a broken sensor).</summary>
    public DeviceError Failure { get; set; }

    public DeviceError Read(Span<double> values, out long timestampNanoseconds)
    {
        timestampNanoseconds = _clock.MonotonicNanoseconds;
        if (Failure != DeviceError.None) return Failure;
        double seconds = timestampNanoseconds / 1e9;
        for (int i = 0; i < _waveforms.Length; i++) values[i] = _waveforms[i](seconds);
        return DeviceError.None;
    }

    /// <summary>Temperature in °C: <paramref name="mean"/> + <paramref name="amplitude"/>·sin(2πt/<paramref name="periodSeconds"/>).</summary>
    public static SimulatedSensor Temperature(IClock clock, string name, double mean = 21.5, double amplitude = 2.0, double periodSeconds = 600) =>
        new(clock, name, SensorKind.Temperature, SensorUnit.Celsius, Sine(mean, amplitude, periodSeconds));

    /// <summary>Relative humidity in %: a slow sine around <paramref name="mean"/>.</summary>
    public static SimulatedSensor Humidity(IClock clock, string name, double mean = 45, double amplitude = 5, double periodSeconds = 1800) =>
        new(clock, name, SensorKind.Humidity, SensorUnit.Percent, Sine(mean, amplitude, periodSeconds));

    /// <summary>Air pressure in Pa: a slow sine around <paramref name="mean"/>.</summary>
    public static SimulatedSensor Pressure(IClock clock, string name, double mean = 101_325, double amplitude = 150, double periodSeconds = 3600) =>
        new(clock, name, SensorKind.Pressure, SensorUnit.Pascal, Sine(mean, amplitude, periodSeconds));

    /// <summary>Acceleration in m/s² of a board lying flat: gravity on z, a small vibration on x and y.</summary>
    public static SimulatedSensor Acceleration(IClock clock, string name) =>
        new(clock, name, SensorKind.Acceleration, SensorUnit.MetersPerSecondSquared,
            Sine(0, 0.05, 0.1), Sine(0, 0.05, 0.13), Sine(9.80665, 0.02, 0.07));

    /// <summary>The waveform <c>mean + amplitude·sin(2πt/period)</c>.</summary>
    public static Func<double, double> Sine(double mean, double amplitude, double periodSeconds) =>
        t => mean + amplitude * Math.Sin(2 * Math.PI * t / periodSeconds);
}
