namespace Wasmbed;

/// <summary>How WebAssembly code is executed.</summary>
public enum ExecutionTier
{
    /// <summary>The portable interpreter: runs anywhere, including AOT-compiled and trimmed hosts.</summary>
    Interpreter,
    /// <summary>Every function is compiled to native code before it first runs; needs <see cref="EngineOptions.Compiler"/>.</summary>
    Compiler,
    /// <summary>Functions start in the interpreter and hot ones are compiled; needs <see cref="EngineOptions.Compiler"/>.</summary>
    Tiered,
}

/// <summary>When function bodies are translated to the interpreter's internal form.</summary>
public enum TranslationMode
{
    /// <summary>On a function's first call (fast start-up; like wasm3).</summary>
    Lazy,
    /// <summary>All functions when the module is loaded (errors and costs up front).</summary>
    Eager,
}

/// <summary>Engine-wide settings. All embedded knobs live here and in <see cref="StoreLimits"/>.</summary>
public sealed class EngineOptions
{
    /// <summary>Which execution tier runs the code.</summary>
    public ExecutionTier Tier { get; init; } = ExecutionTier.Interpreter;

    /// <summary>When function bodies are translated: on first call (default) or when the module is loaded.</summary>
    public TranslationMode Translation { get; init; } = TranslationMode.Lazy;

    /// <summary>
    /// The largest module, in bytes, that <see cref="Module.FromStream"/> and <see cref="Module.FromFile"/>
    /// will read (default 1 GiB), so that an endless or hostile stream cannot exhaust memory.
    /// </summary>
    public long MaxModuleSize { get; init; } = 1L << 30;

    /// <summary>
    /// The code generator behind <see cref="ExecutionTier.Compiler"/> and <see cref="ExecutionTier.Tiered"/>, e.g.
    /// <c>new Wasmbed.Compiler.IlCompiler()</c>. It lives outside the core library so that the core stays trimmable and AOT-safe.
    /// </summary>
    public CodeGenerator? Compiler { get; init; }

    /// <summary>
    /// Whether code consumes fuel (docs/sandbox.md): every store starts with none, the host gives it with
    /// <see cref="Store.Fuel"/>/<see cref="Store.AddFuel"/>, and a call that runs out traps with
    /// <see cref="TrapCode.OutOfFuel"/> (an interpreter call started with <see cref="Function.InvokeResumable"/> can
    /// be resumed). When false (the default) code is generated without any fuel accounting.
    /// </summary>
    public bool ConsumeFuel { get; init; }

    /// <summary>
    /// Whether code checks for interruption at every loop iteration and function entry, so that a store's
    /// <see cref="Store.Timeout"/>, <see cref="Store.CancellationToken"/> and <see cref="Store.Interrupt"/> can stop
    /// a running call (<see cref="TrapCode.Interrupted"/>). When false (the default) code has no such checks.
    /// </summary>
    public bool Interruptible { get; init; }
}
