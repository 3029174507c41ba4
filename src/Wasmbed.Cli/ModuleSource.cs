using Wasmbed.Text;

namespace Wasmbed.Cli;

/// <summary>Reads a module from a file given on the command line: binary `.wasm`, or WAT text (`.wat`, or any file that starts like text).</summary>
internal static class ModuleSource
{
    public static byte[] ReadBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return IsText(path, bytes) ? Wat.ToBinary(System.Text.Encoding.UTF8.GetString(bytes)) : bytes;
    }

    public static Module Load(Engine engine, string path) => Module.FromBytes(engine, ReadBytes(path));

    /// <summary>Whether <paramref name="path"/> looks like an ahead-of-time artifact (`wasmbed compile`): a .NET assembly, "MZ" first.</summary>
    public static bool IsArtifact(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[2];
        return stream.ReadAtLeast(start, 2, throwOnEndOfStream: false) == 2 && start[0] == (byte)'M' && start[1] == (byte)'Z';
    }

    private static bool IsText(string path, byte[] bytes)
    {
        if (path.EndsWith(".wat", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".wast", StringComparison.OrdinalIgnoreCase))
            return true;
        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == (byte)'a' && bytes[2] == (byte)'s' && bytes[3] == (byte)'m')
            return false;
        foreach (byte b in bytes)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') continue;
            return b is (byte)'(' or (byte)';';
        }
        return false;
    }
}
