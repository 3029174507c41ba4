// The typed call wrappers behind Function.AsFunc/AsAction, one per arity (0–8).
// All follow one pattern: write the arguments to slots on the stack, call, read the result from slot 0.
using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

[SkipLocalsInit]
internal sealed class TypedAction : TypedCall
{
    public TypedAction(Function function) : base(function, [], []) { }

    public void Invoke()
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>()], []) { }

    public void Invoke(T1 a1)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>()], []) { }

    public void Invoke(T1 a1, T2 a2)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2, T3> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>()], []) { }

    public void Invoke(T1 a1, T2 a2, T3 a3)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2, T3, T4> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>()], []) { }

    public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2, T3, T4, T5> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>()], []) { }

    public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2, T3, T4, T5, T6> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>()], []) { }

    public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        ValueMarshal.Write(slots, ref index, a6);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2, T3, T4, T5, T6, T7> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>()], []) { }

    public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        ValueMarshal.Write(slots, ref index, a6);
        ValueMarshal.Write(slots, ref index, a7);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedAction<T1, T2, T3, T4, T5, T6, T7, T8> : TypedCall
{
    public TypedAction(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>(), ValueMarshal.TypeOf<T8>()], []) { }

    public void Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        ValueMarshal.Write(slots, ref index, a6);
        ValueMarshal.Write(slots, ref index, a7);
        ValueMarshal.Write(slots, ref index, a8);
        Invocation.Call(Store, Target, slots);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke()
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, T3, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2, T3 a3)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, T3, T4, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2, T3 a3, T4 a4)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, T3, T4, T5, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, T3, T4, T5, T6, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        ValueMarshal.Write(slots, ref index, a6);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, T3, T4, T5, T6, T7, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        ValueMarshal.Write(slots, ref index, a6);
        ValueMarshal.Write(slots, ref index, a7);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}

[SkipLocalsInit]
internal sealed class TypedFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult> : TypedCall
{
    public TypedFunc(Function function) : base(function, [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>(), ValueMarshal.TypeOf<T8>()], [ValueMarshal.TypeOf<TResult>()]) { }

    public TResult Invoke(T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8)
    {
        Span<ulong> slots = stackalloc ulong[MaxSlots];
        slots = slots[..SlotCount];
        int index = 0;
        ValueMarshal.Write(slots, ref index, a1);
        ValueMarshal.Write(slots, ref index, a2);
        ValueMarshal.Write(slots, ref index, a3);
        ValueMarshal.Write(slots, ref index, a4);
        ValueMarshal.Write(slots, ref index, a5);
        ValueMarshal.Write(slots, ref index, a6);
        ValueMarshal.Write(slots, ref index, a7);
        ValueMarshal.Write(slots, ref index, a8);
        Invocation.Call(Store, Target, slots);
        index = 0;
        return ValueMarshal.Read<TResult>(slots, ref index);
    }
}
