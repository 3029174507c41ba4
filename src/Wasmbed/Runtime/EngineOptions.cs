namespace Wasmbed;

/// <summary>How WebAssembly code is executed.</summary>
public enum ExecutionTier
{
    /// <summary>The portable interpreter: runs anywhere, including AOT-compiled and trimmed hosts.</summary>
    Interpreter,
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
    public ExecutionTier Tier { get; init; } = ExecutionTier.Interpreter;

    public TranslationMode Translation { get; init; } = TranslationMode.Lazy;
}
