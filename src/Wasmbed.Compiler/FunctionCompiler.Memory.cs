using System.Reflection;
using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Memory instructions (spec 4.4.7). Memory 0's bytes are cached in two IL locals — a reference to the first byte and
// the length — reloaded after memory.grow and after calls that may run it (MemoryGrowthAnalysis), the only things that
// can replace the array. Each access is one compare of the address with length - (offset + size); past it, the access
// traps. Accesses of counted loops may be checked once at the loop's entry instead (FunctionCompiler.LoopVersioning.cs).
internal sealed partial class FunctionCompiler
{
    private bool _usesMemory;
    private LocalBuilder? _memoryBase;
    private LocalBuilder? _memoryLength;
    private LocalBuilder? _address;
    private LocalBuilder? _lanePointer;

    private void EmitReloadMemory()
    {
        _memoryBase ??= _il.DeclareLocal(typeof(byte).MakeByRefType());
        _memoryLength ??= _il.DeclareLocal(typeof(ulong));
        LoadContext();
        _il.Emit(OpCodes.Ldfld, _scope.Memory!);
        _il.Emit(OpCodes.Ldfld, Members.MemoryData);
        _il.Emit(OpCodes.Dup);
        _il.Emit(OpCodes.Ldlen);
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _memoryLength);
        _il.Emit(OpCodes.Call, Members.ArrayDataReference);
        _il.Emit(OpCodes.Stloc, _memoryBase);
    }

    private void ReloadMemoryIfUsed()
    {
        if (_usesMemory) EmitReloadMemory();
    }

    /// <summary>
    /// With the i32 address on top of the evaluation stack, checks that <paramref name="size"/> bytes at
    /// address + <paramref name="offset"/> lie inside memory and leaves a reference to the first of them.
    /// </summary>
    private void EmitEffectiveAddress(ulong offset, int size)
    {
        if (WideAddress is { } form)
        {
            // The address, computed again in 64 bits from the wide locals (FunctionCompiler.LoopVersioning.cs).
            _il.Emit(OpCodes.Pop);
            EmitFormAsInt64(form);
        }
        else
        {
            _il.Emit(OpCodes.Conv_U8);
        }
        // Checked at the entry of the loop instead (FunctionCompiler.LoopVersioning.cs).
        if (!AccessIsProven)
        {
            _address ??= _il.DeclareLocal(typeof(ulong));
            _il.Emit(OpCodes.Stloc, _address);
            // address ≤ length - (offset + size), compared signed: address < 2^32, the length at most 2^32 and
            // offset + size < 2^33, so nothing overflows, and a length below offset + size makes the right side
            // negative. The right side depends only on the length, so the JIT computes it once outside loops that do
            // not call.
            var inBounds = _il.DefineLabel();
            _il.Emit(OpCodes.Ldloc, _address);
            _il.Emit(OpCodes.Ldloc, _memoryLength!);
            _il.Emit(OpCodes.Ldc_I8, (long)(offset + (ulong)size));
            _il.Emit(OpCodes.Sub);
            _il.Emit(OpCodes.Ble, inBounds);
            EmitTrap(TrapCode.MemoryOutOfBounds);
            _il.MarkLabel(inBounds);
            _il.Emit(OpCodes.Ldloc, _address);
        }
        if (offset != 0)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)offset);
            _il.Emit(OpCodes.Add);
        }
        _il.Emit(OpCodes.Conv_U);
        _il.Emit(OpCodes.Ldloc, _memoryBase!);
        _il.Emit(OpCodes.Add);
    }

    private void CompileLoad(in Instruction instruction)
    {
        Need(1);
        Pop();
        var op = instruction.Opcode;
        EmitEffectiveAddress(instruction.Value, AccessSize(op));
        _il.Emit(OpCodes.Unaligned, (byte)1);
        switch (op)
        {
            case Opcode.I32Load: _il.Emit(OpCodes.Ldind_I4); break;
            case Opcode.I64Load: _il.Emit(OpCodes.Ldind_I8); break;
            case Opcode.F32Load: _il.Emit(OpCodes.Ldind_R4); break;
            case Opcode.F64Load: _il.Emit(OpCodes.Ldind_R8); break;
            case Opcode.I32Load8S: _il.Emit(OpCodes.Ldind_I1); break;
            case Opcode.I32Load8U: _il.Emit(OpCodes.Ldind_U1); break;
            case Opcode.I32Load16S: _il.Emit(OpCodes.Ldind_I2); break;
            case Opcode.I32Load16U: _il.Emit(OpCodes.Ldind_U2); break;
            case Opcode.I64Load8S: _il.Emit(OpCodes.Ldind_I1); _il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Load8U: _il.Emit(OpCodes.Ldind_U1); _il.Emit(OpCodes.Conv_U8); break;
            case Opcode.I64Load16S: _il.Emit(OpCodes.Ldind_I2); _il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Load16U: _il.Emit(OpCodes.Ldind_U2); _il.Emit(OpCodes.Conv_U8); break;
            case Opcode.I64Load32S: _il.Emit(OpCodes.Ldind_I4); _il.Emit(OpCodes.Conv_I8); break;
            case Opcode.I64Load32U: _il.Emit(OpCodes.Ldind_U4); _il.Emit(OpCodes.Conv_U8); break;
            case Opcode.V128Load: _il.Emit(OpCodes.Ldobj, typeof(V128)); break;
            default:
                // v128.loadNxM_s/u, loadN_splat, loadN_zero: read the bits, then a Vector128 factory builds the vector.
                var method = Numerics.Method(op);
                _il.Emit(OpCodes.Ldobj, method.GetParameters()[0].ParameterType);
                EmitVectorFromLoad(op);
                Push(ValueType.V128);
                return;
        }
        Push(instruction.Info.Outputs![0]);
    }

    private void CompileStore(in Instruction instruction)
    {
        Need(2);
        var op = instruction.Opcode;
        var valueType = Pop();
        var value = SpillLocal(_height, valueType);
        _il.Emit(OpCodes.Stloc, value);
        Pop();
        EmitEffectiveAddress(instruction.Value, AccessSize(op));
        _il.Emit(OpCodes.Ldloc, value);
        switch (op)
        {
            case Opcode.I64Store8:
            case Opcode.I64Store16:
            case Opcode.I64Store32:
                _il.Emit(OpCodes.Conv_I4);
                break;
        }
        _il.Emit(OpCodes.Unaligned, (byte)1);
        switch (op)
        {
            case Opcode.I32Store: _il.Emit(OpCodes.Stind_I4); break;
            case Opcode.I64Store: _il.Emit(OpCodes.Stind_I8); break;
            case Opcode.F32Store: _il.Emit(OpCodes.Stind_R4); break;
            case Opcode.F64Store: _il.Emit(OpCodes.Stind_R8); break;
            case Opcode.I32Store8: case Opcode.I64Store8: _il.Emit(OpCodes.Stind_I1); break;
            case Opcode.I32Store16: case Opcode.I64Store16: _il.Emit(OpCodes.Stind_I2); break;
            case Opcode.I64Store32: _il.Emit(OpCodes.Stind_I4); break;
            default: _il.Emit(OpCodes.Stobj, typeof(V128)); break;
        }
    }

    /// <summary>v128.loadN_lane: [address, vector] → the vector with one lane read from memory (Vector128.WithElement).</summary>
    private void CompileLoadLane(in Instruction instruction)
    {
        var (vector, lane) = BeginLaneAccess(in instruction);
        var pointer = _lanePointer ??= _il.DeclareLocal(typeof(byte).MakeByRefType());
        _il.Emit(OpCodes.Stloc, pointer);
        LoadVector(vector, lane);
        LoadInt(instruction.Lane);
        _il.Emit(OpCodes.Ldloc, pointer);
        EmitLoadIndirect(lane);
        _il.Emit(OpCodes.Call, VectorRecipe.WithElement(lane));
        StoreVectorResult(typeof(System.Runtime.Intrinsics.Vector128<>).MakeGenericType(lane), _height);
        Push(ValueType.V128);
    }

    /// <summary>v128.storeN_lane: [address, vector] → one lane written to memory (Vector128.GetElement).</summary>
    private void CompileStoreLane(in Instruction instruction)
    {
        var (vector, lane) = BeginLaneAccess(in instruction);
        LoadVector(vector, lane);
        LoadInt(instruction.Lane);
        _il.Emit(OpCodes.Call, VectorRecipe.GetElement(lane));
        _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(OpCodes.Stobj, lane);
    }

    /// <summary>
    /// The common start of loadN_lane and storeN_lane: the vector operand moves to its spill local, both operands leave
    /// the model, and the checked reference to the lane's bytes is left on the stack. Returns the local and the lane type.
    /// </summary>
    private (LocalBuilder Vector, Type Lane) BeginLaneAccess(in Instruction instruction)
    {
        Need(2);
        var vector = SpillLocal(_height - 1, ValueType.V128);
        _il.Emit(OpCodes.Stloc, vector);
        Pop();
        Pop();
        int size = AccessSize(instruction.Opcode);
        EmitEffectiveAddress(instruction.Value, size);
        return (vector, VectorRecipe.LaneOfMemoryAccess(size));
    }

    private void EmitLoadIndirect(Type type)
    {
        _il.Emit(OpCodes.Unaligned, (byte)1);
        _il.Emit(OpCodes.Ldobj, type);
    }

    private static int AccessSize(Opcode op) => 1 << OpcodeTable.Get(op).NaturalAlignment;

    private void CompileMemorySize()
    {
        _il.Emit(OpCodes.Ldloc, _memoryLength!);
        _il.Emit(OpCodes.Ldc_I4, 16);
        _il.Emit(OpCodes.Shr_Un);
        _il.Emit(OpCodes.Conv_I4);
        Push(ValueType.I32);
    }

    /// <summary>memory.grow and the bulk memory instructions run in <see cref="Runtime.CompiledRuntime"/>; operands first, then immediates, then the context.</summary>
    private void CompileRuntimeCall(MethodInfo method, int operands, ValueType? result, params int[] immediates)
    {
        Need(operands);
        foreach (int immediate in immediates) LoadInt(immediate);
        LoadContext();
        _il.Emit(OpCodes.Call, method);
        Pop(operands);
        if (result is { } type) Push(type);
    }
}
