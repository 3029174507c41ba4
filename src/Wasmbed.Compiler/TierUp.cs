using System.Reflection;
using System.Runtime.CompilerServices;

namespace Wasmbed.Compiler;

/// <summary>
/// <see cref="ExecutionTier.Tiered"/>: a module starts in the interpreter; once it has been entered
/// <see cref="IlCompiler.TierUpAfterCalls"/> times from the host, it is compiled on a thread-pool thread. From then on,
/// calls from the host run the compiled code, and so do the calls the interpreter makes to the module's functions,
/// including those of a host call that is still running (a WASI command runs everything inside one call to
/// <c>_start</c>). Both tiers work on the same instance objects (memories, tables, globals) with the same semantics,
/// fuel and call-depth accounting, so switching changes no result.
/// </summary>
/// <remarks>
/// A function already running in the interpreter finishes there: the switch happens at calls, not inside loops (no
/// on-stack replacement). Functions whose frames are too large for compiled code keep running in the interpreter.
/// <see cref="Module.CompiledCode"/> is set when the IL is done, and the interpreter's calls switch right after; the
/// thread then JIT-compiles every function, unless a function's first compiled call got there first. Resumable calls
/// (<see cref="Function.InvokeResumable"/>) exist only on the interpreter tier, so they never meet compiled code.
/// </remarks>
internal static class TierUp
{
    /// <summary>Per module: host calls so far, and whether its compilation has been queued.</summary>
    private sealed class Pending
    {
        public int Calls;
        public bool Queued;
    }

    private static readonly ConditionalWeakTable<Module, Pending> Counters = [];

    /// <summary>Whether calls into <paramref name="module"/> can run compiled code now.</summary>
    public static bool IsCompiled(Module module) => Volatile.Read(ref module.CompiledCode) is CompiledModule;

    /// <summary>Counts a host call into <paramref name="module"/> and queues its compilation once it is hot enough.</summary>
    public static void CountCall(Module module, IlCompiler compiler)
    {
        var pending = Counters.GetValue(module, _ => new Pending());
        if (Interlocked.Increment(ref pending.Calls) < compiler.TierUpAfterCalls) return;
        lock (pending)
        {
            if (pending.Queued) return;
            pending.Queued = true;
        }
        ThreadPool.UnsafeQueueUserWorkItem(_ => Compile(module), null);
    }

    private static void Compile(Module module)
    {
        try
        {
            var compiled = CompiledModule.Of(module);
            var description = module.Description;
            for (int i = 0; i < description.Codes.Count; i++)
            {
                if (!FunctionCompiler.RunsInInterpreter(description, i)) Wasmbed.Interpreter.Executor.UseCompiledCode(module, i);
            }
            // JIT every function here rather than on the caller's thread at its first compiled call, unless that call
            // comes first: the calls switch as soon as the IL exists, so that a hot function waits only for its own JIT.
            const BindingFlags generated = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in compiled.ContextType.GetMethods(generated)) RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
        catch (Exception)
        {
            // A module this tier cannot compile keeps running in the interpreter; nothing is lost.
        }
    }
}
