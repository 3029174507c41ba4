using System.Globalization;

namespace Wasmbed.Device.Capabilities;

/// <summary>
/// A pattern naming resources of one host API. Each API has its own syntax; <c>*</c> always means all:
/// <list type="table">
/// <item><term>gpio, uart</term><description>a number or inclusive range: <c>17</c>, <c>20-23</c></description></item>
/// <item><term>i2c, spi</term><description><c>BUS:ADDRESS</c> (I2C 7-bit address or SPI chip select), each part a number, range or
/// <c>*</c>: <c>1:0x48</c>, <c>0:*</c></description></item>
/// <item><term>net</term><description><c>HOST:PORT</c> for peers, HOST an address, a name, <c>*.domain</c> or <c>*</c>, IPv6 in
/// brackets, PORT a number, range or <c>*</c>: <c>127.0.0.1:9000</c>, <c>[::1]:*</c>; and <c>listen:PORT</c> for local ports
/// an app may bind (any free port needs no grant)</description></item>
/// <item><term>sensor</term><description>a sensor name: <c>board-temp</c></description></item>
/// <item><term>other modules</term><description>any text, matched exactly</description></item>
/// </list>
/// Numbers are decimal or <c>0x</c> hexadecimal.
/// </summary>
public abstract class ResourcePattern
{
    private protected ResourcePattern(string text) => Text = text;

    /// <summary>The pattern in canonical text form (numbers decimal, host names lower case).</summary>
    public string Text { get; }

    /// <summary>True when every resource <paramref name="other"/> names is also named by this pattern.</summary>
    public abstract bool Covers(ResourcePattern other);

    public override string ToString() => Text;

    /// <summary>True for the APIs whose capability lists resources (gpio, i2c, spi, uart, net, sensor, non-device modules).</summary>
    public static bool TakesResources(string api) => api is not (HostApiNames.System or HostApiNames.Kv);

    /// <summary>Parses <paramref name="text"/> as a resource pattern of <paramref name="api"/>.</summary>
    /// <exception cref="FormatException">The pattern is malformed, or <paramref name="api"/> takes no resources.</exception>
    public static ResourcePattern Parse(string api, string text)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0) throw new FormatException($"an empty resource for capability \"{api}\"");
        return api switch
        {
            HostApiNames.System or HostApiNames.Kv => throw new FormatException($"capability \"{api}\" takes no resources (got \"{text}\")"),
            HostApiNames.Gpio or HostApiNames.Uart => new NumberPattern(NumberRange.Parse(api, text)),
            HostApiNames.I2c or HostApiNames.Spi => BusAddressPattern.ParseBusAddress(api, text),
            HostApiNames.Net => text.StartsWith("listen:", StringComparison.OrdinalIgnoreCase)
                ? new ListenPattern(NumberRange.Parse(api, text["listen:".Length..], max: 65535))
                : EndpointPattern.ParseEndpoint(text),
            _ => new NamePattern(text),
        };
    }
}

/// <summary>An inclusive range of non-negative numbers.</summary>
public readonly record struct NumberRange(int First, int Last)
{
    public static NumberRange All => new(0, int.MaxValue);

    public bool Contains(int value) => value >= First && value <= Last;

    public bool Contains(NumberRange other) => other.First >= First && other.Last <= Last;

    internal string Text => this == All ? "*" : First == Last ? First.ToString(CultureInfo.InvariantCulture) : $"{First}-{Last}";

    internal static NumberRange Parse(string api, string text, int max = int.MaxValue)
    {
        text = text.Trim();
        if (text == "*") return All;
        int dash = text.IndexOf('-', 1);
        int first = ParseNumber(api, dash < 0 ? text : text[..dash], max);
        int last = dash < 0 ? first : ParseNumber(api, text[(dash + 1)..], max);
        if (last < first) throw new FormatException($"capability \"{api}\": range \"{text}\" ends before it starts");
        return new NumberRange(first, last);
    }

    private static int ParseNumber(string api, string text, int max)
    {
        text = text.Trim();
        bool ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int value)
            : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (!ok || value > max) throw new FormatException($"capability \"{api}\": \"{text}\" is not a number from 0 to {max}");
        return value;
    }
}

/// <summary>Pins or ports: <c>17</c>, <c>20-23</c>, <c>*</c>.</summary>
internal sealed class NumberPattern(NumberRange range) : ResourcePattern(range.Text)
{
    public NumberRange Range { get; } = range;

    public override bool Covers(ResourcePattern other) => other is NumberPattern n && Range.Contains(n.Range);
}

/// <summary>Bus and address (I2C) or bus and chip select (SPI): <c>1:0x48</c>, <c>0:*</c>, <c>*</c>.</summary>
internal sealed class BusAddressPattern(NumberRange bus, NumberRange address)
    : ResourcePattern(bus == NumberRange.All && address == NumberRange.All ? "*" : $"{bus.Text}:{address.Text}")
{
    public NumberRange Bus { get; } = bus;

    public NumberRange Address { get; } = address;

    public bool Matches(int bus, int address) => Bus.Contains(bus) && Address.Contains(address);

    public override bool Covers(ResourcePattern other) =>
        other is BusAddressPattern b && Bus.Contains(b.Bus) && Address.Contains(b.Address);

    public static BusAddressPattern ParseBusAddress(string api, string text)
    {
        if (text == "*") return new BusAddressPattern(NumberRange.All, NumberRange.All);
        int colon = text.IndexOf(':');
        if (colon < 0) throw new FormatException($"capability \"{api}\": \"{text}\" is not BUS:{(api == HostApiNames.I2c ? "ADDRESS" : "CHIPSELECT")}");
        return new BusAddressPattern(NumberRange.Parse(api, text[..colon]), NumberRange.Parse(api, text[(colon + 1)..]));
    }
}

/// <summary>Local ports an app may bind: <c>listen:5683</c>.</summary>
internal sealed class ListenPattern(NumberRange ports) : ResourcePattern("listen:" + ports.Text)
{
    public NumberRange Ports { get; } = ports;

    public override bool Covers(ResourcePattern other) => other is ListenPattern l && Ports.Contains(l.Ports);
}

/// <summary>Sensor names and resources of non-device modules: exact text, or <c>*</c> for all.</summary>
internal sealed class NamePattern(string name) : ResourcePattern(name)
{
    public bool Matches(string name) => Text == "*" || Text == name;

    public override bool Covers(ResourcePattern other) => other is NamePattern n && (Text == "*" || Text == n.Text);
}
