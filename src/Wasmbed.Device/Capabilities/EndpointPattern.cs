namespace Wasmbed.Device.Capabilities;

/// <summary>
/// Network peers: <c>HOST:PORT</c>. HOST is <c>*</c> (any), <c>*.example.com</c> (any name under the domain),
/// or one name or address (IPv6 in brackets); names compare case-insensitively and are not resolved, so a
/// grant of <c>example.com</c> lets an app send to that name, not to the address it happens to resolve to.
/// </summary>
internal sealed class EndpointPattern : ResourcePattern
{
    private EndpointPattern(string host, NumberRange ports)
        : base(host == "*" && ports == NumberRange.All ? "*" : $"{(host.Contains(':') ? $"[{host}]" : host)}:{ports.Text}")
    {
        Host = host;
        Ports = ports;
    }

    /// <summary>Lower case; <c>*</c>, <c>*.domain</c>, or one host (IPv6 without brackets).</summary>
    public string Host { get; }

    public NumberRange Ports { get; }

    public static EndpointPattern ParseEndpoint(string text)
    {
        if (text == "*") return new EndpointPattern("*", NumberRange.All);
        string host, port;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':')
                throw new FormatException($"capability \"net\": \"{text}\" is not [IPV6]:PORT");
            host = text[1..close];
            port = text[(close + 2)..];
        }
        else
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0) throw new FormatException($"capability \"net\": \"{text}\" is not HOST:PORT");
            host = text[..colon];
            port = text[(colon + 1)..];
            if (host.Contains(':')) throw new FormatException($"capability \"net\": write the IPv6 address of \"{text}\" in brackets");
        }
        host = host.Trim().ToLowerInvariant();
        if (host.Length == 0 || host.Contains('*') && host != "*" && !(host.StartsWith("*.", StringComparison.Ordinal) && host.LastIndexOf('*') == 0 && host.Length > 2))
            throw new FormatException($"capability \"net\": host \"{host}\" must be a name, an address, \"*\" or \"*.domain\"");
        var ports = NumberRange.Parse(HostApiNames.Net, port, max: 65535);
        return new EndpointPattern(host, ports);
    }

    /// <summary>True when this pattern admits the peer <paramref name="host"/>:<paramref name="port"/> (host already lower case or an address).</summary>
    public bool Matches(ReadOnlySpan<char> host, int port) => Ports.Contains(port) && HostCovers(Host, host);

    public override bool Covers(ResourcePattern other) =>
        other is EndpointPattern e && Ports.Contains(e.Ports) && HostCovers(Host, e.Host);

    private static bool HostCovers(string pattern, ReadOnlySpan<char> host)
    {
        if (pattern == "*") return true;
        if (pattern.StartsWith("*.", StringComparison.Ordinal))
            // "*.example.com" covers "a.example.com" and "*.sub.example.com", not "example.com" itself.
            return host.Length > pattern.Length - 1 && host.EndsWith(pattern.AsSpan(1), StringComparison.OrdinalIgnoreCase);
        return host.Equals(pattern, StringComparison.OrdinalIgnoreCase);
    }
}
