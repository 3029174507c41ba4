using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Locals (IL arguments and locals), globals (through the context's fields) and select/drop.
internal sealed partial class FunctionCompiler
{
    private ValueType[] _localTypes = new ValueType[16];
    /// <summary>Per WebAssembly local: the IL local, or null for parameters (IL arguments with the same index).</summary>
    private LocalBuilder?[] _locals = new LocalBuilder?[16];
    private int _localCount;

    private void DeclareLocals(FunctionBody body)
    {
        int count = _type.Parameters.Count + (int)body.LocalCount;
        if (_localTypes.Length < count)
        {
            _localTypes = new ValueType[count];
            _locals = new LocalBuilder?[count];
        }
        int index = 0;
        foreach (var parameter in _type.Parameters)
        {
            _localTypes[index] = parameter;
            _locals[index++] = null;
        }
        // The method does not zero all its IL locals (no InitLocals: most are temporaries written before they are
        // read); declared WebAssembly locals start at zero (spec 4.4.10), see EmitZeroLocals.
        foreach (var run in body.Locals)
        {
            var clr = ClrTypes.Of(run.Type);
            for (uint i = 0; i < run.Count; i++)
            {
                _localTypes[index] = run.Type;
                _locals[index++] = _il.DeclareLocal(clr);
            }
        }
        _localCount = index;
    }

    /// <summary>Zeroes the declared locals. The JIT drops the stores to locals written before they are read.</summary>
    private void EmitZeroLocals()
    {
        for (int i = _type.Parameters.Count; i < _localCount; i++)
        {
            var local = _locals[i]!;
            switch (_localTypes[i])
            {
                case ValueType.I32:
                    _il.Emit(OpCodes.Ldc_I4_0);
                    break;
                case ValueType.F32:
                    _il.Emit(OpCodes.Ldc_R4, 0f);
                    break;
                case ValueType.F64:
                    _il.Emit(OpCodes.Ldc_R8, 0d);
                    break;
                case ValueType.V128:
                    _il.Emit(OpCodes.Ldloca, local);
                    _il.Emit(OpCodes.Initobj, typeof(V128));
                    continue;
                default:
                    _il.Emit(OpCodes.Ldc_I8, 0L);
                    break;
            }
            _il.Emit(OpCodes.Stloc, local);
        }
    }

    private void CompileLocalGet(uint index)
    {
        EmitLocalValue(index);
        Push(_localTypes[index]);
    }

    /// <summary>Pushes the local's value: from its wide copy's low 32 bits while it has one (see BeginWideLocals).</summary>
    private void EmitLocalValue(uint index)
    {
        if (_wideLocals is { } wide && wide.TryGetValue((int)index, out var copy))
        {
            _il.Emit(OpCodes.Ldloc, copy.Wide);
            _il.Emit(OpCodes.Conv_I4);
        }
        else
        {
            EmitLoadLocal(index);
        }
    }

    private void EmitLoadLocal(uint index)
    {
        if (_locals[index] is { } local) _il.Emit(OpCodes.Ldloc, local);
        else LoadArgument((short)index);
    }

    private void CompileLocalSet(uint index)
    {
        Need(1);
        if (!TryStepWideLocal(index)) StoreLocal(index);
        Pop();
    }

    private void CompileLocalTee(uint index)
    {
        Need(1);
        if (TryStepWideLocal(index))
        {
            EmitLocalValue(index);
            return;
        }
        _il.Emit(OpCodes.Dup);
        StoreLocal(index);
    }

    /// <summary>
    /// The one write of a widened induction variable (see BeginWideLocals): the value on the stack is the local plus
    /// its step modulo 2^32, so the copy gets the step added instead, and the value is dropped.
    /// </summary>
    private bool TryStepWideLocal(uint index)
    {
        if (_wideLocals is not { } wide || !wide.TryGetValue((int)index, out var copy)) return false;
        _il.Emit(OpCodes.Pop);
        _il.Emit(OpCodes.Ldloc, copy.Wide);
        _il.Emit(OpCodes.Ldc_I8, copy.Step);
        _il.Emit(OpCodes.Add);
        _il.Emit(OpCodes.Stloc, copy.Wide);
        return true;
    }

    private void StoreLocal(uint index)
    {
        if (_locals[index] is { } local)
        {
            _il.Emit(OpCodes.Stloc, local);
        }
        else if (index < 256)
        {
            _il.Emit(OpCodes.Starg_S, (byte)index);
        }
        else
        {
            _il.Emit(OpCodes.Starg, (short)index);
        }
    }

    /// <summary>spec 4.4.5 global.get: the value is kept as raw bits (see <see cref="GlobalInstance"/>).</summary>
    private void CompileGlobalGet(uint index)
    {
        var type = _module.GetGlobalType(index).ValueType;
        var field = _scope.Globals[index];
        LoadContext();
        _il.Emit(OpCodes.Ldfld, field);
        _il.Emit(OpCodes.Ldfld, Members.GlobalBits);
        switch (type)
        {
            case ValueType.I32:
                _il.Emit(OpCodes.Conv_I4);
                break;
            case ValueType.F32:
                _il.Emit(OpCodes.Conv_I4);
                _il.Emit(OpCodes.Call, Members.Int32BitsToSingle);
                break;
            case ValueType.F64:
                _il.Emit(OpCodes.Call, Members.Int64BitsToDouble);
                break;
            case ValueType.V128:
                LoadContext();
                _il.Emit(OpCodes.Ldfld, field);
                _il.Emit(OpCodes.Ldfld, Members.GlobalHighBits);
                _il.Emit(OpCodes.Newobj, Members.V128Constructor);
                break;
        }
        Push(type);
    }

    private void CompileGlobalSet(uint index)
    {
        var type = _module.GetGlobalType(index).ValueType;
        var field = _scope.Globals[index];
        Need(1);
        var value = SpillLocal(_height - 1, type);
        _il.Emit(OpCodes.Stloc, value);
        Pop();
        LoadContext();
        _il.Emit(OpCodes.Ldfld, field);
        if (type == ValueType.V128)
        {
            _il.Emit(OpCodes.Ldloca, value);
            _il.Emit(OpCodes.Call, Members.V128Low);
            _il.Emit(OpCodes.Stfld, Members.GlobalBits);
            LoadContext();
            _il.Emit(OpCodes.Ldfld, field);
            _il.Emit(OpCodes.Ldloca, value);
            _il.Emit(OpCodes.Call, Members.V128High);
            _il.Emit(OpCodes.Stfld, Members.GlobalHighBits);
            return;
        }
        _il.Emit(OpCodes.Ldloc, value);
        switch (type)
        {
            case ValueType.I32:
                _il.Emit(OpCodes.Conv_U8);
                break;
            case ValueType.F32:
                _il.Emit(OpCodes.Call, Members.SingleToInt32Bits);
                _il.Emit(OpCodes.Conv_U8);
                break;
            case ValueType.F64:
                _il.Emit(OpCodes.Call, Members.DoubleToInt64Bits);
                break;
        }
        _il.Emit(OpCodes.Stfld, Members.GlobalBits);
    }

    /// <summary>The mask of an i64 select (an i32 select keeps its mask in the condition's local).</summary>
    private LocalBuilder? _selectMask64;

    /// <summary>spec 4.4.4 select: the first operand if the condition is not zero, else the second.</summary>
    /// <remarks>
    /// Inside loops, integers are selected without a branch: the JIT does not turn branches inside loops into
    /// conditional moves, and a select's condition is often unpredictable, as in CRC loops. Elsewhere, and for other
    /// types, the select is a branch over one store, which the JIT turns into a conditional move where it can (one
    /// instruction after the test, where the mask takes three).
    /// </remarks>
    private void CompileSelect()
    {
        Need(3);
        var type = Peek(1);
        bool conditionIsZeroOrOne = _zeroOrOne[_height - 1];
        bool conditionIsMask = _zeroOrAllOnes[_height - 1];
        var condition = SpillLocal(_height - 1, ValueType.I32);
        var second = SpillLocal(_height - 2, type);
        var result = SpillLocal(_height - 3, type);
        _il.Emit(OpCodes.Stloc, condition);
        _il.Emit(OpCodes.Stloc, second);
        if (type is ValueType.I32 or ValueType.I64 && InsideLoop)
        {
            // (first & mask) | (second & ~mask), where mask = (c | -c) >> 31 is all ones when the condition c is not
            // zero, or just -c when c is known to be 0 or 1, or c itself when it is known to be 0 or -1 (see
            // CompileSignMask). (Written with a compare, the JIT turns it back into a branch.) Both operands meet the
            // mask independently, so the longest chain from an operand to the result is two operations.
            _il.Emit(OpCodes.Ldloc, condition);
            if (conditionIsZeroOrOne)
            {
                _il.Emit(OpCodes.Neg);
            }
            else if (!conditionIsMask)
            {
                _il.Emit(OpCodes.Dup);
                _il.Emit(OpCodes.Neg);
                _il.Emit(OpCodes.Or);
                _il.Emit(OpCodes.Ldc_I4, 31);
                _il.Emit(OpCodes.Shr);
            }
            var mask = condition;
            if (type == ValueType.I64)
            {
                _il.Emit(OpCodes.Conv_I8);
                mask = _selectMask64 ??= _il.DeclareLocal(typeof(long));
            }
            _il.Emit(OpCodes.Stloc, mask);
            _il.Emit(OpCodes.Ldloc, mask);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Ldloc, second);
            _il.Emit(OpCodes.Ldloc, mask);
            _il.Emit(OpCodes.Not);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Or);
        }
        else
        {
            _il.Emit(OpCodes.Stloc, result);
            var keep = _il.DefineLabel();
            _il.Emit(OpCodes.Ldloc, condition);
            _il.Emit(OpCodes.Brtrue, keep);
            _il.Emit(OpCodes.Ldloc, second);
            _il.Emit(OpCodes.Stloc, result);
            _il.MarkLabel(keep);
            _il.Emit(OpCodes.Ldloc, result);
        }
        Pop(3);
        Push(type);
    }
}
