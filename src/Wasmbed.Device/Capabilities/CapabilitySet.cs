using System.Collections;

namespace Wasmbed.Device.Capabilities;

/// <summary>
/// A set of capabilities, one per API: what an app's manifest requests, or (inside <see cref="DevicePolicy"/>) what
/// the operator allows. Written as text: <c>system;kv;sensor=*;gpio=17,20-23;i2c=1:0x48;net=127.0.0.1:9000</c>.
/// </summary>
public sealed class CapabilitySet : IEnumerable<Capability>
{
    private readonly Dictionary<string, Capability> _byApi = new(StringComparer.Ordinal);

    /// <summary>Creates an empty set.</summary>
    public CapabilitySet() { }

    /// <summary>Creates a set of <paramref name="capabilities"/> (an API given twice has its resources merged).</summary>
    public CapabilitySet(IEnumerable<Capability> capabilities)
    {
        ArgumentNullException.ThrowIfNull(capabilities);
        foreach (var capability in capabilities) Add(capability);
    }

    /// <summary>The number of APIs in the set.</summary>
    public int Count => _byApi.Count;

    /// <summary>Adds <paramref name="api"/> with <paramref name="resources"/>, merging with what the set has for it.</summary>
    /// <exception cref="FormatException">A resource pattern is malformed.</exception>
    public CapabilitySet Add(string api, params IEnumerable<string> resources) => Add(new Capability(api, resources));

    /// <summary>Adds <paramref name="capability"/>, merging its resources with what the set has for the API.</summary>
    public CapabilitySet Add(Capability capability)
    {
        ArgumentNullException.ThrowIfNull(capability);
        _byApi[capability.Api] = _byApi.TryGetValue(capability.Api, out var existing)
            ? new Capability(capability.Api, existing.Resources.Concat(capability.Resources).Select(r => r.Text))
            : capability;
        return this;
    }

    /// <summary>The capability for <paramref name="api"/>, or null.</summary>
    public Capability? Get(string api) => _byApi.GetValueOrDefault(api);

    /// <summary>True when the set names <paramref name="api"/>.</summary>
    public bool Contains(string api) => _byApi.ContainsKey(api);

    /// <summary>
    /// Reads the text form: capabilities separated by <c>;</c>, each an API name optionally followed by <c>=</c> and
    /// resources separated by <c>,</c>. Whitespace around items is ignored; an empty text is an empty set.
    /// </summary>
    /// <exception cref="FormatException">The text or a resource pattern is malformed.</exception>
    public static CapabilitySet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var set = new CapabilitySet();
        foreach (var item in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int equals = item.IndexOf('=');
            string api = (equals < 0 ? item : item[..equals]).Trim();
            if (api.Length == 0) throw new FormatException($"capability \"{item}\" has no API name");
            var resources = equals < 0
                ? []
                : item[(equals + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (equals >= 0 && resources.Length == 0) throw new FormatException($"capability \"{api}\" has '=' but no resources");
            set.Add(api, resources);
        }
        return set;
    }

    /// <summary>The text form that <see cref="Parse"/> reads, APIs in order of name.</summary>
    public override string ToString() => string.Join(";", _byApi.Values.OrderBy(c => c.Api, StringComparer.Ordinal));

    public IEnumerator<Capability> GetEnumerator() => _byApi.Values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
