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
    /// No effect on collectible dynamic assemblies (the default, <see cref="Collectible"/>), whose methods are never
    /// tiered: the JIT compiles each fully optimized at its first call either way. It matters for non-collectible
    /// modules and for modules loaded as regular assemblies (artifacts; docs/compiler.md).
    /// </remarks>
    public bool OptimizeBeforeFirstCall { get; init; } = true;

    /// <summary>
    /// Functions whose body is larger than this many bytes of WebAssembly are left to tiered compilation even when
    /// <see cref="OptimizeBeforeFirstCall"/> is set: optimizing them up front costs more start-up time than it saves.
    /// Like that option, it has no effect on collectible dynamic assemblies.
    /// </summary>
    /// <remarks>
    /// The default keeps libc's large and mostly cold functions (printf's core, 9 KB; malloc, 7 KB) tiered, and
    /// optimizes a hot 4 KB kernel at once: tiered, it ran as tier-0 code, then instrumented, for the first ~0.2 s of
    /// a run (the runtime's call counting, its delay and two recompilations), ≈ 6 % of the CoreMark-style benchmark.
    /// </remarks>
    public int LargeFunctionBytes { get; init; } = 6144;

    /// <summary>
    /// When true (the default), each compiled module is a collectible assembly: its code is unloaded with the last
    /// reference to the module and its instances, as a long-running host that loads and replaces modules needs.
    /// When false, the code stays loaded until the process ends, and in exchange runs faster: calls between the
    /// module's functions are direct (in a collectible assembly every call passes through a runtime stub), and the
    /// runtime's tiered compilation applies (functions above <see cref="LargeFunctionBytes"/> start as quick tier-0
    /// code and are optimized only if hot). For processes that run one module and exit, like <c>wasmbed run</c>.
    /// </summary>
    public bool Collectible { get; init; } = true;

    /// <summary>
    /// When true, a background thread JIT-compiles the module's functions (those optimized before their first call)
    /// right after it is compiled to IL, in call-graph order from its exports and start function, so that the first
    /// calls find machine code ready. Off by default: it costs a thread and compiles functions that may never run. The
    /// <c>wasmbed run</c> command turns it on (docs/compiler.md). No effect on modules loaded from artifacts.
    /// </summary>
    public bool PrepareInBackground { get; init; }

    /// <summary>
    /// Experimental: loads each compiled module as a regular (collectible) assembly instead of a dynamic one, meant to
    /// get .NET's tiered compilation (tier-0 code first, on-stack replacement, then optimized code guided by the run's
    /// profile); <see cref="OptimizeBeforeFirstCall"/> no longer applies. The runtime does not tier methods of
    /// collectible assemblies (it compiles them fully optimized at the first call; docs/compiler.md), so this mode only
    /// exercises the saved-assembly path; <see cref="Collectible"/> = false is the way to tiered compilation.
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
