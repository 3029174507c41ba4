using System.Runtime.InteropServices;

namespace Wasmbed.Compiler.Runtime;

/// <summary>Finds and enters compiled code: the per-instance contexts and the host → WebAssembly entry.</summary>
internal static class Dispatch
{
    /// <summary>Whether calls to <paramref name="function"/> go straight to compiled code.</summary>
    public static bool IsCompiled(Store store, WasmFunction function) =>
        function.Instance.Store == store && store.Engine.CodeGenerator is IlCompiler &&
        (store.Engine.Options.Tier == ExecutionTier.Compiler || TierUp.IsCompiled(function.Instance.Module));

    /// <summary>The compiled context of <paramref name="instance"/>, compiling its module on first use.</summary>
    public static CompiledInstance ContextOf(ModuleInstance instance)
    {
        if (instance.CompiledState is CompiledInstance existing) return existing;
        var code = CompiledModule.Of(instance.Module);
        var context = code.CreateContext(instance, CompilerStoreState.Of(instance.Store));
        // Published before imports are linked; an instance never imports from itself, so this only guards re-entry.
        instance.CompiledState = context;
        code.LinkImports(context);
        return context;
    }

    /// <summary>
    /// A host → WebAssembly entry into compiled code: sets up the stack guard and call-depth budget, runs the
    /// function's slots entry, and turns stray .NET exceptions into traps the way the interpreter does.
    /// </summary>
    public static void Enter(WasmFunction function, Span<ulong> slots) =>
        Enter(function, slots, Wasmbed.Interpreter.Executor.ActiveFrames(function.Instance.Store), fromInterpreter: false);

    /// <summary>
    /// A call the interpreter makes into compiled code (tiered execution), with <paramref name="interpreterFrames"/>
    /// interpreter frames below it: like a host entry, and a trap's backtrace continues with those frames.
    /// </summary>
    public static void EnterFromInterpreter(WasmFunction function, Span<ulong> slots, int interpreterFrames) =>
        Enter(function, slots, interpreterFrames, fromInterpreter: true);

    private static void Enter(WasmFunction function, Span<ulong> slots, int interpreterFrames, bool fromInterpreter)
    {
        var context = ContextOf(function.Instance);
        var state = context.State;
        int remainingDepth = state.RemainingDepth;
        // Never below 0: small compiled functions check their depth only at multiples of the probe interval, which
        // 0 is (CompilerStoreState.Probe), so the callee traps at once when nothing is left.
        int depth = Math.Max(state.DepthLeft(interpreterFrames), 0);
        nuint savedLimit = state.Enter();
        try
        {
            context.Code.Entries[function.DefinedIndex](ref MemoryMarshal.GetReference(slots), context, depth);
        }
        catch (TrapException trap) when (trap.WasmBacktrace is not CompiledBacktrace && trap.WasmBacktrace.Count == 0)
        {
            trap.WasmBacktrace = Backtrace(trap, function, interpreterFrames, fromInterpreter);
            throw;
        }
        catch (InsufficientExecutionStackException exception)
        {
            throw new TrapException(TrapCode.CallStackExhausted) { WasmBacktrace = Backtrace(exception, function, interpreterFrames, fromInterpreter) };
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw new TrapException(TrapCode.HostError, exception) { WasmBacktrace = Backtrace(exception, function, interpreterFrames, fromInterpreter) };
        }
        finally
        {
            state.StackLimit = savedLimit;
            state.RemainingDepth = remainingDepth;
        }
    }

    private static CompiledBacktrace Backtrace(Exception exception, WasmFunction function, int interpreterFrames, bool fromInterpreter) =>
        new(exception, function.Instance, fromInterpreter ? Wasmbed.Interpreter.Executor.Backtrace(function.Instance.Store, interpreterFrames) : null);

    /// <summary>Calls a WebAssembly function reached from compiled code through slots: whichever tier runs it.</summary>
    public static void Call(Store store, WasmFunction function, Span<ulong> slots) => Invocation.Call(store, function, slots);
}
