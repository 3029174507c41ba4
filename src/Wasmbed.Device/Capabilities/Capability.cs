namespace Wasmbed.Device.Capabilities;

/// <summary>
/// One capability: a host API (or other import module) and the resources of it, as patterns. What the patterns
/// look like depends on the API (see <see cref="ResourcePattern.Parse"/>): pins <c>17</c>, <c>20-23</c>; bus
/// addresses <c>1:0x48</c>; endpoints <c>127.0.0.1:9000</c>, <c>*.example.com:443</c>, <c>listen:5683</c>;
/// sensor names; <c>*</c> for all. APIs without resources (<c>system</c>, <c>kv</c>) take none.
/// </summary>
public sealed class Capability
{
    /// <summary>Creates a capability, checking that each resource pattern is well formed for <paramref name="api"/>.</summary>
    /// <exception cref="FormatException">A resource pattern is malformed, or given to an API that takes none.</exception>
    public Capability(string api, IEnumerable<string>? resources = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(api);
        Api = api;
        var patterns = new List<ResourcePattern>();
        foreach (var resource in resources ?? [])
        {
            var pattern = ResourcePattern.Parse(api, resource);
            if (!patterns.Exists(p => p.Text == pattern.Text)) patterns.Add(pattern);
        }
        Resources = patterns;
    }

    /// <summary>The API name (<c>gpio</c>) or, for non-device imports, the import module name.</summary>
    public string Api { get; }

    /// <summary>The resources granted or requested; empty for APIs without resources.</summary>
    public IReadOnlyList<ResourcePattern> Resources { get; }

    public override string ToString() =>
        Resources.Count == 0 ? Api : $"{Api}={string.Join(",", Resources.Select(r => r.Text))}";
}
