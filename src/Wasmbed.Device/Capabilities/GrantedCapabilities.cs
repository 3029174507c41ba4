namespace Wasmbed.Device.Capabilities;

/// <summary>
/// What one app was granted, in a form the host APIs check on every call without allocating: which APIs, and
/// which pins, bus addresses, ports, endpoints and sensors. Made by <see cref="CapabilityChecker.Check"/>, or by
/// <see cref="Trusted"/> for code the operator vouches for.
/// </summary>
public sealed class GrantedCapabilities
{
    private readonly CapabilitySet _set;
    private readonly NumberPattern[] _pins;
    private readonly NumberPattern[] _uarts;
    private readonly BusAddressPattern[] _i2c;
    private readonly BusAddressPattern[] _spi;
    private readonly EndpointPattern[] _peers;
    private readonly ListenPattern[] _listen;
    private readonly NamePattern[] _sensors;

    private GrantedCapabilities(CapabilitySet set)
    {
        _set = set;
        _pins = Patterns<NumberPattern>(HostApiNames.Gpio);
        _uarts = Patterns<NumberPattern>(HostApiNames.Uart);
        _i2c = Patterns<BusAddressPattern>(HostApiNames.I2c);
        _spi = Patterns<BusAddressPattern>(HostApiNames.Spi);
        _peers = Patterns<EndpointPattern>(HostApiNames.Net);
        _listen = Patterns<ListenPattern>(HostApiNames.Net);
        _sensors = Patterns<NamePattern>(HostApiNames.Sensor);
    }

    /// <summary>
    /// Grants <paramref name="capabilities"/> without checking them against a policy or a module: for the operator's
    /// own modules and for tests. Apps from elsewhere go through <see cref="CapabilityChecker.Check"/>.
    /// </summary>
    public static GrantedCapabilities Trusted(CapabilitySet capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        return new GrantedCapabilities(capabilities);
    }

    /// <summary>Grants parsed from the text form of <see cref="CapabilitySet.Parse"/>, unchecked (see <see cref="Trusted(CapabilitySet)"/>).</summary>
    public static GrantedCapabilities Trusted(string capabilities) => Trusted(CapabilitySet.Parse(capabilities));

    /// <summary>The granted capabilities.</summary>
    public CapabilitySet Capabilities => _set;

    /// <summary>True when the API (or import module capability) <paramref name="api"/> is granted.</summary>
    public bool HasApi(string api) => _set.Contains(api);

    public bool AllowsPin(int pin) => Any(_pins, pin);

    public bool AllowsUart(int port) => Any(_uarts, port);

    public bool AllowsI2c(int bus, int address)
    {
        foreach (var p in _i2c) if (p.Matches(bus, address)) return true;
        return false;
    }

    public bool AllowsSpi(int bus, int chipSelect)
    {
        foreach (var p in _spi) if (p.Matches(bus, chipSelect)) return true;
        return false;
    }

    /// <summary>True when the app may exchange datagrams with <paramref name="host"/>:<paramref name="port"/>.</summary>
    public bool AllowsPeer(ReadOnlySpan<char> host, int port)
    {
        foreach (var p in _peers) if (p.Matches(host, port)) return true;
        return false;
    }

    /// <summary>True when the app may bind local port <paramref name="port"/> (port 0, any free port, is always allowed with <c>net</c>).</summary>
    public bool AllowsListen(int port)
    {
        if (port == 0) return HasApi(HostApiNames.Net);
        foreach (var p in _listen) if (p.Ports.Contains(port)) return true;
        return false;
    }

    public bool AllowsSensor(string name)
    {
        foreach (var p in _sensors) if (p.Matches(name)) return true;
        return false;
    }

    public override string ToString() => _set.ToString();

    private static bool Any(NumberPattern[] patterns, int value)
    {
        foreach (var p in patterns) if (p.Range.Contains(value)) return true;
        return false;
    }

    private T[] Patterns<T>(string api) where T : ResourcePattern =>
        _set.Get(api) is { } capability ? capability.Resources.OfType<T>().ToArray() : [];
}
