namespace Wasmbed.Device.Capabilities;

/// <summary>
/// The operator's policy for a device: the capabilities any app may be granted. An app gets what its manifest
/// requests, provided each requested API is allowed and each requested resource lies inside an allowed pattern.
/// </summary>
/// <example>
/// <code>
/// var policy = DevicePolicy.Parse("system;kv;sensor=*;gpio=0-15;i2c=1:*;net=127.0.0.1:*");
/// GrantedCapabilities granted = CapabilityChecker.Check(module, manifestCapabilities, policy);
/// </code>
/// </example>
public sealed class DevicePolicy
{
    public DevicePolicy(CapabilitySet allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        Allowed = allowed;
    }

    /// <summary>What apps may be granted.</summary>
    public CapabilitySet Allowed { get; }

    /// <summary>Reads a policy in the text form of <see cref="CapabilitySet.Parse"/>.</summary>
    public static DevicePolicy Parse(string text) => new(CapabilitySet.Parse(text));

    /// <summary>A policy that allows every device API and every resource of it (for development boards and tests).</summary>
    public static DevicePolicy AllowAll { get; } = new(new CapabilitySet(
        HostApiNames.All.Select(api => new Capability(api, ResourcePattern.TakesResources(api) ? ["*"] : []))));

    public override string ToString() => Allowed.ToString();
}
