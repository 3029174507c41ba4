using System.Text;
using Wasmbed.Device.Storage;

namespace Wasmbed.Device.Packages;

/// <summary>
/// The publisher keys a device trusts, in a directory: <c>keys/*.pem</c> (one SPKI public key per file) and
/// <c>revoked</c>, the revocation list (one 64-hex-digit key id per line; <c>#</c> starts a comment).
/// A revoked key stays refused even if its PEM file is still in <c>keys/</c>.
/// </summary>
public sealed class TrustStore
{
    private readonly Dictionary<string, PublisherKey> _keys = new(StringComparer.Ordinal);
    private readonly HashSet<string> _revoked = new(StringComparer.Ordinal);

    private TrustStore(string directory) => Directory = directory;

    /// <summary>The trust store's directory.</summary>
    public string Directory { get; }

    /// <summary>The trusted keys, revoked ones included.</summary>
    public IReadOnlyCollection<PublisherKey> Keys => _keys.Values;

    /// <summary>Ids of revoked keys.</summary>
    public IReadOnlyCollection<string> Revoked => _revoked;

    private string KeysDirectory => Path.Combine(Directory, "keys");
    private string RevocationListPath => Path.Combine(Directory, "revoked");

    /// <summary>Loads the trust store in <paramref name="directory"/> (an absent directory is an empty store).</summary>
    public static TrustStore Open(string directory)
    {
        var store = new TrustStore(directory);
        if (System.IO.Directory.Exists(store.KeysDirectory))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(store.KeysDirectory, "*.pem").Order(StringComparer.Ordinal))
            {
                PublisherKey key;
                try
                {
                    key = PublisherKey.FromPem(File.ReadAllText(file));
                }
                catch (System.Security.Cryptography.CryptographicException e)
                {
                    throw new InvalidDataException($"trust store key {file}: {e.Message}", e);
                }
                store._keys.TryAdd(key.Id, key);
            }
        }
        if (File.Exists(store.RevocationListPath))
        {
            int lineNumber = 0;
            foreach (var raw in File.ReadAllLines(store.RevocationListPath))
            {
                lineNumber++;
                var line = raw.Split('#')[0].Trim().ToLowerInvariant();
                if (line.Length == 0) continue;
                if (line.Length != 64 || !line.All(char.IsAsciiHexDigit))
                    throw new InvalidDataException($"revocation list {store.RevocationListPath}:{lineNumber}: \"{line}\" is not a 64-hex-digit key id");
                store._revoked.Add(line);
            }
        }
        return store;
    }

    /// <summary>The trusted key with this id, or null.</summary>
    public PublisherKey? Find(string keyId) => _keys.GetValueOrDefault(keyId);

    /// <summary>True when the key id is on the revocation list.</summary>
    public bool IsRevoked(string keyId) => _revoked.Contains(keyId);

    /// <summary>Trusts a key (durably). Adding a revoked key does not lift its revocation.</summary>
    public void Add(PublisherKey key)
    {
        DurableFile.WriteAllBytes(Path.Combine(KeysDirectory, key.Id[..16] + ".pem"), Encoding.ASCII.GetBytes(key.ToPem()));
        _keys.TryAdd(key.Id, key);
    }

    /// <summary>Puts a key id on the revocation list (durably).</summary>
    public void Revoke(string keyId)
    {
        if (keyId.Length != 64 || !keyId.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"\"{keyId}\" is not a 64-hex-digit key id", nameof(keyId));
        if (!_revoked.Add(keyId.ToLowerInvariant())) return;
        var text = new StringBuilder("# revoked publisher keys: hex SHA-256 of the SubjectPublicKeyInfo, one per line\n");
        foreach (var id in _revoked.Order(StringComparer.Ordinal)) text.Append(id).Append('\n');
        DurableFile.WriteAllBytes(RevocationListPath, Encoding.ASCII.GetBytes(text.ToString()));
    }

    /// <summary>The full id of a trusted or revoked key given by its id or an unambiguous prefix of at least 8 hex digits.</summary>
    public string ResolveKeyId(string idOrPrefix)
    {
        var prefix = idOrPrefix.Trim().ToLowerInvariant();
        if (prefix.Length < 8) throw new ArgumentException($"key id \"{idOrPrefix}\" is too short (give at least 8 hex digits)");
        var matches = _keys.Keys.Concat(_revoked).Where(id => id.StartsWith(prefix, StringComparison.Ordinal)).Distinct().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 when prefix.Length == 64 => prefix,
            0 => throw new ArgumentException($"no key in the trust store has an id starting with {prefix}"),
            _ => throw new ArgumentException($"key id prefix {prefix} is ambiguous"),
        };
    }
}
