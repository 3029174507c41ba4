using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wasmbed.Compiler.Artifacts;

/// <summary>The parts of an artifact file, checked against its content hash.</summary>
/// <param name="ContentHash">The SHA-256 in the footer: identifies the whole artifact.</param>
internal sealed record ArtifactContents(byte[] Image, byte[] Module, byte[] ModuleHash, string Stamp, byte[] ContentHash);

/// <summary>
/// The artifact file format: a loadable .NET assembly (PE image, IL or ReadyToRun) followed by what Wasmbed needs to
/// check and use it. Tools that read PE files (the runtime's loader, crossgen2, ildasm) see an ordinary .dll: they
/// ignore data after the image's last section.
/// </summary>
/// <remarks>
/// <code>
/// image        the assembly (IL, or ReadyToRun: IL plus native code)
/// module       the WebAssembly module it was compiled from (empty in the artifact cache, whose caller has it)
/// stamp        UTF-8 "name=value" lines (<see cref="ArtifactStamp"/>)
/// footer       "WASMBEDA", format version, lengths of image, module and stamp (u32 little-endian),
///              SHA-256 of the module, SHA-256 of everything before this hash
/// </code>
/// The content hash detects damage and edits that did not recompute it; it is not a signature (see docs/compiler.md).
/// </remarks>
internal static class ArtifactFile
{
    private static ReadOnlySpan<byte> Magic => "WASMBEDA"u8;

    private const uint FormatVersion = 1;

    private const int HashLength = 32;

    private const int FooterLength = 8 + 4 * 4 + 2 * HashLength;

    /// <summary>Whether <paramref name="file"/> ends like an artifact (the full checks are <see cref="Read"/>'s).</summary>
    public static bool HasFooter(ReadOnlySpan<byte> file) =>
        file.Length >= FooterLength && file.Slice(file.Length - FooterLength, Magic.Length).SequenceEqual(Magic);

    public static byte[] Build(ReadOnlySpan<byte> image, ReadOnlySpan<byte> module, ReadOnlySpan<byte> moduleHash, ArtifactStamp stamp)
    {
        var stampBytes = Encoding.UTF8.GetBytes(stamp.Serialize());
        var file = new byte[image.Length + module.Length + stampBytes.Length + FooterLength];
        var rest = file.AsSpan();
        Append(ref rest, image);
        Append(ref rest, module);
        Append(ref rest, stampBytes);
        Append(ref rest, Magic);
        foreach (uint value in new[] { FormatVersion, (uint)image.Length, (uint)module.Length, (uint)stampBytes.Length })
        {
            BinaryPrimitives.WriteUInt32LittleEndian(rest, value);
            rest = rest[4..];
        }
        Append(ref rest, moduleHash);
        SHA256.HashData(file.AsSpan(0, file.Length - HashLength), rest);
        return file;
    }

    /// <summary>The parts of <paramref name="file"/> (read from <paramref name="path"/>), after checking its format and content hash.</summary>
    /// <exception cref="WasmArtifactException">Not an artifact, another format version, or damaged.</exception>
    public static ArtifactContents Read(byte[] file, string path)
    {
        if (!HasFooter(file))
            throw new WasmArtifactException(path, "not a Wasmbed artifact (no artifact footer at the end of the file; `wasmbed compile` makes artifacts)");
        var footer = file.AsSpan(file.Length - FooterLength);
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(footer[8..]);
        if (version != FormatVersion)
            throw new WasmArtifactException(path, $"artifact format {version}, but this build reads format {FormatVersion}: compile the module again");
        long imageLength = BinaryPrimitives.ReadUInt32LittleEndian(footer[12..]);
        long moduleLength = BinaryPrimitives.ReadUInt32LittleEndian(footer[16..]);
        long stampLength = BinaryPrimitives.ReadUInt32LittleEndian(footer[20..]);
        if (imageLength + moduleLength + stampLength + FooterLength != file.Length)
            throw new WasmArtifactException(path, $"damaged: the footer describes {imageLength + moduleLength + stampLength + FooterLength} bytes, the file has {file.Length}");
        if (!SHA256.HashData(file.AsSpan(0, file.Length - HashLength)).AsSpan().SequenceEqual(footer[^HashLength..]))
            throw new WasmArtifactException(path, "damaged or modified after it was written: its content does not match its SHA-256");

        var stampText = Encoding.UTF8.GetString(file, (int)(imageLength + moduleLength), (int)stampLength);
        return new ArtifactContents(
            file[..(int)imageLength],
            file[(int)imageLength..(int)(imageLength + moduleLength)],
            footer[^(2 * HashLength)..^HashLength].ToArray(),
            stampText,
            footer[^HashLength..].ToArray());
    }

    /// <summary>Writes through a temporary file and a rename, so that readers never see half a file.</summary>
    public static void Write(string path, byte[] file)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temporary, file);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Append(ref Span<byte> destination, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(destination);
        destination = destination[bytes.Length..];
    }
}
