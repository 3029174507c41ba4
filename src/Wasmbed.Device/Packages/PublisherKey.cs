using System.Security.Cryptography;

namespace Wasmbed.Device.Packages;

/// <summary>
/// A publisher's public key: ECDSA over NIST P-256, kept as SubjectPublicKeyInfo (PEM "PUBLIC KEY").
/// Its id is the lower-case hex SHA-256 of the SPKI DER bytes, which is what a package names as its signer.
/// </summary>
public sealed class PublisherKey
{
    private readonly byte[] _spki;

    private PublisherKey(byte[] spki)
    {
        _spki = spki;
        Id = Convert.ToHexStringLower(SHA256.HashData(spki));
    }

    /// <summary>Hex SHA-256 of the SPKI DER encoding (64 characters).</summary>
    public string Id { get; }

    /// <summary>The first 16 hex digits of <see cref="Id"/>, enough for people to tell keys apart.</summary>
    public string ShortId => Id[..16];

    /// <summary>The SPKI DER bytes.</summary>
    public ReadOnlySpan<byte> SubjectPublicKeyInfo => _spki;

    /// <summary>Reads a PEM "PUBLIC KEY" (SPKI) holding a P-256 key.</summary>
    public static PublisherKey FromPem(string pem)
    {
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            throw new CryptographicException($"not a PEM public key: {e.Message}", e);
        }
        return FromEcdsa(ecdsa);
    }

    /// <summary>The public half of an ECDSA P-256 key.</summary>
    internal static PublisherKey FromEcdsa(ECDsa ecdsa)
    {
        var parameters = ecdsa.ExportParameters(includePrivateParameters: false);
        if (parameters.Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
            throw new CryptographicException($"key is on curve {parameters.Curve.Oid?.FriendlyName ?? "(unnamed)"}; packages are signed with P-256");
        return new PublisherKey(ecdsa.ExportSubjectPublicKeyInfo());
    }

    /// <summary>PEM text of the key.</summary>
    public string ToPem() => PemEncoding.WriteString("PUBLIC KEY", _spki);

    /// <summary>True when <paramref name="signature"/> (IEEE P1363 r‖s) is this key's ECDSA-SHA256 signature of <paramref name="data"/>.</summary>
    public bool Verify(ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportSubjectPublicKeyInfo(_spki, out _);
        return ecdsa.VerifyData(data, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }

    public override string ToString() => $"P-256 key {ShortId}";
}
