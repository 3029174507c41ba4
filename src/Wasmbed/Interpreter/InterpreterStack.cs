using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmbed.Format;
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
/// The interpreter's per-store state (<see cref="Store.InterpreterState"/>): one value stack of slots shared
/// by all frames, the frame stack, and the instance the innermost frame runs in. WebAssembly calls push frames
/// here instead of recursing on the .NET stack. Both stacks grow on demand up to the store's
/// <see cref="StoreLimits"/>.
/// </summary>
/// <remarks>
/// The dispatch loop keeps only the code position, the frame and the memory in locals (so the JIT can keep
/// them in registers); everything it needs less often is read from here.
/// </remarks>
internal sealed class InterpreterStack
{
    /// <summary>Host functions may call back into WebAssembly; each such call nests an activation on the .NET stack.</summary>
    public const int MaxActivations = 200;

    private const int InitialValueSlots = 1024;
    private const int InitialFrames = 64;

    /// <summary>Stands in for the memory of instances that have none, so the executor never tests for null.</summary>
    private static readonly MemoryInstance NoMemory = new(new MemoryType(new Limits(0, 0)));

    private readonly int _maxValueSlots;
    private readonly int _maxFrames;

    private InterpreterStack(Store store)
    {
        Store = store;
        _maxValueSlots = Math.Max(store.Limits.MaxValueStackSlots, 16);
        _maxFrames = Math.Max(store.Limits.MaxCallDepth, 1);
        Values = new ulong[Math.Min(InitialValueSlots, _maxValueSlots)];
        Frames = new CallFrame[Math.Min(InitialFrames, _maxFrames)];
    }

    public Store Store { get; }

    public ulong[] Values { get; private set; }

    public CallFrame[] Frames { get; private set; }

    /// <summary>Index of the innermost active frame in <see cref="Frames"/>; -1 when nothing runs.</summary>
    public int Depth = -1;

    /// <summary>First slot free for a new activation (set before calling out to the host).</summary>
    public int ValueTop;

    /// <summary>Nested activations (host → WebAssembly calls) currently running.</summary>
    public int Activations;

    /// <summary>
    /// Set by a fuel charge that found too little fuel, after it recorded its position in the innermost frame:
    /// the frames are intact and execution can resume there. Cleared whenever an activation ends.
    /// </summary>
    public bool SuspendedForFuel;

    /// <summary>The instance of the innermost frame, with its memory (or an empty stand-in) and translations.</summary>
    public ModuleInstance Instance = null!;
    public MemoryInstance Memory = NoMemory;
    public object?[] Translations = [];

    public static InterpreterStack Of(Store store) =>
        store.InterpreterState as InterpreterStack ?? (InterpreterStack)(store.InterpreterState = new InterpreterStack(store));

    public static MemoryInstance MemoryOf(ModuleInstance instance) => instance.Memories.Length != 0 ? instance.Memories[0] : NoMemory;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enter(ModuleInstance instance)
    {
        if (!ReferenceEquals(instance, Instance)) Switch(instance);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Switch(ModuleInstance instance)
    {
        Instance = instance;
        Memory = MemoryOf(instance);
        Translations = instance.Module.Translations;
    }

    /// <summary>
    /// Calls <paramref name="callee"/>: records where the current frame resumes (the instruction after the one at
    /// <paramref name="ip"/>, <paramref name="length"/> ints long) and pushes a frame starting at the current
    /// frame's slot <paramref name="argumentOffset"/>, where the arguments already are. Returns the new frame.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ulong PushFrame(ref int ip, int length, TranslatedFunction callee, ModuleInstance calleeInstance, int argumentOffset)
    {
        ref var caller = ref Frames[Depth];
        caller.Pc = (int)(Unsafe.ByteOffset(ref MemoryMarshal.GetArrayDataReference(caller.Function.Code), ref ip) >> 2) + length;
        int start = caller.FrameStart + argumentOffset;
        int depth = Depth + 1;
        if (depth >= Frames.Length) GrowFrames(depth);
        if (start + callee.FrameSlots > Values.Length) GrowValues(start + callee.FrameSlots);
        ref var next = ref Frames[depth];
        // Recursion and loops of calls reuse frames with the same function: skip the GC write barriers then.
        if (!ReferenceEquals(next.Function, callee)) next.Function = callee;
        if (!ReferenceEquals(next.Instance, calleeInstance)) next.Instance = calleeInstance;
        next.Pc = 0;
        next.FrameStart = start;
        Depth = depth;
        ref ulong frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Values), start);
        // spec: 4.4.10 invocation — declared locals start at zero.
        for (int i = callee.ParameterSlots, end = callee.LocalSlots; i < end; i++) Unsafe.Add(ref frame, i) = 0;
        return ref frame;
    }

    /// <summary>The slots of frame <paramref name="depth"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref ulong FrameAt(int depth) => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Values), Frames[depth].FrameStart);

    /// <summary>Where frame <paramref name="depth"/> resumes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref int ResumeAt(int depth)
    {
        ref var frame = ref Frames[depth];
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(frame.Function.Code), frame.Pc);
    }

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
    public TraceFrame[] Backtrace() => Backtrace(Depth);

    /// <summary>The WebAssembly backtrace of the frames from <paramref name="innermost"/> down to the first, innermost first.</summary>
    public TraceFrame[] Backtrace(int innermost)
    {
        var trace = new TraceFrame[innermost + 1];
        for (int i = innermost, j = 0; i >= 0; i--, j++)
        {
            ref var frame = ref Frames[i];
            var description = frame.Instance.Module.Description;
            uint index = frame.Function.FunctionIndex;
            trace[j] = new TraceFrame(frame.Instance.Name, (int)index, description.GetFunctionName(index));
        }
        return trace;
    }
}
