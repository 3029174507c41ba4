using System.Reflection;

namespace Wasmbed.Compiler.Artifacts;

/// <summary>
/// What the code in an artifact depends on besides the module: the builds of Wasmbed and Wasmbed.Compiler that
/// generated it (the code calls their internals, so it only fits the exact build), the .NET runtime, and the engine
/// options that change the generated code. Written into every artifact as <c>name=value</c> lines.
/// </summary>
/// <remarks>
/// <see cref="Jit"/> records how the JIT is told to treat the functions (optimized before their first call, tiered, or
/// precompiled ReadyToRun). It changes speed, never results, so an artifact loaded explicitly keeps its own setting
/// whatever the engine's <see cref="IlCompiler"/> says; the artifact cache, which compiles what the engine asks for,
/// keys on it too.
/// </remarks>
internal sealed record ArtifactStamp(string Wasmbed, string Compiler, string Runtime, bool ConsumeFuel, bool Interruptible, string Jit)
{
    /// <summary>The stamp of code this process would generate for an engine with <paramref name="engineOptions"/>.</summary>
    public static ArtifactStamp Current(EngineOptions engineOptions, string jit) =>
        new(BuildOf(typeof(Module).Assembly), BuildOf(typeof(ArtifactStamp).Assembly), RuntimeVersion,
            engineOptions.ConsumeFuel, engineOptions.Interruptible, jit);

    /// <summary>The JIT setting of code emitted with <paramref name="options"/> (see <see cref="ModuleCompiler.Emit"/>).</summary>
    public static string JitOf(IlCompiler options) =>
        options.TieredJit || !options.OptimizeBeforeFirstCall ? "tiered" : $"optimized before first call up to {options.LargeFunctionBytes} bytes";

    public const string ReadyToRunJit = "ReadyToRun";

    /// <summary>
    /// Major and minor version: IL runs on any patch of the runtime, and the runtime itself ignores ReadyToRun code it
    /// cannot use (and JIT-compiles the IL instead), so a patch update need not invalidate artifacts.
    /// </summary>
    private static readonly string RuntimeVersion = $".NET {Environment.Version.ToString(2)}";

    /// <summary>
    /// The informational version (with the source revision) and the module version id, which deterministic builds
    /// derive from the compiled content: any change to the assembly changes it.
    /// </summary>
    private static string BuildOf(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? assembly.GetName().Version?.ToString();
        return $"{version} (build {assembly.ManifestModule.ModuleVersionId:N})";
    }

    public string Serialize() =>
        $"wasmbed={Wasmbed}\ncompiler={Compiler}\nruntime={Runtime}\nfuel={ConsumeFuel}\ninterruptible={Interruptible}\njit={Jit}\n";

    /// <summary>The stamp written by <see cref="Serialize"/>, or null when the text is not one.</summary>
    public static ArtifactStamp? Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int equals = line.IndexOf('=');
            if (equals <= 0 || !fields.TryAdd(line[..equals], line[(equals + 1)..])) return null;
        }
        return fields.TryGetValue("wasmbed", out var wasmbed) && fields.TryGetValue("compiler", out var compiler)
            && fields.TryGetValue("runtime", out var runtime) && fields.TryGetValue("jit", out var jit)
            && fields.TryGetValue("fuel", out var fuel) && bool.TryParse(fuel, out bool consumeFuel)
            && fields.TryGetValue("interruptible", out var interruptible) && bool.TryParse(interruptible, out bool isInterruptible)
            ? new ArtifactStamp(wasmbed, compiler, runtime, consumeFuel, isInterruptible, jit)
            : null;
    }

    /// <summary>
    /// Why code stamped <paramref name="artifact"/> cannot run where this stamp describes, or null when it can
    /// (<see cref="Jit"/> aside, see the remarks).
    /// </summary>
    public string? Mismatch(ArtifactStamp artifact)
    {
        if (artifact.Wasmbed != Wasmbed || artifact.Compiler != Compiler)
        {
            var (assembly, theirs, ours) = artifact.Wasmbed != Wasmbed ? ("Wasmbed", artifact.Wasmbed, Wasmbed) : ("Wasmbed.Compiler", artifact.Compiler, Compiler);
            return $"compiled by another build of {assembly} ({theirs}); this is {ours}: compile the module again with this build";
        }
        if (artifact.Runtime != Runtime) return $"compiled for {artifact.Runtime}; this is {Runtime}: compile the module again";
        var options = new List<string>();
        if (artifact.ConsumeFuel != ConsumeFuel)
            options.Add(artifact.ConsumeFuel ? "with fuel metering, which this engine does not use"
                : "without fuel metering, which this engine uses (EngineOptions.ConsumeFuel; `wasmbed compile --fuel`)");
        if (artifact.Interruptible != Interruptible)
            options.Add(artifact.Interruptible ? "with interruption checks, which this engine does not use"
                : "without interruption checks, which this engine needs for timeouts and cancellation (EngineOptions.Interruptible; `wasmbed compile --interruptible`)");
        return options.Count > 0 ? $"compiled {string.Join(" and ", options)}: compile the module again with this engine's options" : null;
    }
}
