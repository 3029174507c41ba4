using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// The extension point for execution tiers that generate code at run time (the IL compiler in Wasmbed.Compiler).
/// The core library only calls through this class, so it needs no dynamic code itself and stays trimmable and AOT-safe.
/// </summary>
/// <remarks>
/// An engine whose <see cref="EngineOptions.Tier"/> is not <see cref="ExecutionTier.Interpreter"/> routes every call from
/// the host into a WebAssembly function through <see cref="Invoke"/>; calls between WebAssembly functions stay inside
/// the generated code.
/// </remarks>
public abstract class CodeGenerator
{
    /// <summary>A short name for diagnostics, e.g. "il".</summary>
    public abstract string Name { get; }

    /// <summary>
    /// Runs <paramref name="function"/> with the slots calling convention (see <see cref="FunctionInstance"/>): the
    /// arguments are in <paramref name="slots"/>, the results are written over them from slot 0.
    /// </summary>
    /// <exception cref="TrapException">Execution trapped.</exception>
    internal abstract void Invoke(Store store, WasmFunction function, Span<ulong> slots);

    /// <summary>
    /// Runs the compiled code of <paramref name="function"/> for a call the interpreter makes, once the generator has
    /// routed such calls here with <see cref="Interpreter.Executor.UseCompiledCode"/> (tiered execution). Same slots
    /// convention as <see cref="Invoke"/>; <paramref name="interpreterFrames"/> interpreter frames are active below the
    /// call, and they count against <see cref="StoreLimits.MaxCallDepth"/> together with the compiled ones.
    /// </summary>
    /// <exception cref="TrapException">Execution trapped.</exception>
    internal virtual void InvokeFromInterpreter(Store store, WasmFunction function, Span<ulong> slots, int interpreterFrames) =>
        throw new NotSupportedException($"the {Name} code generator does not run code for the interpreter");

    /// <summary>Compiles a module's functions ahead of their first call (<see cref="TranslationMode.Eager"/>).</summary>
    internal virtual void Prepare(Module module)
    {
    }
}
