namespace Wasmbed.Device.Packages;

/// <summary>
/// Decides whether a package may run on this device: it must be signed, by a key in the trust store that is
/// not revoked, the signature must verify over the canonical manifest, and the module bytes must hash to the
/// manifest's SHA-256. Each failure is a <see cref="PackageException"/> naming the check.
/// </summary>
public sealed class PackageVerifier(TrustStore trust)
{
    /// <summary>The trust store consulted.</summary>
    public TrustStore Trust { get; } = trust;

    /// <summary>Returns the key that signed <paramref name="package"/>, or throws why the package is refused.</summary>
    public PublisherKey Verify(Package package)
    {
        var manifest = package.Manifest;
        if (package.Signature is not { } signature)
            throw new PackageException(PackageRefusal.Unsigned, $"package {manifest} is not signed; sign it with `wasmbed sign --key KEY.pem`");
        // Revocation first: a revoked key is refused even while its PEM file is still trusted.
        if (Trust.IsRevoked(signature.KeyId))
            throw new PackageException(PackageRefusal.RevokedKey, $"package {manifest} is signed by revoked key {signature.KeyId[..16]}");
        var key = Trust.Find(signature.KeyId)
            ?? throw new PackageException(PackageRefusal.UnknownKey, $"package {manifest} is signed by unknown key {signature.KeyId[..16]}, which is not in the trust store");
        if (!key.Verify(PackageSignature.SignedData(package.ManifestBytes), signature.Value))
            throw new PackageException(PackageRefusal.BadSignature, $"package {manifest}: the signature of key {key.ShortId} does not match the manifest (the manifest was altered after signing)");
        var digest = manifest.Module!;
        var actual = Package.HashModule(package.Module.Span);
        if (package.Module.Length != digest.Size || actual != digest.Sha256)
            throw new PackageException(PackageRefusal.ModuleHashMismatch,
                $"package {manifest}: the module bytes do not match the signed manifest (SHA-256 {actual[..16]}…, {package.Module.Length} bytes; signed {digest.Sha256[..16]}…, {digest.Size} bytes): the module was altered");
        return key;
    }
}
