namespace Wasmbed.Device.Capabilities;

/// <summary>
/// The device host APIs and their import module names. A guest imports <c>wasmbed:API/MAJOR</c> (for example
/// <c>wasmbed:sensor/1</c>); the capability that grants it is the bare API name (<c>sensor</c>). Imports from any
/// other module (e.g. <c>wasi_snapshot_preview1</c>) need a capability named exactly like that module.
/// </summary>
/// <remarks>
/// A new major version (a breaking change) gets a new module name, so a host can offer <c>/1</c> and <c>/2</c> side
/// by side; functions added within a major version are announced by <c>system.abi_version</c>'s minor number.
/// </remarks>
public static class HostApiNames
{
    public const string System = "system";
    public const string Sensor = "sensor";
    public const string Gpio = "gpio";
    public const string I2c = "i2c";
    public const string Spi = "spi";
    public const string Uart = "uart";
    public const string Net = "net";
    public const string Kv = "kv";

    /// <summary>The major version of the ABI this host implements.</summary>
    public const int MajorVersion = 1;

    /// <summary>The minor version: functions added since the major version appeared.</summary>
    public const int MinorVersion = 0;

    /// <summary>Every device host API, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } = [System, Sensor, Gpio, I2c, Spi, Uart, Net, Kv];

    /// <summary>The import module name of <paramref name="api"/>: <c>wasmbed:API/1</c>.</summary>
    public static string ImportModule(string api) => $"wasmbed:{api}/{MajorVersion}";

    /// <summary>
    /// The capability an import from <paramref name="importModule"/> needs: the API name for <c>wasmbed:API/N</c>,
    /// otherwise the module name itself.
    /// </summary>
    public static string CapabilityFor(string importModule)
    {
        ArgumentNullException.ThrowIfNull(importModule);
        if (importModule.StartsWith("wasmbed:", StringComparison.Ordinal))
        {
            int slash = importModule.LastIndexOf('/');
            if (slash > "wasmbed:".Length) return importModule["wasmbed:".Length..slash];
        }
        return importModule;
    }

    /// <summary>True for the eight device APIs (not for other module names used as capabilities).</summary>
    public static bool IsDeviceApi(string api) => All.Contains(api);
}
