namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// A complete simulated device for tests, the demo and development without hardware. Everything runs on one
/// <see cref="SimulatedClock"/>, so readings depend only on how much simulated time has passed.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>sensors: <c>board-temp</c> (°C, 21.5 ± 2 over 10 min), <c>humidity</c> (%), <c>pressure</c> (Pa), <c>accel</c> (m/s², 3 channels)</item>
/// <item>GPIO: 16 pins; 0↔1 and 2↔3 wired together (loopback)</item>
/// <item>I2C bus 1: a TMP102 temperature sensor at 0x48 (18.0 °C + 0.5 °C per simulated minute, up to 30 °C)</item>
/// <item>SPI bus 0: a loopback device on chip select 0</item>
/// <item>UART 0: loopback</item>
/// <item>network: <see cref="SimulatedNetwork"/>, unless a real one is given</item>
/// </list>
/// </remarks>
public sealed class SimulatedDevice
{
    public SimulatedDevice(IDatagramNetwork? network = null)
    {
        Clock = new SimulatedClock();
        BoardTemperature = SimulatedSensor.Temperature(Clock, "board-temp");
        Gpio = new SimulatedGpio(Clock, 16);
        Gpio.Connect(0, 1);
        Gpio.Connect(2, 3);
        Tmp102 = new SimulatedTmp102(Clock, t => Math.Min(30, 18.0 + 0.5 * t / 60));
        I2c = new SimulatedI2cBus().Attach(SimulatedTmp102.DefaultAddress, Tmp102);
        Spi = new SimulatedSpiBus().Attach(0, new SpiLoopbackDevice());
        Uart = new SimulatedUart(Clock);
        Network = network ?? new SimulatedNetwork(Clock);
        Hardware = new DeviceHardware
        {
            Clock = Clock,
            Sensors =
            [
                BoardTemperature,
                SimulatedSensor.Humidity(Clock, "humidity"),
                SimulatedSensor.Pressure(Clock, "pressure"),
                SimulatedSensor.Acceleration(Clock, "accel"),
            ],
            Gpio = Gpio,
            I2cBuses = new Dictionary<int, II2cBus> { [1] = I2c },
            SpiBuses = new Dictionary<int, ISpiBus> { [0] = Spi },
            Uarts = new Dictionary<int, IUart> { [0] = Uart },
            Network = Network,
            Info = new Dictionary<string, string>
            {
                ["id"] = "sim-0001",
                ["model"] = "wasmbed-simulated-device",
                ["firmware"] = typeof(SimulatedDevice).Assembly.GetName().Version?.ToString(3) ?? "0.0.0",
            },
        };
    }

    public SimulatedClock Clock { get; }

    public SimulatedSensor BoardTemperature { get; }

    public SimulatedGpio Gpio { get; }

    public SimulatedTmp102 Tmp102 { get; }

    public SimulatedI2cBus I2c { get; }

    public SimulatedSpiBus Spi { get; }

    public SimulatedUart Uart { get; }

    public IDatagramNetwork Network { get; }

    /// <summary>The hardware to put in a <see cref="HostApi.DeviceContext"/>.</summary>
    public DeviceHardware Hardware { get; }
}
