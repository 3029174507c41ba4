namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// A callee that compiled code reaches through the slots calling convention: a host function, or a WebAssembly
/// function this tier did not compile. The caller module's per-signature adapter packs the arguments and calls
/// <see cref="Invoke"/>.
/// </summary>
internal sealed class SlotsCallTarget : CallTarget
{
    public SlotsCallTarget(FunctionInstance function, ModuleInstance caller, CompilerStoreState state, nint adapter)
        : base(null, adapter)
    {
        Function = function;
        Caller = caller;
        State = state;
    }

    public FunctionInstance Function { get; }

    /// <summary>The calling instance, which host functions see as their <see cref="Wasmbed.Caller"/>.</summary>
    public ModuleInstance Caller { get; }

    public CompilerStoreState State { get; }

    /// <summary>Called by the adapters: runs the callee with <paramref name="remainingDepth"/> frames of call depth left.</summary>
    public void Invoke(Span<ulong> slots, int remainingDepth)
    {
        var state = State;
        var saved = state.HandOff(remainingDepth);
        try
        {
            if (Function is HostFunction host)
            {
                try
                {
                    host.Invoke(new Caller(state.Store, Caller), slots);
                }
                catch (Exception exception) when (exception is not WasmException)
                {
                    throw new TrapException(TrapCode.HostError, exception);
                }
            }
            else
            {
                Dispatch.Call(state.Store, (WasmFunction)Function, slots);
            }
        }
        finally
        {
            state.Restore(saved);
        }
    }
}
