using Wasmbed.Runtime;

namespace Wasmbed.Interpreter;

// Calls that can be resumed after running out of fuel (Function.InvokeResumable). The interpreter keeps every
// WebAssembly frame on its own stacks, so a call stopped at a fuel charge is just a copy of its frames and slots.
internal static partial class Executor
{
    /// <summary>Calls <paramref name="function"/>; returns null when it completed, or its frames when it ran out of fuel.</summary>
    public static SuspendedCall? InvokeResumable(Store store, FunctionInstance function, Span<ulong> slots)
    {
        if (function is HostFunction host)
        {
            InvokeHostDirectly(store, host, slots);
            return null;
        }
        return Execute(store, (WasmFunction)function, null, slots, resumable: true);
    }

    /// <summary>Continues a suspended call at the charge that stopped it; returns null when it completed, or its new suspension.</summary>
    public static SuspendedCall? Resume(Store store, SuspendedCall call, Span<ulong> slots) =>
        Execute(store, null, call, slots, resumable: true);
}

/// <summary>
/// The frames and value slots of a call that ran out of fuel, copied off the store's stacks (which go back to
/// serving other calls) with frame positions relative to the call's first slot.
/// </summary>
internal sealed class SuspendedCall
{
    private readonly CallFrame[] _frames;
    private readonly ulong[] _values;

    private SuspendedCall(CallFrame[] frames, ulong[] values, int resultSlots, TrapException trap)
    {
        _frames = frames;
        _values = values;
        ResultSlots = resultSlots;
        Trap = trap;
    }

    public int ResultSlots { get; }

    /// <summary>The <see cref="TrapCode.OutOfFuel"/> trap that stopped the call, with its backtrace.</summary>
    public TrapException Trap { get; }

    /// <summary>Copies the frames above <paramref name="baseDepth"/> and the slots from <paramref name="baseSlot"/> they use.</summary>
    public static SuspendedCall Capture(InterpreterStack stack, int baseDepth, int baseSlot, TrapException trap)
    {
        int count = stack.Depth - baseDepth;
        var frames = new CallFrame[count];
        int end = baseSlot;
        for (int i = 0; i < count; i++)
        {
            var frame = stack.Frames[baseDepth + 1 + i];
            end = Math.Max(end, frame.FrameStart + frame.Function.FrameSlots);
            frame.FrameStart -= baseSlot;
            frames[i] = frame;
        }
        var values = stack.Values.AsSpan(baseSlot, end - baseSlot).ToArray();
        return new SuspendedCall(frames, values, frames[0].Function.ResultSlots, trap);
    }

    /// <summary>Puts the frames back above <paramref name="baseDepth"/>, their slots from <paramref name="baseSlot"/>.</summary>
    public void Restore(InterpreterStack stack, int baseDepth, int baseSlot)
    {
        var frames = stack.GrowFrames(baseDepth + _frames.Length);
        var values = stack.GrowValues(baseSlot + _values.Length);
        _values.CopyTo(values.AsSpan(baseSlot));
        for (int i = 0; i < _frames.Length; i++)
        {
            var frame = _frames[i];
            frame.FrameStart += baseSlot;
            frames[baseDepth + 1 + i] = frame;
        }
        stack.Depth = baseDepth + _frames.Length;
    }
}
