using System.Runtime.CompilerServices;

namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// Per-store state shared by every compiled instance of a store (<see cref="Store.CompilerState"/>): the call-depth
/// budget handed from one host → WebAssembly entry to the next, and the stack guard of compiled code.
/// </summary>
/// <remarks>
/// Compiled WebAssembly calls are .NET calls, so deep recursion consumes the .NET stack. Every compiled function
/// compares the address of one of its locals with <see cref="StackLimit"/> on entry; below it, <see cref="CheckStack"/>
/// asks the runtime whether enough stack remains and either moves the limit down or traps with
/// <see cref="TrapCode.CallStackExhausted"/>. The runtime guarantees 128 KiB below a successful
/// <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/> on 64-bit hosts; the limit is set
/// <see cref="LimitDistance"/> below that point, so at least 96 KiB stay free below the limit for one more frame,
/// the trap and its unwinding. Functions whose frames could come near that are not compiled (see
/// <see cref="FunctionCompiler.MaxFrameBytes"/>).
/// </remarks>
internal sealed class CompilerStoreState
{
    /// <summary>How far below a successful stack probe the next probe is due.</summary>
    public const int LimitDistance = 32 * 1024;

    private CompilerStoreState(Store store)
    {
        Store = store;
        RemainingDepth = Math.Max(store.Limits.MaxCallDepth, 1);
    }

    public Store Store { get; }

    /// <summary>Compiled functions probe the stack when the address of their frame is below this.</summary>
    public nuint StackLimit;

    /// <summary>
    /// How many more nested WebAssembly frames the next host → WebAssembly entry may use. Compiled code passes the
    /// budget down as a parameter; it is written here only when compiled code calls out to the host or the interpreter
    /// (<see cref="HandOff"/>).
    /// </summary>
    public int RemainingDepth;

    /// <summary>
    /// How many interpreter frames were active when <see cref="RemainingDepth"/> was written. The interpreter's frames
    /// above those use the same budget, so that <see cref="StoreLimits.MaxCallDepth"/> counts both tiers' frames.
    /// </summary>
    public int InterpreterFrames;

    public static CompilerStoreState Of(Store store) =>
        store.CompilerState as CompilerStoreState ?? (CompilerStoreState)(store.CompilerState = new CompilerStoreState(store));

    /// <summary>The call depth compiled code entered now gets, with <paramref name="interpreterFrames"/> interpreter frames active.</summary>
    public int DepthLeft(int interpreterFrames) => RemainingDepth - (interpreterFrames - InterpreterFrames);

    /// <summary>
    /// Compiled code calls out (to the host or the interpreter) with <paramref name="remainingDepth"/> frames of call
    /// depth left: records that budget for the entries and interpreter frames it leads to. Returns what to
    /// <see cref="Restore"/> when the call returns.
    /// </summary>
    public DepthBudget HandOff(int remainingDepth)
    {
        var saved = new DepthBudget(RemainingDepth, InterpreterFrames);
        RemainingDepth = remainingDepth;
        InterpreterFrames = Wasmbed.Interpreter.Executor.ActiveFrames(Store);
        return saved;
    }

    public void Restore(DepthBudget saved)
    {
        RemainingDepth = saved.RemainingDepth;
        InterpreterFrames = saved.InterpreterFrames;
    }

    /// <summary>The call depth budget as <see cref="HandOff"/> found it.</summary>
    public readonly record struct DepthBudget(int RemainingDepth, int InterpreterFrames);

    /// <summary>The slow path of the stack guard in every compiled function's prologue.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void CheckStack(CompilerStoreState state)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new TrapException(TrapCode.CallStackExhausted);
        state.StackLimit = LimitBelowHere();
    }

    /// <summary>Starts guarding at a host → WebAssembly entry; returns the limit to restore when the entry returns.</summary>
    public nuint Enter()
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new TrapException(TrapCode.CallStackExhausted);
        nuint saved = StackLimit;
        StackLimit = LimitBelowHere();
        return saved;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static unsafe nuint LimitBelowHere()
    {
        byte marker = 0;
        nuint here = (nuint)(&marker);
        return here > LimitDistance ? here - LimitDistance : 0;
    }
}
