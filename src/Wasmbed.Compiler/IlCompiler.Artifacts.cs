using System.Security.Cryptography;
using Wasmbed.Compiler.Artifacts;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Ahead-of-time artifacts: a module compiled once into a file (`wasmbed compile`), loaded later without translation.
public sealed partial class IlCompiler
{
    /// <summary>
    /// Compiles <paramref name="module"/> and saves it at <paramref name="path"/> as an artifact: a .NET assembly
    /// holding the compiled code, followed by the module itself and what the code depends on (docs/compiler.md,
    /// "Ahead-of-time artifacts"). <see cref="LoadArtifact(Engine, string)"/> loads it without translating anything.
    /// </summary>
    /// <remarks>
    /// The code is compiled for the module's engine: with fuel metering and interruption checks if its
    /// <see cref="EngineOptions"/> ask for them, and the engine that loads it must ask for the same. With
    /// <paramref name="readyToRun"/> the assembly is also precompiled to native code by crossgen2 (found with
    /// <see cref="FindCrossgen2"/> unless <paramref name="crossgen2"/> gives it), so loading skips most JIT compilation.
    /// </remarks>
    /// <exception cref="InvalidOperationException">ReadyToRun was asked for and crossgen2 is missing or failed.</exception>
    public static void SaveArtifact(Module module, string path, bool readyToRun = false, string? crossgen2 = null)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(path);
        module.ThrowIfDisposed();
        var engineOptions = module.Engine.Options;
        // crossgen2 leaves methods marked for full JIT optimization (AggressiveOptimization) to the JIT, so a
        // ReadyToRun image is emitted without them.
        var options = readyToRun ? new IlCompiler { OptimizeBeforeFirstCall = false } : engineOptions.Compiler as IlCompiler ?? new IlCompiler();
        var description = module.Description;
        var image = ArtifactImage.Compile(description, engineOptions, options);
        if (readyToRun)
        {
            crossgen2 ??= FindCrossgen2() ?? throw new InvalidOperationException(
                $"crossgen2 not found in the NuGet package folders (package microsoft.netcore.app.crossgen2.{System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier}, " +
                $"version {Environment.Version}); `dotnet publish -r {System.Runtime.InteropServices.RuntimeInformation.RuntimeIdentifier} -p:PublishReadyToRun=true` of any project restores it");
            image = ReadyToRun.Compile(image, crossgen2);
        }
        var stamp = ArtifactStamp.Current(engineOptions, readyToRun ? ArtifactStamp.ReadyToRunJit : ArtifactStamp.JitOf(options));
        ArtifactFile.Write(path, ArtifactFile.Build(image, description.Bytes.Span, SHA256.HashData(description.Bytes.Span), stamp));
    }

    /// <summary>
    /// Loads an artifact written by <see cref="SaveArtifact"/>: the module it holds, decoded (it was validated when it
    /// was compiled), with its compiled code ready, so nothing is validated, translated or compiled to IL.
    /// Instantiate it like any module.
    /// </summary>
    /// <remarks>
    /// The artifact is refused, and none of its code runs, when it is damaged or was modified after it was written
    /// (its SHA-256 does not match), or is stale: compiled by another build of Wasmbed or for another .NET version, or
    /// with other fuel metering or interruption checks than <paramref name="engine"/> has. An artifact with
    /// ReadyToRun code stays loaded until the process ends (the runtime uses such code only in assemblies that are
    /// never unloaded); loading it again reuses it. The checks catch stale files and accidents, not attackers who can
    /// write the file: load artifacts only from places as trusted as the host's own assemblies.
    /// </remarks>
    /// <param name="engine">An engine with <see cref="ExecutionTier.Compiler"/> or <see cref="ExecutionTier.Tiered"/> and an <see cref="IlCompiler"/>.</param>
    /// <exception cref="WasmArtifactException">The file is not a usable artifact; the message says why.</exception>
    public static Module LoadArtifact(Engine engine, string path) => Load(engine, path, expectedModule: null);

    /// <summary>
    /// Loads an artifact written by <see cref="SaveArtifact"/> as <see cref="LoadArtifact(Engine, string)"/> does,
    /// and refuses it unless it was compiled from exactly <paramref name="module"/> (its bytes).
    /// </summary>
    /// <exception cref="WasmArtifactException">The file is not a usable artifact for this module; the message says why.</exception>
    public static Module LoadArtifact(Engine engine, string path, ReadOnlySpan<byte> module) => Load(engine, path, module.ToArray());

    /// <summary>
    /// The crossgen2 executable for this runtime's platform in the NuGet package folders (<c>NUGET_PACKAGES</c>,
    /// <c>~/.nuget/packages</c>, <c>/opt/nuget/packages</c>): this runtime's version if present, else the newest of
    /// its major version; null if there is none.
    /// </summary>
    public static string? FindCrossgen2() => ReadyToRun.FindCrossgen2();

    private static Module Load(Engine engine, string path, byte[]? expectedModule)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(path);
        engine.ThrowIfDisposed();
        if (engine.Options.Tier == ExecutionTier.Interpreter || engine.Options.Compiler is not IlCompiler)
            throw new ArgumentException("artifacts hold compiled code: the engine needs Tier = Compiler (or Tiered) and Compiler = new IlCompiler()", nameof(engine));

        var contents = ArtifactFile.Read(File.ReadAllBytes(path), path);
        var stamp = ArtifactStamp.Parse(contents.Stamp) ?? throw new WasmArtifactException(path, "damaged: its stamp cannot be read");
        if (expectedModule is not null && !SHA256.HashData(expectedModule).AsSpan().SequenceEqual(contents.ModuleHash))
            throw new WasmArtifactException(path, "compiled from another module than the one given (their SHA-256 hashes differ): compile the module again");
        if (ArtifactStamp.Current(engine.Options, stamp.Jit).Mismatch(stamp) is { } mismatch)
            throw new WasmArtifactException(path, mismatch);
        var bytes = contents.Module.Length > 0 ? contents.Module
            : expectedModule ?? throw new WasmArtifactException(path, "holds no module (a file of an artifact cache): load it with the module's bytes");
        if (bytes.LongLength > engine.Options.MaxModuleSize)
            throw new WasmArtifactException(path, $"its module has {bytes.LongLength} bytes, more than EngineOptions.MaxModuleSize ({engine.Options.MaxModuleSize})");
        if (!SHA256.HashData(bytes).AsSpan().SequenceEqual(contents.ModuleHash))
            throw new WasmArtifactException(path, "damaged: the module it holds does not match the module hash it was compiled for");

        // Decoded, not validated again: the same build (the stamp) validated exactly these bytes (the module hash)
        // before compiling them, and validating would guard nothing an artifact's own code could not get round.
        var description = ModuleReader.Read(bytes);
        var module = new Module(engine, description);
        var type = ArtifactImage.Load(contents, path, ModuleScope.TypeName(description), ((IlCompiler)engine.Options.Compiler).Collectible);
        try
        {
            module.CompiledCode = ModuleCompiler.Bind(module, type);
        }
        catch (MissingMemberException exception)
        {
            throw new WasmArtifactException(path, $"its assembly does not fit its module: {exception.Message}");
        }
        return module;
    }
}
