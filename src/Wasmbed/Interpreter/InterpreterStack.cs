using Wasmbed.Runtime;

namespace Wasmbed.Interpreter;

/// <summary>One active function: its code, instance, where it resumes and where its frame starts.</summary>
internal struct CallFrame
{
    public TranslatedFunction Function;
    public ModuleInstance Instance;
    /// <summary>Where execution resumes in <see cref="Function"/> once its callee returns.</summary>
    public int Pc;
    /// <summary>The frame's first slot in <see cref="InterpreterStack.Values"/>.</summary>
    public int FrameStart;
}

/// <summary>
/// The interpreter's per-store stacks (<see cref="Store.InterpreterState"/>): one value stack of slots shared
/// by all frames, and the frame stack. WebAssembly calls push frames here instead of recursing on the .NET
/// stack. Both grow on demand up to the store's <see cref="StoreLimits"/>.
/// </summary>
internal sealed class InterpreterStack
{
    /// <summary>Host functions may call back into WebAssembly; each such call nests an activation on the .NET stack.</summary>
    public const int MaxActivations = 200;

    private const int InitialValueSlots = 1024;
    private const int InitialFrames = 64;

    private readonly int _maxValueSlots;
    private readonly int _maxFrames;

    private InterpreterStack(StoreLimits limits)
    {
        _maxValueSlots = Math.Max(limits.MaxValueStackSlots, 16);
        _maxFrames = Math.Max(limits.MaxCallDepth, 1);
        Values = new ulong[Math.Min(InitialValueSlots, _maxValueSlots)];
        Frames = new CallFrame[Math.Min(InitialFrames, _maxFrames)];
    }

    public ulong[] Values { get; private set; }

    public CallFrame[] Frames { get; private set; }

    /// <summary>Index of the innermost active frame in <see cref="Frames"/>; -1 when nothing runs.</summary>
    public int Depth = -1;

    /// <summary>First slot free for a new activation (set before calling out to the host).</summary>
    public int ValueTop;

    /// <summary>Nested activations (host → WebAssembly calls) currently running.</summary>
    public int Activations;

    public static InterpreterStack Of(Store store) =>
        store.InterpreterState as InterpreterStack ?? (InterpreterStack)(store.InterpreterState = new InterpreterStack(store.Limits));

    /// <summary>Makes room for slots up to <paramref name="end"/> (exclusive); traps past the store's limit.</summary>
    public ulong[] GrowValues(int end)
    {
        if ((uint)end > (uint)_maxValueSlots) Throw.Trap(TrapCode.CallStackExhausted);
        if (end <= Values.Length) return Values;
        long size = Math.Max(end, (long)Values.Length * 2);
        var grown = new ulong[Math.Min(size, _maxValueSlots)];
        Array.Copy(Values, grown, Values.Length);
        Values = grown;
        return grown;
    }

    /// <summary>Makes room for a frame at <paramref name="depth"/>; traps past the store's call depth limit.</summary>
    public CallFrame[] GrowFrames(int depth)
    {
        if (depth >= _maxFrames) Throw.Trap(TrapCode.CallStackExhausted);
        if (depth < Frames.Length) return Frames;
        long size = Math.Max(depth + 1, (long)Frames.Length * 2);
        var grown = new CallFrame[Math.Min(size, _maxFrames)];
        Array.Copy(Frames, grown, Frames.Length);
        Frames = grown;
        return grown;
    }

    /// <summary>The WebAssembly backtrace of the active frames, innermost first.</summary>
    public TraceFrame[] Backtrace()
    {
        var trace = new TraceFrame[Depth + 1];
        for (int i = Depth, j = 0; i >= 0; i--, j++)
        {
            ref var frame = ref Frames[i];
            var description = frame.Instance.Module.Description;
            uint index = frame.Function.FunctionIndex;
            trace[j] = new TraceFrame(frame.Instance.Name, (int)index, description.GetFunctionName(index));
        }
        return trace;
    }
}
