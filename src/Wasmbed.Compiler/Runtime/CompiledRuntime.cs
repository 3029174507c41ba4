using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// The operations compiled code calls instead of inlining: traps, call_indirect resolution, memory.grow, bulk memory,
/// tables and references. Each takes the instruction's operands first, then its immediates, then the context, so
/// generated code pushes nothing before the operands already on the evaluation stack. Semantics and trap codes
/// match the interpreter's.
/// </summary>
internal static class CompiledRuntime
{
    /// <summary>The exception for a trap; generated code throws it (<c>throw Trap(code)</c>) so the JIT keeps the path cold.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static Exception Trap(TrapCode code) => new TrapException(code);

    /// <summary>
    /// spec 4.4.8 call_indirect: the function at <paramref name="element"/> of the table, checked against the expected
    /// type. Generated code calls this; the JIT inlines it, with the table and type as constants, down to the table
    /// read and one compare with the cached resolution of that element's function.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static CallTarget ResolveIndirect(int element, int tableIndex, int typeIndex, CompiledInstance context)
    {
        var elements = context.Instance.Tables[tableIndex].Elements;
        if ((uint)element < (uint)elements.Length)
        {
            ulong handle = elements[element];
            // The mask keeps the index inside the cache, whose size is a power of two.
            ref var cached = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(context.IndirectCache), (int)handle & (CompiledInstance.IndirectCacheSize - 1));
            if (cached.Key == CompiledInstance.IndirectCacheEntry.KeyOf(handle, typeIndex)) return cached.Target!;
        }
        return ResolveIndirectSlow(element, tableIndex, typeIndex, context);
    }

    /// <summary>The rest of call_indirect: traps for a missing element, a null one or the wrong type; fills the cache.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static CallTarget ResolveIndirectSlow(int element, int tableIndex, int typeIndex, CompiledInstance context)
    {
        var elements = context.Instance.Tables[tableIndex].Elements;
        if ((uint)element >= (uint)elements.Length) throw new TrapException(TrapCode.UndefinedElement);
        ulong handle = elements[element];
        if (handle == 0) throw new TrapException(TrapCode.UninitializedElement);
        var target = ResolveUncached(handle, typeIndex, context);
        ref var cached = ref context.IndirectCache[(int)handle & (CompiledInstance.IndirectCacheSize - 1)];
        cached.Target = target;
        cached.Key = CompiledInstance.IndirectCacheEntry.KeyOf(handle, typeIndex);
        return target;
    }

    private static CallTarget ResolveUncached(ulong handle, int typeIndex, CompiledInstance context)
    {
        var instance = context.Instance;
        var function = instance.Store.ResolveFunction(handle);
        var expected = instance.Types[typeIndex];
        // Types are interned by the engine, so the reference test decides; the structural one is a safety net.
        if (!ReferenceEquals(function.Type, expected) && !function.Type.Equals(expected))
            throw new TrapException(TrapCode.IndirectCallTypeMismatch);
        return context.TargetOf(function, typeIndex);
    }

    /// <summary>Runs a defined function in the interpreter (for frames too large for the stack guard, see FunctionCompiler).</summary>
    public static void Interpret(Span<ulong> slots, int definedIndex, int remainingDepth, CompiledInstance context)
    {
        var instance = context.Instance;
        var function = instance.Functions[instance.Module.Description.ImportedFunctionCount + definedIndex];
        var state = context.State;
        var saved = state.HandOff(remainingDepth);
        try
        {
            Wasmbed.Interpreter.Executor.Invoke(state.Store, function, slots);
        }
        finally
        {
            state.Restore(saved);
        }
    }

    /// <summary>spec 4.4.7 memory.grow: the old size in pages, or -1.</summary>
    public static int MemoryGrow(int delta, CompiledInstance context) => context.Instance.Memories[0].Grow((uint)delta);

    /// <summary>spec 4.4.7 memory.init: traps when either range is out of bounds, before copying anything.</summary>
    public static void MemoryInit(int destination, int source, int count, int segment, CompiledInstance context)
    {
        var data = context.Instance.DataSegments[segment].Span;
        var memory = context.Instance.Memories[0].Bytes;
        uint to = (uint)destination, from = (uint)source, n = (uint)count;
        if ((ulong)from + n > (ulong)data.Length || (ulong)to + n > (ulong)memory.Length) throw new TrapException(TrapCode.MemoryOutOfBounds);
        data.Slice((int)from, (int)n).CopyTo(memory.AsSpan((int)to));
    }

    /// <summary>spec 4.4.7 data.drop.</summary>
    public static void DataDrop(int segment, CompiledInstance context) => context.Instance.DataSegments[segment] = ReadOnlyMemory<byte>.Empty;

    /// <summary>spec 4.4.7 memory.copy: overlapping ranges copy as if through a temporary buffer.</summary>
    public static void MemoryCopy(int destination, int source, int count, CompiledInstance context)
    {
        var memory = context.Instance.Memories[0].Bytes;
        uint to = (uint)destination, from = (uint)source, n = (uint)count;
        if ((ulong)from + n > (ulong)memory.Length || (ulong)to + n > (ulong)memory.Length) throw new TrapException(TrapCode.MemoryOutOfBounds);
        memory.AsSpan((int)from, (int)n).CopyTo(memory.AsSpan((int)to));
    }

    /// <summary>spec 4.4.7 memory.fill.</summary>
    public static void MemoryFill(int destination, int value, int count, CompiledInstance context)
    {
        var memory = context.Instance.Memories[0].Bytes;
        uint to = (uint)destination, n = (uint)count;
        if ((ulong)to + n > (ulong)memory.Length) throw new TrapException(TrapCode.MemoryOutOfBounds);
        memory.AsSpan((int)to, (int)n).Fill((byte)value);
    }

    /// <summary>spec 4.4.6 table.get.</summary>
    public static long TableGet(int index, int tableIndex, CompiledInstance context)
    {
        var elements = context.Instance.Tables[tableIndex].Elements;
        if ((uint)index >= (uint)elements.Length) throw new TrapException(TrapCode.TableOutOfBounds);
        return (long)elements[index];
    }

    /// <summary>spec 4.4.6 table.set.</summary>
    public static void TableSet(int index, long value, int tableIndex, CompiledInstance context)
    {
        var elements = context.Instance.Tables[tableIndex].Elements;
        if ((uint)index >= (uint)elements.Length) throw new TrapException(TrapCode.TableOutOfBounds);
        elements[index] = (ulong)value;
    }

    /// <summary>spec 4.4.6 table.size.</summary>
    public static int TableSize(int tableIndex, CompiledInstance context) => (int)context.Instance.Tables[tableIndex].Size;

    /// <summary>spec 4.4.6 table.grow: the old size, or -1.</summary>
    public static int TableGrow(long initial, int delta, int tableIndex, CompiledInstance context) =>
        context.Instance.Tables[tableIndex].Grow((uint)delta, (ulong)initial);

    /// <summary>spec 4.4.6 table.fill: traps when the range exceeds the table, before writing anything.</summary>
    public static void TableFill(int start, long value, int count, int tableIndex, CompiledInstance context)
    {
        var elements = context.Instance.Tables[tableIndex].Elements;
        uint i = (uint)start, n = (uint)count;
        if ((ulong)i + n > (ulong)elements.Length) throw new TrapException(TrapCode.TableOutOfBounds);
        elements.AsSpan((int)i, (int)n).Fill((ulong)value);
    }

    /// <summary>spec 4.4.6 table.copy.</summary>
    public static void TableCopy(int destination, int source, int count, int destinationTable, int sourceTable, CompiledInstance context)
    {
        var to = context.Instance.Tables[destinationTable].Elements;
        var from = context.Instance.Tables[sourceTable].Elements;
        uint d = (uint)destination, s = (uint)source, n = (uint)count;
        if ((ulong)s + n > (ulong)from.Length || (ulong)d + n > (ulong)to.Length) throw new TrapException(TrapCode.TableOutOfBounds);
        from.AsSpan((int)s, (int)n).CopyTo(to.AsSpan((int)d));
    }

    /// <summary>spec 4.4.6 table.init.</summary>
    public static void TableInit(int destination, int source, int count, int segment, int tableIndex, CompiledInstance context)
    {
        var elements = context.Instance.ElementSegments[segment];
        var table = context.Instance.Tables[tableIndex].Elements;
        uint d = (uint)destination, s = (uint)source, n = (uint)count;
        if ((ulong)s + n > (ulong)elements.Length || (ulong)d + n > (ulong)table.Length) throw new TrapException(TrapCode.TableOutOfBounds);
        elements.AsSpan((int)s, (int)n).CopyTo(table.AsSpan((int)d));
    }

    /// <summary>spec 4.4.6 elem.drop.</summary>
    public static void ElemDrop(int segment, CompiledInstance context) => context.Instance.ElementSegments[segment] = [];

    /// <summary>spec 4.4.3 ref.func: the function's store handle.</summary>
    public static long RefFunc(int functionIndex, CompiledInstance context) => (long)context.Instance.Functions[functionIndex].Handle;

    /// <summary>A float from its bits without the JIT seeing a constant (it would quiet a signaling NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static float F32FromBits(int bits) => BitConverter.Int32BitsToSingle(bits);

    /// <summary>A double from its bits without the JIT seeing a constant (it would quiet a signaling NaN).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static double F64FromBits(long bits) => BitConverter.Int64BitsToDouble(bits);

    /// <summary>The value, with a NaN's quiet bit set: what arithmetic the JIT folded away would have produced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float F32Quiet(float value) => float.IsNaN(value) ? Wasmbed.Runtime.Numerics.FloatOps.F32QuietNaN(value) : value;

    /// <summary>The value, with a NaN's quiet bit set: what arithmetic the JIT folded away would have produced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double F64Quiet(double value) => double.IsNaN(value) ? Wasmbed.Runtime.Numerics.FloatOps.F64QuietNaN(value) : value;

    /// <summary>A segment's fuel charge (see FunctionCompiler.Sandbox.cs): traps with OutOfFuel, consuming nothing, when too little is left.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ChargeFuel(long cost, CompiledInstance context) => FuelMeter.Charge(context.State.Store, cost);

    /// <summary>The dynamic charge of a bulk instruction, from its count operand.</summary>
    public static void ChargeDynamicFuel(int count, int scale, CompiledInstance context) =>
        FuelMeter.ChargeDynamic(context.State.Store, (uint)count, scale);

    /// <summary>The interruption check at function entries and loop headers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckInterrupt(CompiledInstance context) => Interruption.Check(context.State.Store);
}
