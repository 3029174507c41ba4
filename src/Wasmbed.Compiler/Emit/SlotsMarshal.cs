using System.Reflection.Emit;

namespace Wasmbed.Compiler.Emit;

/// <summary>
/// Moves typed values to and from the slots calling convention (see <see cref="FunctionInstance"/>): one 8-byte slot
/// per value, two for v128; i32 and f32 zero-extended.
/// </summary>
internal static class SlotsMarshal
{
    public static int SlotsOf(ValueType type) => type == ValueType.V128 ? 2 : 1;

    /// <summary>Room for a call of <paramref name="signature"/>: the larger of its parameter and result slots (at least 1).</summary>
    public static int SlotCount(FunctionType signature) =>
        Math.Max(Math.Max(FunctionInstance.SlotCount(signature.Parameters), FunctionInstance.SlotCount(signature.Results)), 1);

    /// <summary>Declares a native-int local pointing at stack-allocated slots (localloc: the evaluation stack must be empty).</summary>
    public static LocalBuilder AllocateSlots(ILGenerator il, int count)
    {
        var slots = il.DeclareLocal(typeof(nint));
        il.Emit(OpCodes.Ldc_I4, count * 8);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Localloc);
        il.Emit(OpCodes.Stloc, slots);
        return slots;
    }

    /// <summary>Writes the IL arguments 0.. (the WebAssembly parameters) into the slots.</summary>
    public static void StoreParameters(ILGenerator il, FunctionType signature, LocalBuilder slots)
    {
        int slot = 0;
        for (int i = 0; i < signature.Parameters.Count; i++)
        {
            EmitSlotAddress(il, slots, slot);
            EmitLoadArgument(il, i);
            EmitWriteSlot(il, signature.Parameters[i]);
            slot += SlotsOf(signature.Parameters[i]);
        }
    }

    /// <summary>Pushes a <c>Span&lt;ulong&gt;</c> over the slots.</summary>
    public static void LoadSpan(ILGenerator il, LocalBuilder slots, int count)
    {
        il.Emit(OpCodes.Ldloc, slots);
        il.Emit(OpCodes.Ldc_I4, count);
        il.Emit(OpCodes.Newobj, typeof(Span<ulong>).GetConstructor([typeof(void*), typeof(int)])!);
    }

    /// <summary>Stores results after the first through the out arguments, then pushes the first (if any) for <c>ret</c>.</summary>
    public static void LoadResults(ILGenerator il, FunctionType signature, LocalBuilder slots)
    {
        int slot = signature.Results.Count > 0 ? SlotsOf(signature.Results[0]) : 0;
        for (int k = 1; k < signature.Results.Count; k++)
        {
            var result = signature.Results[k];
            EmitLoadArgument(il, signature.Parameters.Count + k - 1);
            EmitSlotAddress(il, slots, slot);
            EmitReadSlot(il, result);
            il.Emit(OpCodes.Stobj, ClrTypes.Of(result));
            slot += SlotsOf(result);
        }
        if (signature.Results.Count > 0)
        {
            EmitSlotAddress(il, slots, 0);
            EmitReadSlot(il, signature.Results[0]);
        }
    }

    public static void EmitSlotAddress(ILGenerator il, LocalBuilder slots, int slot)
    {
        il.Emit(OpCodes.Ldloc, slots);
        if (slot == 0) return;
        il.Emit(OpCodes.Ldc_I4, slot * 8);
        il.Emit(OpCodes.Add);
    }

    /// <summary>Reads a value from the slot whose address is on the stack (i32/f32 are the low 32 bits, little-endian).</summary>
    public static void EmitReadSlot(ILGenerator il, ValueType type)
    {
        switch (type)
        {
            case ValueType.I32: il.Emit(OpCodes.Ldind_I4); break;
            case ValueType.F32: il.Emit(OpCodes.Ldind_R4); break;
            case ValueType.F64: il.Emit(OpCodes.Ldind_R8); break;
            case ValueType.V128: il.Emit(OpCodes.Ldobj, typeof(V128)); break;
            default: il.Emit(OpCodes.Ldind_I8); break;
        }
    }

    /// <summary>Writes the value on the stack to the slot whose address is below it; i32 and f32 are zero-extended.</summary>
    public static void EmitWriteSlot(ILGenerator il, ValueType type)
    {
        switch (type)
        {
            case ValueType.I32:
                il.Emit(OpCodes.Conv_U8);
                il.Emit(OpCodes.Stind_I8);
                break;
            case ValueType.F32:
                il.Emit(OpCodes.Call, Members.SingleToInt32Bits);
                il.Emit(OpCodes.Conv_U8);
                il.Emit(OpCodes.Stind_I8);
                break;
            case ValueType.F64:
                il.Emit(OpCodes.Stind_R8);
                break;
            case ValueType.V128:
                il.Emit(OpCodes.Stobj, typeof(V128));
                break;
            default:
                il.Emit(OpCodes.Stind_I8);
                break;
        }
    }

    public static void EmitLoadArgument(ILGenerator il, int index)
    {
        if (index < 256) il.Emit(OpCodes.Ldarg_S, (byte)index);
        else il.Emit(OpCodes.Ldarg, (short)index);
    }
}
