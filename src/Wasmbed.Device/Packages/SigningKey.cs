using System.Security.Cryptography;

namespace Wasmbed.Device.Packages;

/// <summary>A publisher's private key (ECDSA P-256), kept as PKCS#8 PEM ("PRIVATE KEY").</summary>
public sealed class SigningKey : IDisposable
{
    private readonly ECDsa _ecdsa;

    private SigningKey(ECDsa ecdsa)
    {
        _ecdsa = ecdsa;
        PublicKey = PublisherKey.FromEcdsa(ecdsa);
    }

    /// <summary>The public half, which devices put in their trust store.</summary>
    public PublisherKey PublicKey { get; }

    /// <summary>A fresh random key.</summary>
    public static SigningKey Generate() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256));

    /// <summary>Reads a PEM private key (PKCS#8 "PRIVATE KEY" or SEC1 "EC PRIVATE KEY") on P-256.</summary>
    public static SigningKey FromPem(string pem)
    {
        var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(pem);
            if (ecdsa.ExportParameters(includePrivateParameters: true).D is null)
                throw new CryptographicException("the PEM holds no private key");
            return new SigningKey(ecdsa);
        }
        catch (Exception e) when (e is ArgumentException or CryptographicException)
        {
            ecdsa.Dispose();
            throw new CryptographicException($"not a PEM private key: {e.Message}", e);
        }
    }

    /// <summary>PKCS#8 PEM text of the private key.</summary>
    public string ToPem() => _ecdsa.ExportPkcs8PrivateKeyPem();

    /// <summary>ECDSA-SHA256 signature of <paramref name="data"/> in IEEE P1363 form (r‖s, 64 bytes).</summary>
    public byte[] Sign(ReadOnlySpan<byte> data) =>
        _ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

    public void Dispose() => _ecdsa.Dispose();
}
