using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmbed.Format;
using Wasmbed.Runtime;

namespace Wasmbed.Interpreter;

/// <summary>
/// Runs translated code. WebAssembly-to-WebAssembly calls push frames on the store's
/// <see cref="InterpreterStack"/> rather than recursing on the .NET stack; only host → WebAssembly calls
/// nest (bounded by <see cref="InterpreterStack.MaxActivations"/> and the .NET stack's headroom).
/// </summary>
internal static partial class Executor
{
    /// <summary>
    /// Calls <paramref name="function"/> with the slot calling convention (see <see cref="FunctionInstance"/>):
    /// arguments in <paramref name="slots"/>, results written over them from slot 0.
    /// </summary>
    /// <exception cref="TrapException">Execution trapped; the store's stacks are left ready for the next call.</exception>
    public static void Invoke(Store store, FunctionInstance function, Span<ulong> slots)
    {
        if (function is HostFunction host)
        {
            InvokeHostDirectly(store, host, slots);
            return;
        }
        Execute(store, (WasmFunction)function, null, slots, resumable: false);
    }

    /// <summary>
    /// Runs a call from the host: <paramref name="function"/> from its start, or the <paramref name="resume"/>d
    /// frames of a call that ran out of fuel. Returns null when the call completed (results in
    /// <paramref name="slots"/>), or — only when <paramref name="resumable"/> — the suspended frames of a call that
    /// ran out of fuel in its own activation (not inside a host function it called).
    /// </summary>
    /// <exception cref="TrapException">Execution trapped; the store's stacks are left ready for the next call.</exception>
    private static SuspendedCall? Execute(Store store, WasmFunction? function, SuspendedCall? resume, Span<ulong> slots, bool resumable)
    {
        var stack = InterpreterStack.Of(store);
        int savedDepth = stack.Depth;
        int savedTop = stack.ValueTop;
        if (stack.Activations >= InterpreterStack.MaxActivations)
            throw WithBacktrace(new TrapException(TrapCode.CallStackExhausted), stack);
        stack.Activations++;
        try
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            int resultSlots;
            if (resume is null)
            {
                var translated = Translator.GetOrTranslate(function!.Instance.Module, function.DefinedIndex);
                int start = savedTop;
                int depth = savedDepth + 1;
                var frames = stack.GrowFrames(depth);
                var values = stack.GrowValues(start + translated.FrameSlots);
                slots[..translated.ParameterSlots].CopyTo(values.AsSpan(start));
                values.AsSpan(start + translated.ParameterSlots, translated.LocalSlots - translated.ParameterSlots).Clear();
                frames[depth] = new CallFrame { Function = translated, Instance = function.Instance, Pc = 0, FrameStart = start };
                stack.Depth = depth;
                resultSlots = translated.ResultSlots;
            }
            else
            {
                resume.Restore(stack, savedDepth, savedTop);
                resultSlots = resume.ResultSlots;
            }
            Run(stack, savedDepth + 1);
            stack.Values.AsSpan(savedTop, resultSlots).CopyTo(slots);
            return null;
        }
        catch (TrapException trap)
        {
            if (trap.WasmBacktrace.Count == 0) trap.WasmBacktrace = stack.Backtrace();
            if (resumable && trap.Code == TrapCode.OutOfFuel && stack.SuspendedForFuel)
                return SuspendedCall.Capture(stack, savedDepth, savedTop, trap);
            throw;
        }
        catch (InsufficientExecutionStackException)
        {
            throw WithBacktrace(new TrapException(TrapCode.CallStackExhausted), stack);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            // A host function failed; WebAssembly sees it as a trap (the host exception is the inner exception).
            throw WithBacktrace(new TrapException(TrapCode.HostError, exception), stack);
        }
        finally
        {
            stack.Depth = savedDepth;
            stack.ValueTop = savedTop;
            stack.Activations--;
            stack.SuspendedForFuel = false;
        }
    }

    /// <summary>
    /// A fuel charge at <paramref name="ip"/> found too little fuel: records that position in the innermost frame, so
    /// a resumed call charges again there, and traps with <see cref="TrapCode.OutOfFuel"/>.
    /// </summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static void SuspendOutOfFuel(InterpreterStack context, ref int ip)
    {
        ref var frame = ref context.Frames[context.Depth];
        frame.Pc = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(frame.Function.Code), ref ip) >> 2);
        context.SuspendedForFuel = true;
        throw new TrapException(TrapCode.OutOfFuel);
    }

    private static TrapException WithBacktrace(TrapException trap, InterpreterStack stack)
    {
        trap.WasmBacktrace = stack.Backtrace();
        return trap;
    }

    private static void InvokeHostDirectly(Store store, HostFunction host, Span<ulong> slots)
    {
        try
        {
            host.Invoke(new Caller(store, null), slots);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw new TrapException(TrapCode.HostError, exception);
        }
    }

    /// <summary>
    /// Calls a host function from WebAssembly. Its arguments and results live in the calling frame, from slot
    /// <paramref name="argumentOffset"/>; a nested activation (the host calling back into WebAssembly) starts
    /// above the calling frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallHost(InterpreterStack context, HostFunction host, int argumentOffset)
    {
        ref var caller = ref context.Frames[context.Depth];
        int start = caller.FrameStart + argumentOffset;
        int count = Math.Max(host.ParameterSlots, host.ResultSlots);
        var values = context.GrowValues(start + count);
        context.ValueTop = Math.Max(caller.FrameStart + caller.Function.FrameSlots, start + count);
        var slots = values.AsSpan(start, count);
        host.Invoke(new Caller(context.Store, context.Instance), slots);
        // A nested activation may have replaced the value stack; the results were written to the old one.
        if (context.Values != values) slots.CopyTo(context.Values.AsSpan(start));
    }

    /// <summary>
    /// An opcode the dispatching method does not handle: translated code is corrupt. Thrown from here, so that the
    /// dispatching methods keep no string-formatting locals, whose zeroing would cost every call of them.
    /// </summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    private static int ThrowCorruptCode(Op op) => throw new InvalidOperationException($"corrupt interpreter code: {op}");

    /// <summary>spec: 4.4.8 call_indirect — the function at <paramref name="element"/> of the table, checked against the expected type.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static FunctionInstance ResolveIndirect(InterpreterStack context, int typeIndex, int tableIndex, uint element)
    {
        var instance = context.Instance;
        var elements = instance.Tables[tableIndex].Elements;
        if (element >= (uint)elements.Length) Throw.Trap(TrapCode.UndefinedElement);
        ulong handle = elements[element];
        if (handle == 0) Throw.Trap(TrapCode.UninitializedElement);
        var function = context.Store.ResolveFunction(handle);
        var expected = instance.Types[typeIndex];
        // Types are interned by the engine, so the reference test decides; the structural one is a safety net.
        if (!ReferenceEquals(function.Type, expected) && !function.Type.Equals(expected)) Throw.Trap(TrapCode.IndirectCallTypeMismatch);
        return function;
    }

    // ---- operand access; the translator guarantees every slot index lies inside the frame ----

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref ulong Slot(ref ulong frame, ref int ip, int operand) => ref Unsafe.Add(ref frame, Unsafe.Add(ref ip, operand));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int I32(ref ulong frame, ref int ip, int operand) => (int)Slot(ref frame, ref ip, operand);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static long I64(ref ulong frame, ref int ip, int operand) => (long)Slot(ref frame, ref ip, operand);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float F32(ref ulong frame, ref int ip, int operand) => BitConverter.Int32BitsToSingle((int)Slot(ref frame, ref ip, operand));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double F64(ref ulong frame, ref int ip, int operand) => BitConverter.Int64BitsToDouble((long)Slot(ref frame, ref ip, operand));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref V128 V(ref ulong frame, ref int ip, int operand) => ref Unsafe.As<ulong, V128>(ref Slot(ref frame, ref ip, operand));

    /// <summary>A v128 operand as a vector of <typeparamref name="T"/> lanes (the same 16 bytes; SimdOps has the same meaning).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref System.Runtime.Intrinsics.Vector128<T> Vector<T>(ref ulong frame, ref int ip, int operand) =>
        ref Unsafe.As<ulong, System.Runtime.Intrinsics.Vector128<T>>(ref Slot(ref frame, ref ip, operand));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Imm(ref int ip, int operand) => Unsafe.Add(ref ip, operand);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(float value) => BitConverter.SingleToUInt32Bits(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Bits(double value) => BitConverter.DoubleToUInt64Bits(value);

    /// <summary>spec: 4.4.7 memory instructions — the effective address must lie inside memory with all <paramref name="size"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref byte Address(byte[] memory, ulong address, uint offset, uint size)
    {
        ulong effective = address + offset;
        if (effective + size > (ulong)memory.Length) Throw.Trap(TrapCode.MemoryOutOfBounds);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(memory), (nint)effective);
    }
}
