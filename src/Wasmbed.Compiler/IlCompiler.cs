using Wasmbed.Compiler.Runtime;

namespace Wasmbed.Compiler;

/// <summary>
/// The compiler tier: translates each validated module to IL (one collectible assembly per module, one static method
/// per function) that the .NET JIT turns into machine code. Use it with
/// <c>new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler() })</c>.
/// </summary>
/// <remarks>
/// Compiled code has the interpreter's exact semantics (the same numerics library, the same traps). WebAssembly
/// calls are .NET calls with typed parameters; their depth is limited by <see cref="StoreLimits.MaxCallDepth"/> and by
/// a stack guard, so deep recursion traps with <see cref="TrapCode.CallStackExhausted"/> instead of crashing the process.
/// </remarks>
public sealed partial class IlCompiler : CodeGenerator
{
    public override string Name => "il";

    /// <summary>
    /// When true (the default), the JIT fully optimizes each function before its first call. When false, functions
    /// start with .NET's quick tier-0 code and hot ones are recompiled fully optimized (tiered compilation with
    /// on-stack replacement for long loops): faster start-up, and profile-guided code for hot paths.
    /// </summary>
    /// <remarks>
    /// No effect on the default dynamic assemblies, whose methods are never tiered: the JIT compiles each fully
    /// optimized at its first call either way. It can only matter for modules loaded as regular assemblies
    /// (artifacts, <see cref="TieredJit"/>; docs/compiler.md).
    /// </remarks>
    public bool OptimizeBeforeFirstCall { get; init; } = true;

    /// <summary>
    /// Functions whose body is larger than this many bytes of WebAssembly are left to tiered compilation even when
    /// <see cref="OptimizeBeforeFirstCall"/> is set: optimizing them up front costs more start-up time than it saves.
    /// Like that option, it has no effect on dynamic assemblies.
    /// </summary>
    public int LargeFunctionBytes { get; init; } = 2048;

    /// <summary>
    /// Experimental: loads each compiled module as a regular (collectible) assembly instead of a dynamic one, meant to
    /// get .NET's tiered compilation (tier-0 code first, on-stack replacement, then optimized code guided by the run's
    /// profile); <see cref="OptimizeBeforeFirstCall"/> no longer applies. Whether the runtime tiers methods of
    /// collectible assemblies loaded from bytes is not established (docs/compiler.md); it is not benchmarked.
    /// </summary>
    public bool TieredJit { get; init; }

    /// <summary>
    /// When set, compiled modules are saved in this directory and loaded from it the next time the same module is
    /// compiled by the same build (an artifact cache; see Artifacts/ArtifactCache for its checks, and
    /// <see cref="SaveArtifact"/> for artifacts made ahead of time).
    /// The directory must be writable only by trusted users: its files are loaded as code.
    /// </summary>
    public string? ArtifactDirectory { get; init; }

    /// <summary>
    /// For <see cref="ExecutionTier.Tiered"/>: how many calls from the host a module takes in the interpreter before
    /// it is compiled in the background (default 1: compilation starts with the first call).
    /// </summary>
    public int TierUpAfterCalls { get; init; } = 1;

    internal override void Invoke(Store store, WasmFunction function, Span<ulong> slots)
    {
        if (store.Engine.Options.Tier == ExecutionTier.Tiered && !TierUp.IsCompiled(function.Instance.Module))
        {
            TierUp.CountCall(function.Instance.Module, this);
            Wasmbed.Interpreter.Executor.Invoke(store, function, slots);
            return;
        }
        Dispatch.Enter(function, slots);
    }

    internal override void InvokeFromInterpreter(Store store, WasmFunction function, Span<ulong> slots, int interpreterFrames) =>
        Dispatch.EnterFromInterpreter(function, slots, interpreterFrames);

    internal override void Prepare(Module module)
    {
        if (module.Engine.Options.Tier == ExecutionTier.Tiered) Wasmbed.Interpreter.Translator.TranslateAll(module);
        else CompiledModule.Of(module);
    }
}
