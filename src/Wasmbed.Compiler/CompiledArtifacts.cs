using System.Reflection.Emit;
using System.Security.Cryptography;

namespace Wasmbed.Compiler;

/// <summary>
/// Ahead-of-time compiled modules saved in <see cref="IlCompiler.ArtifactDirectory"/>: the compiled assembly of a module
/// is written once and loaded instead of compiled the next time the same module is loaded by the same compiler.
/// </summary>
/// <remarks>
/// <para>An artifact is named after its key, a SHA-256 hash of the module's bytes, the exact builds of Wasmbed and
/// Wasmbed.Compiler, the .NET runtime version and the options that change the generated code (including fuel and
/// interruption checks). The file holds a magic
/// number, the key, the SHA-256 hash of the assembly image and the image. An artifact whose key or image hash does
/// not match (another build, a truncated or damaged file) is compiled again and overwritten.</para>
/// <para>The hashes detect accidents, not attacks: whoever can write the directory can make the host run their code,
/// as with any directory of assemblies the host loads. Use a directory only the host's user can write.</para>
/// </remarks>
internal static class CompiledArtifacts
{
    private static ReadOnlySpan<byte> Magic => "WASMBEDC"u8;

    private const int HeaderLength = 8 + 32 + 32;

    /// <summary>Artifacts loaded and saved by this process (for tests and diagnostics).</summary>
    public static int Loaded;

    public static int Saved;

    public static CompiledModule LoadOrCompile(Module module, IlCompiler options, string directory)
    {
        var description = module.Description;
        byte[] key = Key(module, options);
        var path = Path.Combine(directory, Convert.ToHexStringLower(key) + ".wasmbed-il");
        var typeName = ModuleScope.TypeName(description);

        if (TryRead(path, key) is { } saved)
        {
            try
            {
                var compiled = ModuleCompiler.Bind(module, ModuleCompiler.LoadCollectible(saved, typeName));
                Interlocked.Increment(ref Loaded);
                return compiled;
            }
            catch (Exception exception) when (exception is BadImageFormatException or TypeLoadException or MissingMemberException or FileLoadException)
            {
                // Not loadable after all: compiled again below, and the file replaced.
            }
        }

        var (assembly, _, _) = ModuleCompiler.Emit(description, module.Engine.Options, options, persisted: true);
        var image = ModuleCompiler.Save((PersistedAssemblyBuilder)assembly);
        Write(path, key, image);
        Interlocked.Increment(ref Saved);
        return ModuleCompiler.Bind(module, ModuleCompiler.LoadCollectible(image, typeName));
    }

    private static byte[] Key(Module module, IlCompiler options)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(module.Description.Bytes.Span);
        hash.AppendData(typeof(Module).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(typeof(CompiledArtifacts).Assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(
            $"{Environment.Version}|{options.OptimizeBeforeFirstCall}|{options.LargeFunctionBytes}|{options.TieredJit}|" +
            $"{module.Engine.Options.ConsumeFuel}|{module.Engine.Options.Interruptible}"));
        return hash.GetHashAndReset();
    }

    /// <summary>The image of a valid artifact for <paramref name="key"/>, or null.</summary>
    private static byte[]? TryRead(string path, byte[] key)
    {
        byte[] file;
        try
        {
            file = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        if (file.Length < HeaderLength || !file.AsSpan(0, 8).SequenceEqual(Magic) || !file.AsSpan(8, 32).SequenceEqual(key)) return null;
        var image = file.AsSpan(HeaderLength);
        if (!SHA256.HashData(image).AsSpan().SequenceEqual(file.AsSpan(40, 32))) return null;
        return image.ToArray();
    }

    /// <summary>Writes the artifact through a temporary file and a rename, so that readers never see half a file.</summary>
    private static void Write(string path, byte[] key, byte[] image)
    {
        var directory = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $"{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
        {
            stream.Write(Magic);
            stream.Write(key);
            stream.Write(SHA256.HashData(image));
            stream.Write(image);
        }
        File.Move(temporary, path, overwrite: true);
    }
}
