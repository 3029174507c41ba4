using System.Text.Json.Serialization;

namespace Wasmbed.Device.Packages;

/// <summary>
/// What a package says about its app. The signature covers the manifest's canonical JSON (see
/// <see cref="ManifestJson"/>), and the manifest holds the module's SHA-256, so one signature covers both.
/// Optional properties are settable rather than init-only because the JSON source generator gives absent
/// init-only properties their type's default, not the initializer's.
/// </summary>
public sealed class PackageManifest
{
    /// <summary>The manifest schema this device understands.</summary>
    public const int CurrentManifestVersion = 1;

    /// <summary>Version of this manifest's schema.</summary>
    public int ManifestVersion { get; set; } = CurrentManifestVersion;

    /// <summary>The app's name: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64 characters.</summary>
    public required string Name { get; init; }

    /// <summary>Semantic version of this release.</summary>
    public required string Version { get; init; }

    /// <summary>Version of the device host API (imports) the module was built against.</summary>
    public required int AbiVersion { get; init; }

    /// <summary>Free text for people.</summary>
    public string? Description { get; set; }

    /// <summary>What the app may touch, one capability per entry in the device layer's text form (<c>kv</c>, <c>gpio=17,20-23</c>), sorted and distinct.</summary>
    public IReadOnlyList<string> Capabilities { get; set; } = [];

    /// <summary>Resource limits the device enforces on the app.</summary>
    public ResourceLimits Limits { get; set; } = new();

    /// <summary>The exports the app manager calls.</summary>
    public EntryPoints EntryPoints { get; set; } = new();

    /// <summary>The module's digest; filled in by <c>wasmbed pack</c>.</summary>
    public ModuleDigest? Module { get; set; }

    /// <summary>The parsed <see cref="Version"/> (valid once the manifest passed <see cref="ManifestRules.Check"/>).</summary>
    [JsonIgnore]
    public SemanticVersion SemanticVersion => SemanticVersion.Parse(Version);

    public override string ToString() => $"{Name} {Version}";
}

/// <summary>Resource limits of one app.</summary>
public sealed class ResourceLimits
{
    /// <summary>The most 64 KiB pages the app's memory may have.</summary>
    public uint MemoryPages { get; set; } = 16;

    /// <summary>The deepest nesting of WebAssembly calls.</summary>
    public int? MaxCallDepth { get; set; }

    /// <summary>Fuel (instruction budget) per call into the app, when the engine meters fuel; null for no budget.</summary>
    public long? FuelPerCall { get; set; }

    /// <summary>The most bytes (keys plus values) the app may keep in its key-value store.</summary>
    public long StorageBytes { get; set; } = 1 << 20;
}

/// <summary>
/// Export names the app manager calls. Only <see cref="Event"/> is required; an absent hook is skipped.
/// </summary>
public sealed class EntryPoints
{
    /// <summary><c>[] -> []</c>, called once after instantiation (and after every boot).</summary>
    public string? Start { get; set; }

    /// <summary><c>[i32 i32] -> []</c>: handles one event (pointer and length of its payload in the app's memory).</summary>
    public string Event { get; set; } = "on_event";

    /// <summary><c>[i32] -> [i32]</c>: returns where the manager may write a payload of the given length.</summary>
    public string? EventBuffer { get; set; }

    /// <summary><c>[] -> [i32]</c>: 0 when the app is healthy.</summary>
    public string? Health { get; set; }

    /// <summary><c>[] -> []</c>, called on the old version just before an update swaps it out (write state to kv).</summary>
    public string? ExportState { get; set; }

    /// <summary><c>[] -> []</c>, called on the new version just after it is instantiated by an update (read state from kv).</summary>
    public string? ImportState { get; set; }
}

/// <summary>Size and SHA-256 of the module bytes.</summary>
public sealed class ModuleDigest
{
    /// <summary>Lower-case hex SHA-256 of the module bytes.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Length of the module in bytes.</summary>
    public required long Size { get; init; }
}
