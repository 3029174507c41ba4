using Wasmbed.Device.HostApi;

namespace Wasmbed.Device.Capabilities;

/// <summary>
/// Decides whether an app may run: every import of its module must belong to a capability the app requests, every
/// requested capability and resource must be allowed by the device policy, and imports of device APIs must name
/// functions the ABI has, with their types. The first failure is reported, naming the import or resource.
/// </summary>
public static class CapabilityChecker
{
    /// <summary>Checks <paramref name="module"/> against what the app requests and what the policy allows.</summary>
    /// <returns>The grants to hand to <see cref="DeviceContext"/>: exactly what was requested.</returns>
    /// <exception cref="CapabilityException">Something is not granted; the message names the first import or resource.</exception>
    public static GrantedCapabilities Check(Module module, CapabilitySet requested, DevicePolicy policy)
    {
        if (TryCheck(module, requested, policy, out var granted, out var error)) return granted;
        throw new CapabilityException(error);
    }

    /// <summary>Like <see cref="Check"/>, returning false and the message instead of throwing.</summary>
    public static bool TryCheck(Module module, CapabilitySet requested, DevicePolicy policy,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out GrantedCapabilities? granted,
        [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(requested);
        ArgumentNullException.ThrowIfNull(policy);
        granted = null;
        error = FirstRefusedImport(module, requested, policy) ?? FirstRefusedRequest(requested, policy);
        if (error is not null) return false;
        granted = GrantedCapabilities.Trusted(requested);
        return true;
    }

    private static string? FirstRefusedImport(Module module, CapabilitySet requested, DevicePolicy policy)
    {
        foreach (var import in module.Imports)
        {
            string api = HostApiNames.CapabilityFor(import.Module);
            string what = $"import \"{import.Module}\" \"{import.Name}\"";
            if (!requested.Contains(api))
                return $"{what} needs capability \"{api}\", which the app does not request";
            if (!policy.Allowed.Contains(api))
                return $"{what} needs capability \"{api}\", which the device policy does not grant";
            if (!HostApiNames.IsDeviceApi(api)) continue; // another module (e.g. WASI): its own definitions decide
            if (import.Module != HostApiNames.ImportModule(api))
                return $"{what}: this host implements \"{HostApiNames.ImportModule(api)}\", not \"{import.Module}\"";
            if (import.Type.Function is not { } actual)
                return $"{what}: the device API exports only functions, not a {import.Type.Kind.ToString().ToLowerInvariant()}";
            if (HostApiCatalog.TypeOf(api, import.Name) is not { } expected)
                return $"{what}: host API \"{import.Module}\" has no function \"{import.Name}\"";
            if (!expected.Equals(actual))
                return $"{what} has type {actual}, but the host function has type {expected}";
        }
        return null;
    }

    private static string? FirstRefusedRequest(CapabilitySet requested, DevicePolicy policy)
    {
        foreach (var capability in requested.OrderBy(c => c.Api, StringComparer.Ordinal))
        {
            if (policy.Allowed.Get(capability.Api) is not { } allowed)
                return $"capability \"{capability.Api}\" is not granted by the device policy";
            foreach (var resource in capability.Resources)
            {
                if (!allowed.Resources.Any(a => a.Covers(resource)))
                    return $"capability \"{capability.Api}\" resource \"{resource.Text}\" is not granted by the device policy"
                        + (allowed.Resources.Count > 0 ? $" (it allows {string.Join(", ", allowed.Resources.Select(a => a.Text))})" : " (it allows none)");
            }
        }
        return null;
    }
}
