using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Wasmbed.Device.Packages;

/// <summary>
/// A package file: one manifest, one module and at most one signature in a small length-prefixed binary
/// container (format in docs/packages.md). Reading checks the structure, the canonical manifest and the
/// manifest rules, but not trust: that is <see cref="PackageVerifier"/>'s job.
/// </summary>
public sealed class Package
{
    /// <summary>The first 8 bytes of every package: "WBPK" then CR LF SUB LF, which catch text-mode mangling.</summary>
    public static ReadOnlySpan<byte> Magic => [(byte)'W', (byte)'B', (byte)'P', (byte)'K', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The container version this code writes and reads.</summary>
    public const ushort ContainerVersion = 1;

    /// <summary>Modules larger than this are refused before anything is allocated.</summary>
    public const int MaxModuleBytes = 64 * 1024 * 1024;

    private const int HeaderLength = 12;
    private const byte ManifestSection = 1, ModuleSection = 2, SignatureSection = 3;
    private const int SignatureSectionLength = 1 + 32 + PackageSignature.SignatureLength;

    private readonly byte[] _manifestBytes;
    private readonly byte[] _module;

    private Package(PackageManifest manifest, byte[] manifestBytes, byte[] module, PackageSignature? signature)
    {
        Manifest = manifest;
        _manifestBytes = manifestBytes;
        _module = module;
        Signature = signature;
    }

    /// <summary>The manifest (in canonical form).</summary>
    public PackageManifest Manifest { get; }

    /// <summary>The canonical manifest bytes, as signed.</summary>
    public ReadOnlySpan<byte> ManifestBytes => _manifestBytes;

    /// <summary>The WebAssembly module bytes.</summary>
    public ReadOnlyMemory<byte> Module => _module;

    /// <summary>The signature, or null for an unsigned package.</summary>
    public PackageSignature? Signature { get; }

    /// <summary>Builds an unsigned package: the manifest gets the module's SHA-256 and size.</summary>
    public static Package Create(PackageManifest manifest, byte[] module)
    {
        var withDigest = new PackageManifest
        {
            ManifestVersion = manifest.ManifestVersion,
            Name = manifest.Name,
            Version = manifest.Version,
            AbiVersion = manifest.AbiVersion,
            Description = manifest.Description,
            Capabilities = manifest.Capabilities,
            Limits = manifest.Limits,
            EntryPoints = manifest.EntryPoints,
            Module = new ModuleDigest { Sha256 = HashModule(module), Size = module.Length },
        };
        ManifestRules.Check(withDigest);
        var bytes = ManifestJson.ToCanonicalBytes(withDigest);
        return new Package(ManifestJson.ParseCanonical(bytes), bytes, module, null);
    }

    /// <summary>This package signed by <paramref name="key"/> (any earlier signature is replaced).</summary>
    public Package SignWith(SigningKey key) =>
        new(Manifest, _manifestBytes, _module, new PackageSignature(key.PublicKey.Id, key.Sign(PackageSignature.SignedData(_manifestBytes))));

    /// <summary>This package without its signature.</summary>
    public Package WithoutSignature() => new(Manifest, _manifestBytes, _module, null);

    /// <summary>Lower-case hex SHA-256 of module bytes.</summary>
    public static string HashModule(ReadOnlySpan<byte> module) => Convert.ToHexStringLower(SHA256.HashData(module));

    /// <summary>The package file's bytes.</summary>
    public byte[] ToBytes()
    {
        int length = HeaderLength + 5 + _manifestBytes.Length + 5 + _module.Length + (Signature is null ? 0 : 5 + SignatureSectionLength);
        var bytes = new byte[length];
        var span = bytes.AsSpan();
        Magic.CopyTo(span);
        BinaryPrimitives.WriteUInt16LittleEndian(span[8..], ContainerVersion);
        BinaryPrimitives.WriteUInt16LittleEndian(span[10..], 0);
        int at = HeaderLength;
        at = WriteSection(span, at, ManifestSection, _manifestBytes);
        at = WriteSection(span, at, ModuleSection, _module);
        if (Signature is { } signature)
        {
            var payload = new byte[SignatureSectionLength];
            payload[0] = PackageSignature.EcdsaP256Sha256;
            Convert.FromHexString(signature.KeyId).CopyTo(payload, 1);
            signature.Value.CopyTo(payload, 33);
            at = WriteSection(span, at, SignatureSection, payload);
        }
        return at == length ? bytes : throw new InvalidOperationException("package length miscounted");
    }

    /// <summary>Reads a package file.</summary>
    public static Package Read(string path) => Read(File.ReadAllBytes(path));

    /// <summary>Reads a package; throws <see cref="PackageException"/> for a malformed container or manifest.</summary>
    public static Package Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < HeaderLength || !bytes[..8].SequenceEqual(Magic))
            Malformed("not a Wasmbed package (bad magic)", 0);
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]);
        if (version != ContainerVersion)
            Malformed($"package container version {version} is not supported (this device reads version {ContainerVersion})", 8);
        if (BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]) != 0)
            Malformed("package flags are not zero", 10);
        int at = HeaderLength;
        var manifestBytes = ReadSection(bytes, ref at, ManifestSection, "manifest", ManifestJson.MaxManifestBytes);
        var module = ReadSection(bytes, ref at, ModuleSection, "module", MaxModuleBytes);
        PackageSignature? signature = null;
        if (at < bytes.Length)
        {
            int sectionStart = at;
            var payload = ReadSection(bytes, ref at, SignatureSection, "signature", SignatureSectionLength);
            if (payload.Length != SignatureSectionLength || payload[0] != PackageSignature.EcdsaP256Sha256)
                Malformed("signature section is not an ECDSA P-256 SHA-256 signature (algorithm 1, 32-byte key id, 64-byte signature)", sectionStart);
            signature = new PackageSignature(Convert.ToHexStringLower(payload.AsSpan(1, 32)), payload[33..]);
        }
        if (at != bytes.Length)
            Malformed("unexpected bytes after the last section", at);
        var manifest = ManifestJson.ParseCanonical(manifestBytes);
        ManifestRules.Check(manifest);
        return new Package(manifest, manifestBytes, module, signature);
    }

    private static int WriteSection(Span<byte> span, int at, byte id, ReadOnlySpan<byte> payload)
    {
        span[at] = id;
        BinaryPrimitives.WriteUInt32LittleEndian(span[(at + 1)..], (uint)payload.Length);
        payload.CopyTo(span[(at + 5)..]);
        return at + 5 + payload.Length;
    }

    private static byte[] ReadSection(ReadOnlySpan<byte> bytes, ref int at, byte id, string what, int maxLength)
    {
        if (bytes.Length - at < 5) Malformed($"unexpected end: the {what} section is missing", at);
        if (bytes[at] != id) Malformed($"expected the {what} section (id {id}), found section id {bytes[at]}", at);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(at + 1)..]);
        if (length > (uint)maxLength) Malformed($"{what} section is {length} bytes; the limit is {maxLength}", at + 1);
        if (length > (uint)(bytes.Length - at - 5)) Malformed($"unexpected end: the {what} section claims {length} bytes, {bytes.Length - at - 5} remain", at + 1);
        var payload = bytes.Slice(at + 5, (int)length).ToArray();
        at += 5 + (int)length;
        return payload;
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void Malformed(string message, int offset) =>
        throw new PackageException(PackageRefusal.Malformed, $"{message} (at byte offset {offset})");

    public override string ToString() => Manifest.ToString();
}
