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
public sealed class IlCompiler : CodeGenerator
{
    public override string Name => "il";

    internal override void Invoke(Store store, WasmFunction function, Span<ulong> slots) => Dispatch.Enter(function, slots);

    internal override void Prepare(Module module) => CompiledModule.Of(module);
}
