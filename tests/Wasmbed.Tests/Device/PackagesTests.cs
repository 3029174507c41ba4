using System.Buffers.Binary;
using Wasmbed.Device.Packages;

namespace Wasmbed.Tests.Device;

/// <summary>Package container, canonical manifest, signatures and the trust checks a device makes before anything runs.</summary>
public sealed class PackagesTests : IDisposable
{
    private readonly AppsDevice _device = new();

    public void Dispose() => _device.Dispose();

    private PackageVerifier Verifier => new(TrustStore.Open(Path.Combine(_device.Directory, "trust")));

    [Fact]
    public void SignedPackageRoundTripsAndVerifies()
    {
        var package = _device.Signed("1.2.3", 1);
        var read = Package.Read(package.ToBytes());

        Assert.Equal(package.ToBytes(), read.ToBytes());
        Assert.Equal("counter 1.2.3", read.Manifest.ToString());
        Assert.Equal(_device.Publisher.PublicKey.Id, Verifier.Verify(read).Id);
        Assert.Equal("on_event", read.Manifest.EntryPoints.Event);
        Assert.Equal("health", read.Manifest.EntryPoints.Health);
        Assert.Equal(Package.HashModule(read.Module.Span), read.Manifest.Module!.Sha256);
    }

    [Fact]
    public void CanonicalManifestIsCompactAndOrdered()
    {
        var text = System.Text.Encoding.UTF8.GetString(_device.Signed("1.0.0", 1).ManifestBytes);

        Assert.StartsWith("{\"manifestVersion\":1,\"name\":\"counter\",\"version\":\"1.0.0\",\"abiVersion\":1,\"capabilities\":[\"kv\"],", text);
        Assert.DoesNotContain(" ", text);
        Assert.DoesNotContain("null", text);
    }

    [Fact]
    public void UnsignedPackageIsRefused()
    {
        var e = Refused(AppsGuests.Unsigned("1.0.0", 1));
        Assert.Equal(PackageRefusal.Unsigned, e.Refusal);
        Assert.Contains("is not signed", e.Message);
    }

    [Fact]
    public void TamperedModuleBytesAreRefused()
    {
        var bytes = _device.Signed("1.0.0", 1).ToBytes();
        int module = ModuleSectionOffset(bytes);
        bytes[module + 40] ^= 0x01; // one bit inside the module

        var e = Refused(Package.Read(bytes));
        Assert.Equal(PackageRefusal.ModuleHashMismatch, e.Refusal);
        Assert.Contains("module bytes do not match the signed manifest", e.Message);
    }

    [Fact]
    public void TamperedManifestIsRefused()
    {
        // A manifest re-encoded canonically with more memory, spliced in front of the original signature.
        var original = _device.Signed("1.0.0", 1);
        var greedy = ManifestJson.ParseCanonical(original.ManifestBytes);
        greedy.Limits.MemoryPages = 1000;
        var forged = Splice(original.ToBytes(), ManifestJson.ToCanonicalBytes(greedy));

        var e = Refused(Package.Read(forged));
        Assert.Equal(PackageRefusal.BadSignature, e.Refusal);
        Assert.Contains("does not match the manifest", e.Message);
    }

    [Fact]
    public void NonCanonicalManifestIsRefused()
    {
        var original = _device.Signed("1.0.0", 1);
        var spaced = System.Text.Encoding.UTF8.GetBytes(System.Text.Encoding.UTF8.GetString(original.ManifestBytes).Replace(",\"name\"", ", \"name\""));

        var e = Assert.Throws<PackageException>(() => Package.Read(Splice(original.ToBytes(), spaced)));
        Assert.Equal(PackageRefusal.InvalidManifest, e.Refusal);
        Assert.Contains("canonical", e.Message);
    }

    [Fact]
    public void UnknownKeyIsRefused()
    {
        using var stranger = SigningKey.Generate();
        var e = Refused(AppsGuests.Unsigned("1.0.0", 1).SignWith(stranger));
        Assert.Equal(PackageRefusal.UnknownKey, e.Refusal);
        Assert.Contains($"unknown key {stranger.PublicKey.ShortId}", e.Message);
    }

    [Fact]
    public void RevokedKeyIsRefusedEvenWhileTrusted()
    {
        var package = _device.Signed("1.0.0", 1);
        TrustStore.Open(Path.Combine(_device.Directory, "trust")).Revoke(_device.Publisher.PublicKey.Id);

        var e = Refused(package);
        Assert.Equal(PackageRefusal.RevokedKey, e.Refusal);
        Assert.Contains("revoked key", e.Message);
    }

    [Fact]
    public void SignatureFromAnotherKeyUnderATrustedIdIsRefused()
    {
        using var stranger = SigningKey.Generate();
        var honest = _device.Signed("1.0.0", 1);
        var stolenId = new PackageSignature(_device.Publisher.PublicKey.Id, stranger.Sign(PackageSignature.SignedData(honest.ManifestBytes)));
        var bytes = honest.ToBytes();
        stolenId.Value.CopyTo(bytes, bytes.Length - PackageSignature.SignatureLength);

        Assert.Equal(PackageRefusal.BadSignature, Refused(Package.Read(bytes)).Refusal);
    }

    [Theory]
    [InlineData(0, "bad magic")]
    [InlineData(20, "unexpected end")]
    [InlineData(-1, "unexpected bytes after the last section")]
    public void MalformedContainersAreRefused(int cut, string message)
    {
        var bytes = _device.Signed("1.0.0", 1).ToBytes();
        byte[] broken = cut switch
        {
            0 => [.. "XXXX"u8, .. bytes[4..]],
            -1 => [.. bytes, 0],
            _ => bytes[..cut],
        };
        var e = Assert.Throws<PackageException>(() => Package.Read(broken));
        Assert.Equal(PackageRefusal.Malformed, e.Refusal);
        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData("1.0.0", "1.0.1")]
    [InlineData("1.9.9", "1.10.0")]
    [InlineData("1.0.0-alpha", "1.0.0-alpha.1")]
    [InlineData("1.0.0-alpha.1", "1.0.0-alpha.beta")]
    [InlineData("1.0.0-beta.2", "1.0.0-beta.11")]
    [InlineData("1.0.0-rc.1", "1.0.0")]
    public void SemanticVersionsOrderAsSemverSays(string lower, string higher)
    {
        Assert.True(SemanticVersion.Parse(lower) < SemanticVersion.Parse(higher));
        Assert.True(SemanticVersion.Parse(higher) > SemanticVersion.Parse(lower));
        Assert.Equal(SemanticVersion.Parse(higher + "+build.5"), SemanticVersion.Parse(higher));
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("01.0.0")]
    [InlineData("1.0.0-")]
    [InlineData("1.0.0-01")]
    [InlineData("v1.0.0")]
    public void InvalidVersionsAreRejected(string text) => Assert.False(SemanticVersion.TryParse(text, out _, out _));

    [Fact]
    public void ManifestRulesNameTheBrokenRule()
    {
        var bad = AppsGuests.Manifest("1.0.0");
        var e = Assert.Throws<PackageException>(() => Package.Create(new PackageManifest
        {
            Name = "Bad Name",
            Version = bad.Version,
            AbiVersion = 1,
        }, [0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
        Assert.Contains("app name \"Bad Name\" is not valid", e.Message);
        Assert.Throws<PackageException>(() => ManifestRules.Check(new PackageManifest { Name = "a", Version = "1.0.0", AbiVersion = 1, Capabilities = ["gpio=x"] }, false));
    }

    [Fact]
    public void KeysRoundTripThroughPem()
    {
        var reread = SigningKey.FromPem(_device.Publisher.ToPem());
        Assert.Equal(_device.Publisher.PublicKey.Id, reread.PublicKey.Id);
        Assert.Equal(_device.Publisher.PublicKey.Id, PublisherKey.FromPem(_device.Publisher.PublicKey.ToPem()).Id);
        var signature = reread.Sign("data"u8);
        Assert.True(_device.Publisher.PublicKey.Verify("data"u8, signature));
        Assert.False(_device.Publisher.PublicKey.Verify("datA"u8, signature));
    }

    private PackageException Refused(Package package) => Assert.Throws<PackageException>(() => Verifier.Verify(package));

    private static int ModuleSectionOffset(byte[] bytes) =>
        12 + 5 + (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(13)) + 5;

    /// <summary>The package with its manifest section replaced, everything else (module, signature) kept.</summary>
    private static byte[] Splice(byte[] package, byte[] manifest)
    {
        int oldLength = (int)BinaryPrimitives.ReadUInt32LittleEndian(package.AsSpan(13));
        var header = package[..13];
        var length = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)manifest.Length);
        return [.. header, .. length, .. manifest, .. package[(17 + oldLength)..]];
    }
}
