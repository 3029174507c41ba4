using System.Security.Cryptography;
using System.Text;

namespace Wasmbed.Compiler.Artifacts;

/// <summary>
/// The artifact cache of <see cref="IlCompiler.ArtifactDirectory"/>: the compiled assembly of a module is saved once
/// and loaded instead of compiled the next time the same module is compiled by the same build with the same options.
/// </summary>
/// <remarks>
/// <para>Files are artifacts (<see cref="ArtifactFile"/>) without the module, which the caller has; each is named
/// after its key, a SHA-256 of the module's hash and the stamp (<see cref="ArtifactStamp"/>: builds, runtime,
/// code-shaping options, JIT setting). A file that fails any check (another build, a truncated or damaged file) is
/// compiled again and overwritten.</para>
/// <para>The hashes detect accidents, not attacks: whoever can write the directory can make the host run their code,
/// as with any directory of assemblies the host loads. Use a directory only the host's user can write.</para>
/// </remarks>
internal static class ArtifactCache
{
    /// <summary>Artifacts loaded and saved by this process (for tests and diagnostics).</summary>
    public static int Loaded;

    public static int Saved;

    public static CompiledModule LoadOrCompile(Module module, IlCompiler options, string directory)
    {
        var description = module.Description;
        var stamp = ArtifactStamp.Current(module.Engine.Options, ArtifactStamp.JitOf(options));
        var moduleHash = SHA256.HashData(description.Bytes.Span);
        var key = SHA256.HashData([.. moduleHash, .. Encoding.UTF8.GetBytes(stamp.Serialize())]);
        var path = Path.Combine(directory, Convert.ToHexStringLower(key) + ".wasmbed.dll");
        var typeName = ModuleScope.TypeName(description);

        try
        {
            var contents = ArtifactFile.Read(File.ReadAllBytes(path), path);
            if (contents.ModuleHash.AsSpan().SequenceEqual(moduleHash) && contents.Stamp == stamp.Serialize())
            {
                var compiled = ModuleCompiler.Bind(module, ArtifactImage.Load(contents, path, typeName, options.Collectible));
                Interlocked.Increment(ref Loaded);
                return compiled;
            }
        }
        catch (Exception exception) when (exception is WasmArtifactException or IOException or UnauthorizedAccessException or MissingMemberException)
        {
            // Missing, damaged or not loadable: compiled again below, and the file replaced.
        }

        var image = ArtifactImage.Compile(description, module.Engine.Options, options);
        ArtifactFile.Write(path, ArtifactFile.Build(image, [], moduleHash, stamp));
        Interlocked.Increment(ref Saved);
        return ModuleCompiler.Bind(module, ModuleCompiler.LoadImage(image, typeName, options.Collectible));
    }
}
