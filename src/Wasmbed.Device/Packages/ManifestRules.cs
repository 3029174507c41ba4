using Wasmbed.Device.Capabilities;

namespace Wasmbed.Device.Packages;

/// <summary>The rules a manifest must follow beyond being well-formed JSON.</summary>
public static class ManifestRules
{
    /// <summary>The most 64 KiB pages an app may ask for (the store's own ceiling).</summary>
    public const uint MaxMemoryPages = 32767;

    /// <summary>Throws <see cref="PackageException"/> (<see cref="PackageRefusal.InvalidManifest"/>) naming the first broken rule.</summary>
    public static void Check(PackageManifest manifest, bool requireModuleDigest = true)
    {
        if (manifest.ManifestVersion != PackageManifest.CurrentManifestVersion)
            Fail($"manifest version {manifest.ManifestVersion} is not supported (this device reads version {PackageManifest.CurrentManifestVersion})");
        if (!IsValidAppName(manifest.Name))
            Fail($"app name \"{manifest.Name}\" is not valid (1-64 of a-z 0-9 . _ -, starting with a letter or digit)");
        if (!SemanticVersion.TryParse(manifest.Version, out _, out var versionError))
            Fail($"version \"{manifest.Version}\" is not a semantic version: {versionError}");
        if (manifest.AbiVersion < 1)
            Fail($"ABI version {manifest.AbiVersion} is not valid (must be at least 1)");
        foreach (var capability in manifest.Capabilities)
        {
            if (capability.Contains(';') || capability.Trim() != capability || capability.Length == 0)
                Fail($"capability \"{capability}\" is not valid: one capability per entry, API[=RESOURCE,...], no ';' or surrounding spaces");
            try
            {
                CapabilitySet.Parse(capability);
            }
            catch (FormatException e)
            {
                Fail($"capability \"{capability}\" is not valid: {e.Message}");
            }
        }
        var limits = manifest.Limits;
        if (limits.MemoryPages > MaxMemoryPages)
            Fail($"limits.memoryPages {limits.MemoryPages} is above the device maximum {MaxMemoryPages}");
        if (limits.MaxCallDepth is < 1)
            Fail("limits.maxCallDepth must be at least 1");
        if (limits.FuelPerCall is < 1)
            Fail("limits.fuelPerCall must be at least 1");
        if (limits.StorageBytes < 0)
            Fail("limits.storageBytes must not be negative");
        var entry = manifest.EntryPoints;
        foreach (var (role, name) in EntryPointNames(entry))
        {
            if (name is not null && name.Length == 0) Fail($"entryPoints.{role} is empty");
        }
        if (manifest.Module is { } module)
        {
            if (module.Sha256.Length != 64 || !module.Sha256.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
                Fail("module.sha256 must be 64 lower-case hex digits");
            if (module.Size < 8)
                Fail($"module.size {module.Size} is too small for a WebAssembly module");
        }
        else if (requireModuleDigest)
        {
            Fail("manifest has no module digest (module.sha256)");
        }
    }

    /// <summary>Every entry point role with its export name (null when absent).</summary>
    public static IEnumerable<(string Role, string? Name)> EntryPointNames(EntryPoints entry) =>
    [
        ("start", entry.Start), ("event", entry.Event), ("eventBuffer", entry.EventBuffer),
        ("health", entry.Health), ("exportState", entry.ExportState), ("importState", entry.ImportState),
    ];

    public static bool IsValidAppName(string? name) =>
        name is { Length: >= 1 and <= 64 } && (char.IsAsciiLetterLower(name[0]) || char.IsAsciiDigit(name[0]))
        && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '_' or '-');

    /// <summary>The manifest's capabilities as the device layer's set (valid once <see cref="Check"/> passed).</summary>
    public static CapabilitySet RequestedCapabilities(PackageManifest manifest) => CapabilitySet.Parse(string.Join(";", manifest.Capabilities));

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Fail(string message) => throw new PackageException(PackageRefusal.InvalidManifest, message);
}
