using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wasmbed.Gateway.Hosting;

/// <summary>Source-generated JSON for the configuration file: camelCase, comments and trailing commas allowed, unknown properties refused.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(GatewayConfig))]
internal sealed partial class GatewayConfigJsonContext : JsonSerializerContext;

/// <summary>Reads and checks configuration files.</summary>
public static class GatewayConfigFile
{
    /// <summary>Parses configuration text; throws <see cref="InvalidDataException"/> naming the problem.</summary>
    public static GatewayConfig Parse(string json, string origin = "configuration")
    {
        GatewayConfig? config;
        try
        {
            config = JsonSerializer.Deserialize(json, GatewayConfigJsonContext.Default.GatewayConfig);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{origin}: {e.Message}", e);
        }
        return config ?? throw new InvalidDataException($"{origin}: empty configuration");
    }

    /// <summary>Reads a configuration file.</summary>
    public static GatewayConfig Read(string path) => Parse(File.ReadAllText(path), path);

    public static string ToJson(GatewayConfig config) =>
        JsonSerializer.Serialize(config, GatewayConfigJsonContext.Default.GatewayConfig);
}
