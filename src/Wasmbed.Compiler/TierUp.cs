using System.Reflection;
using System.Runtime.CompilerServices;

namespace Wasmbed.Compiler;

/// <summary>
/// <see cref="ExecutionTier.Tiered"/>: a module starts in the interpreter; once it has been entered
/// <see cref="IlCompiler.TierUpAfterCalls"/> times from the host, it is compiled on a thread-pool thread (IL emitted and
/// every function JIT-compiled there), and later host → WebAssembly calls run the compiled code. Both tiers work on
/// the same instance objects (memories, tables, globals) with the same semantics, so switching changes no result.
/// </summary>
/// <remarks>
/// The switch happens between calls from the host: a call already running in the interpreter finishes there, and
/// calls the interpreter makes stay interpreted. <see cref="Module.CompiledCode"/> is set only when compilation is done.
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
            // JIT every function here rather than on the caller's thread at its first compiled call.
            const BindingFlags generated = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in compiled.ContextType.GetMethods(generated)) RuntimeHelpers.PrepareMethod(method.MethodHandle);
        }
        catch (Exception)
        {
            // A module this tier cannot compile keeps running in the interpreter; nothing is lost.
        }
    }
}
