using System.Runtime.CompilerServices;
using Wasmbed.Runtime;

namespace Wasmbed.Interpreter;

// Tiered execution (ExecutionTier.Tiered): once a module's compiled code is ready, the calls the interpreter makes to
// its functions run that code, even inside a call from the host that started in the interpreter (a WASI command runs
// everything inside one call to _start). The code generator replaces the translation of each compiled function with a
// stub whose body is one Op.CallCompiled, so every kind of call (call, call_indirect, a call from the host) reaches it
// through the frame push the interpreter does anyway and the dispatch loop pays nothing for the switch. Frames already
// running keep their translation: a loop running in the interpreter finishes there (there is no on-stack replacement).
internal static partial class Executor
{
    /// <summary>
    /// Makes calls the interpreter makes to defined function <paramref name="definedIndex"/> of
    /// <paramref name="module"/> run its compiled code (<see cref="CodeGenerator.InvokeFromInterpreter"/>) from now on.
    /// </summary>
    /// <remarks>Safe while other threads run the module: they see the old translation or the stub, and both give the same result.</remarks>
    public static void UseCompiledCode(Module module, int definedIndex)
    {
        var description = module.Description;
        var type = description.Types[(int)description.FunctionTypeIndices[definedIndex]];
        int parameterSlots = FunctionInstance.SlotCount(type.Parameters);
        int resultSlots = FunctionInstance.SlotCount(type.Results);
        // The frame holds the arguments and then the results, like the slots calling convention.
        var stub = new TranslatedFunction(
            (uint)(description.ImportedFunctionCount + definedIndex),
            [(int)Op.CallCompiled, definedIndex, (int)Op.Return],
            parameterSlots, parameterSlots, Math.Max(parameterSlots, resultSlots), resultSlots);
        Volatile.Write(ref module.Translations[definedIndex], stub);
    }

    /// <summary>Whether calls the interpreter makes to this function run its compiled code (see <see cref="UseCompiledCode"/>).</summary>
    public static bool UsesCompiledCode(Module module, int definedIndex) =>
        Volatile.Read(ref module.Translations[definedIndex]) is TranslatedFunction { Code: [(int)Op.CallCompiled, ..] };

    /// <summary>How many interpreter frames are active in <paramref name="store"/> (in every nested activation).</summary>
    public static int ActiveFrames(Store store) => store.InterpreterState is InterpreterStack stack ? stack.Depth + 1 : 0;

    /// <summary>The WebAssembly backtrace of the <paramref name="frames"/> outermost interpreter frames of <paramref name="store"/>, innermost first.</summary>
    public static TraceFrame[] Backtrace(Store store, int frames) =>
        frames > 0 && store.InterpreterState is InterpreterStack stack ? stack.Backtrace(frames - 1) : [];

    /// <summary>
    /// Runs the compiled code of the stub in the innermost frame: its arguments are in the frame's first slots, and
    /// the results go there too, where the stub's <see cref="Op.Return"/> leaves them for the caller.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallCompiled(InterpreterStack context, int definedIndex)
    {
        int depth = context.Depth;
        ref var callee = ref context.Frames[depth];
        var instance = callee.Instance;
        int start = callee.FrameStart;
        int count = callee.Function.FrameSlots;
        var values = context.Values;
        // The compiled code may call the host, which may call back into the interpreter: that activation starts above.
        context.ValueTop = start + count;
        var slots = values.AsSpan(start, count);
        var function = (WasmFunction)instance.Functions[instance.Module.Description.ImportedFunctionCount + definedIndex];
        // The stub's own frame does not count: the compiled function's frame takes its place.
        context.Store.Engine.CodeGenerator!.InvokeFromInterpreter(context.Store, function, slots, depth);
        // A nested activation may have replaced the value stack; the results were written to the old one.
        if (context.Values != values) slots.CopyTo(context.Values.AsSpan(start));
    }
}
