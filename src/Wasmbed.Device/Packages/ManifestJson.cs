using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wasmbed.Device.Packages;

/// <summary>
/// The manifest's JSON. The canonical form, which is what gets signed, is the source-generated serializer's
/// output: properties in declaration order, camelCase, no whitespace, nulls left out, capabilities sorted.
/// A package whose manifest bytes are not exactly the canonical form of what they parse to is refused, so
/// one manifest has one signed encoding.
/// </summary>
public static class ManifestJson
{
    /// <summary>Manifests larger than this are refused before parsing.</summary>
    public const int MaxManifestBytes = 64 * 1024;

    private static readonly ManifestJsonContext Authoring = new(new JsonSerializerOptions(ManifestJsonContext.Default.Options)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    });

    private static readonly ManifestJsonContext Indented = new(new JsonSerializerOptions(ManifestJsonContext.Default.Options) { WriteIndented = true });

    /// <summary>The canonical bytes of a manifest (normalized first).</summary>
    public static byte[] ToCanonicalBytes(PackageManifest manifest) =>
        JsonSerializer.SerializeToUtf8Bytes(Normalize(manifest), ManifestJsonContext.Default.PackageManifest);

    /// <summary>Readable, indented JSON for people (not the signed form).</summary>
    public static string ToDisplayText(PackageManifest manifest) =>
        JsonSerializer.Serialize(manifest, Indented.PackageManifest);

    /// <summary>Parses a manifest inside a package: strict JSON that must be in canonical form.</summary>
    public static PackageManifest ParseCanonical(ReadOnlySpan<byte> bytes)
    {
        var manifest = Parse(bytes, ManifestJsonContext.Default);
        if (!bytes.SequenceEqual(ToCanonicalBytes(manifest)))
            throw new PackageException(PackageRefusal.InvalidManifest, "manifest is not in canonical form (it was not written by `wasmbed pack`, or was edited)");
        return manifest;
    }

    /// <summary>Parses a manifest a person wrote (comments and trailing commas allowed); <c>module</c> may be absent.</summary>
    public static PackageManifest ParseAuthored(ReadOnlySpan<byte> bytes) => Parse(bytes, Authoring);

    /// <summary>Sorts and de-duplicates the capabilities, the one list whose order carries no meaning.</summary>
    public static PackageManifest Normalize(PackageManifest manifest)
    {
        var sorted = manifest.Capabilities.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (sorted.SequenceEqual(manifest.Capabilities)) return manifest;
        return new PackageManifest
        {
            ManifestVersion = manifest.ManifestVersion,
            Name = manifest.Name,
            Version = manifest.Version,
            AbiVersion = manifest.AbiVersion,
            Description = manifest.Description,
            Capabilities = sorted,
            Limits = manifest.Limits,
            EntryPoints = manifest.EntryPoints,
            Module = manifest.Module,
        };
    }

    private static PackageManifest Parse(ReadOnlySpan<byte> bytes, ManifestJsonContext context)
    {
        if (bytes.Length > MaxManifestBytes)
            throw new PackageException(PackageRefusal.InvalidManifest, $"manifest is {bytes.Length} bytes; the limit is {MaxManifestBytes}");
        try
        {
            return JsonSerializer.Deserialize(bytes, context.PackageManifest)
                ?? throw new PackageException(PackageRefusal.InvalidManifest, "manifest is null");
        }
        catch (JsonException e)
        {
            throw new PackageException(PackageRefusal.InvalidManifest, $"manifest is not valid: {e.Message}", e);
        }
    }
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true)]
[JsonSerializable(typeof(PackageManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
