using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Gateway.Tenants;

/// <summary>
/// A tenant's publisher keys: before its app manager opens, its trust store directory is made to hold exactly the
/// configured keys (and the dev key), so a package signed by any other key — another tenant's — is refused as unknown.
/// </summary>
internal static class TenantKeys
{
    public const string DevKeyFile = "dev-signing.key.pem";

    public static IReadOnlyList<PublisherKey> Install(TenantConfig config, string baseDirectory, string tenantDirectory, SigningKey? devKey)
    {
        var keys = new List<PublisherKey>();
        foreach (var file in config.PublisherKeys)
        {
            var path = Path.GetFullPath(file, baseDirectory);
            try
            {
                keys.Add(PublisherKey.FromPem(File.ReadAllText(path)));
            }
            catch (System.Security.Cryptography.CryptographicException e)
            {
                throw new GatewayException(GatewayError.BadRequest, $"tenant {config.Name}: publisher key {path}: {e.Message}", e);
            }
        }
        if (devKey is not null) keys.Add(devKey.PublicKey);
        var keysDirectory = Path.Combine(tenantDirectory, "trust", "keys");
        Directory.CreateDirectory(keysDirectory);
        foreach (var stale in Directory.EnumerateFiles(keysDirectory, "*.pem")) File.Delete(stale);
        var store = TrustStore.Open(Path.Combine(tenantDirectory, "trust"));
        foreach (var key in keys) store.Add(key);
        return keys;
    }

    /// <summary>The tenant's development signing key, created in its state directory the first time.</summary>
    public static SigningKey LoadOrCreateDevKey(string tenantDirectory)
    {
        var path = Path.Combine(tenantDirectory, DevKeyFile);
        if (File.Exists(path)) return SigningKey.FromPem(File.ReadAllText(path));
        var key = SigningKey.Generate();
        Directory.CreateDirectory(tenantDirectory);
        File.WriteAllText(path, key.ToPem());
        return key;
    }

    /// <summary>Packs a module (.wasm or .wat) and an authored manifest into a package signed with <paramref name="key"/>.</summary>
    public static Package PackAndSign(string modulePath, string manifestPath, SigningKey key, Engine engine)
    {
        var bytes = modulePath.EndsWith(".wat", StringComparison.OrdinalIgnoreCase)
            ? Wasmbed.Text.Wat.ToBinary(File.ReadAllText(modulePath))
            : File.ReadAllBytes(modulePath);
        var authored = ManifestJson.ParseAuthored(File.ReadAllBytes(manifestPath));
        using var compiled = Module.FromBytes(engine, bytes);
        return Package.Create(EntryPointRules.Resolve(authored, compiled), bytes).SignWith(key);
    }
}
