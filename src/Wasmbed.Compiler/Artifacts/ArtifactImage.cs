using System.Collections.Concurrent;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.Loader;

namespace Wasmbed.Compiler.Artifacts;

/// <summary>The assembly image inside an artifact: made by the IL compiler, loaded as the module's compiled code.</summary>
internal static class ArtifactImage
{
    /// <summary>ReadyToRun assemblies loaded so far, by artifact content hash: each stays loaded for good (see <see cref="Load"/>).</summary>
    private static readonly ConcurrentDictionary<string, Assembly> ReadyToRunAssemblies = new(StringComparer.Ordinal);

    /// <summary>Compiles <paramref name="description"/> into a saved assembly image (IL).</summary>
    public static byte[] Compile(Format.ModuleDescription description, EngineOptions engineOptions, IlCompiler options)
    {
        var (assembly, _, _) = ModuleCompiler.Emit(description, engineOptions, options, persisted: true);
        return ModuleCompiler.Save((PersistedAssemblyBuilder)assembly);
    }

    /// <summary>Whether the image carries ReadyToRun native code (a managed native header, which crossgen2 adds).</summary>
    public static bool IsReadyToRun(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image, writable: false));
        return reader.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>
    /// Loads the image of an artifact read from <paramref name="path"/> and returns its context type.
    /// </summary>
    /// <remarks>
    /// An IL image is loaded from the checked bytes into its own load context: collectible, so that it goes away with
    /// the module, unless <paramref name="collectible"/> is false (<see cref="IlCompiler.Collectible"/>: direct calls
    /// and tiered compilation, for the life of the process). ReadyToRun code is only used for an assembly the runtime
    /// maps from a file into a non-collectible load context (it ignores it for images loaded from memory and for
    /// collectible contexts: dotnet/runtime#40704), so a
    /// ReadyToRun image is loaded from <paramref name="path"/> and stays loaded until the process ends; loading the
    /// same artifact again reuses it. The file is checked again after loading (its module version id must be the one
    /// of the checked bytes), in case it was replaced in between.
    /// </remarks>
    /// <exception cref="WasmArtifactException">The image cannot be loaded or lacks the module's type.</exception>
    public static Type Load(ArtifactContents contents, string path, string typeName, bool collectible)
    {
        try
        {
            if (!IsReadyToRun(contents.Image)) return ModuleCompiler.LoadImage(contents.Image, typeName, collectible);
            var assembly = ReadyToRunAssemblies.GetOrAdd(Convert.ToHexString(contents.ContentHash), _ => LoadReadyToRun(contents.Image, path));
            return assembly.GetType(typeName, throwOnError: true)!;
        }
        catch (Exception exception) when (exception is BadImageFormatException or FileLoadException or TypeLoadException or IOException)
        {
            throw new WasmArtifactException(path, $"its assembly cannot be loaded: {exception.Message}");
        }
    }

    private static Assembly LoadReadyToRun(byte[] image, string path)
    {
        var context = new AssemblyLoadContext($"Wasmbed.Compiled {Path.GetFileName(path)}", isCollectible: false);
        var assembly = context.LoadFromAssemblyPath(Path.GetFullPath(path));
        if (assembly.ManifestModule.ModuleVersionId != ModuleVersionId(image))
            throw new WasmArtifactException(path, "the file changed while it was being loaded");
        return assembly;
    }

    private static Guid ModuleVersionId(byte[] image)
    {
        using var reader = new PEReader(new MemoryStream(image, writable: false));
        var metadata = reader.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}
