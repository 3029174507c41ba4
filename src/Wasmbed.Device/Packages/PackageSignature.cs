namespace Wasmbed.Device.Packages;

/// <summary>A package signature: who signed (the key id) and the ECDSA P-256 SHA-256 signature (IEEE P1363, 64 bytes).</summary>
public sealed class PackageSignature
{
    /// <summary>Algorithm byte for ECDSA over P-256 with SHA-256, signature as r‖s.</summary>
    public const byte EcdsaP256Sha256 = 1;

    /// <summary>Length of a P-256 r‖s signature.</summary>
    public const int SignatureLength = 64;

    /// <summary>
    /// What is signed: this domain-separation prefix, then the canonical manifest bytes. The manifest holds the
    /// module's SHA-256 and size, so the signature covers exactly manifest and module hash.
    /// </summary>
    public static ReadOnlySpan<byte> SignedDataPrefix => "wasmbed package signature v1\n"u8;

    public PackageSignature(string keyId, byte[] value)
    {
        if (keyId.Length != 64) throw new ArgumentException("a key id is 64 hex digits", nameof(keyId));
        if (value.Length != SignatureLength) throw new ArgumentException($"a P-256 signature is {SignatureLength} bytes", nameof(value));
        KeyId = keyId;
        Value = value;
    }

    /// <summary>Hex SHA-256 of the signer's SPKI (see <see cref="PublisherKey.Id"/>).</summary>
    public string KeyId { get; }

    /// <summary>The signature bytes (r‖s).</summary>
    public byte[] Value { get; }

    /// <summary>The bytes a signature covers for a manifest.</summary>
    public static byte[] SignedData(ReadOnlySpan<byte> canonicalManifest) => [.. SignedDataPrefix, .. canonicalManifest];
}
