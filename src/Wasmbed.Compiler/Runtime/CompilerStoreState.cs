using System.Runtime.CompilerServices;

namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// Per-store state shared by every compiled instance of a store (<see cref="Store.CompilerState"/>): the call-depth
/// budget handed from one host → WebAssembly entry to the next, and the stack guard of compiled code.
/// </summary>
/// <remarks>
/// <para>Compiled WebAssembly calls are .NET calls, so deep recursion consumes the .NET stack. Compiled functions
/// compare the address of a local with <see cref="StackLimit"/> on entry; below it, <see cref="CheckStack"/> asks the
/// runtime whether enough stack remains and either moves the limit down or traps with
/// <see cref="TrapCode.CallStackExhausted"/>. The runtime guarantees 128 KiB below a successful
/// <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/> on 64-bit hosts; the limit is set
/// <see cref="LimitDistance"/> below that point, so at least 96 KiB stay free below a probe that passes.</para>
/// <para>Not every frame probes (FunctionCompiler.EmitPrologue):</para>
/// <list type="bullet">
/// <item>A small function (frame certainly at most <see cref="SmallFrameBytes"/>) that calls anything probes only when
/// its remaining call depth is a multiple of <see cref="ProbeInterval"/>, through <see cref="Probe"/>, whose own local
/// marks the point below the caller's whole frame.</item>
/// <item>A small leaf (calls nothing; frame certainly at most <see cref="SmallLeafFrameBytes"/>) never probes.</item>
/// <item>Every other function probes on every entry; one that calls anything requires <see cref="SampledReserve"/> more
/// room than the limit. Their frames are at most FunctionCompiler.MaxFrameBytes (48 KiB); larger ones are not
/// compiled.</item>
/// </list>
/// <para>Why that is enough. Compiled → compiled calls pass the depth minus one, so along any chain of frames the depths
/// fall by exactly one; host → WebAssembly entries (<see cref="Enter"/>) start afresh from a successful
/// <see cref="RuntimeHelpers.TryEnsureSufficientExecutionStack"/>. Below the last frame P that probed, every frame but
/// the deepest called something without probing, so it is small and its depth is not a multiple of
/// <see cref="ProbeInterval"/>; of any <see cref="ProbeInterval"/> consecutive depths one is, so there are at most
/// <see cref="ProbeInterval"/> - 1 of them (30 KiB). The deepest is small or a small leaf (16 KiB): a large one probes
/// and would be P. Together at most 46 KiB. If P is small, its probe's marker lies below P's frame and 96 KiB below the
/// limit: 50 KiB remain for runtime helpers, host calls and throwing a trap. If P is large, at least 96 KiB + 48 KiB lay
/// below its marker: minus its frame (48 KiB) and the 46 KiB, 50 KiB remain. Before probes were sampled, 48 KiB
/// remained below a frame of 48 KiB.</para>
/// </remarks>
internal sealed class CompilerStoreState
{
    /// <summary>How far below a successful stack probe the next probe is due.</summary>
    public const int LimitDistance = 32 * 1024;

    /// <summary>Small functions probe when their remaining call depth is a multiple of this.</summary>
    public const int ProbeInterval = 16;

    /// <summary>The bound on the frame of a function that probes only every <see cref="ProbeInterval"/> levels.</summary>
    public const int SmallFrameBytes = 2 * 1024;

    /// <summary>The bound on the frame of a function that calls nothing and never probes.</summary>
    public const int SmallLeafFrameBytes = 16 * 1024;

    /// <summary>
    /// The extra room a large function that calls anything requires below its frame: at least what the unprobed frames
    /// that may follow it take, (<see cref="ProbeInterval"/> - 1) × <see cref="SmallFrameBytes"/> + <see cref="SmallLeafFrameBytes"/>.
    /// </summary>
    public const int SampledReserve = 48 * 1024;

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

    /// <summary>The slow path of the stack guard: the runtime's check, then the limit moved below here.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void CheckStack(CompilerStoreState state)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack()) throw new TrapException(TrapCode.CallStackExhausted);
        state.StackLimit = LimitBelowHere();
    }

    /// <summary>
    /// The sampled probe of small functions that call: a call, so that their own frames need no address-taken local.
    /// It also checks their call depth: they come here whenever the depth is a multiple of
    /// <see cref="ProbeInterval"/>, which it is at 0, and it falls by exactly one per call, so it reaches 0 before it
    /// could go below, and their prologue needs no depth check of its own.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static unsafe void Probe(CompilerStoreState state, int depth)
    {
        if (depth <= 0) throw new TrapException(TrapCode.CallStackExhausted);
        byte marker = 0;
        if ((nuint)(&marker) < state.StackLimit) CheckStack(state);
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
