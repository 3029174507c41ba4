using Wasmbed.Format;

namespace Wasmbed.Interpreter;

// Instruction-by-instruction translation (everything but block structure, branches and calls).
internal sealed partial class Translator
{
    private void TranslateInstruction(in Instruction instruction)
    {
        uint index = instruction.Index;
        switch (instruction.Opcode)
        {
            case Opcode.Unreachable:
                Emit(Op.Unreachable);
                MarkUnreachable();
                return;
            case Opcode.Nop:
                return;
            case Opcode.Block:
                TranslateBlock(instruction.Block, ControlKind.Block);
                return;
            case Opcode.Loop:
                TranslateBlock(instruction.Block, ControlKind.Loop);
                return;
            case Opcode.If:
                TranslateIf(instruction.Block);
                return;
            case Opcode.Else:
                TranslateElse();
                return;
            case Opcode.End:
                TranslateEnd();
                return;
            case Opcode.Br:
                TranslateBr(index);
                return;
            case Opcode.BrIf:
                TranslateBrIf(index);
                return;
            case Opcode.BrTable:
                TranslateBrTable(instruction);
                return;
            case Opcode.Return:
                EmitReturn();
                MarkUnreachable();
                return;
            case Opcode.Call:
                TranslateCall(index);
                return;
            case Opcode.CallIndirect:
                TranslateCallIndirect(index, instruction.Index2);
                return;
            case Opcode.Drop:
                Pop();
                ForgetLastResult();
                return;
            case Opcode.Select:
                TranslateSelect(null);
                return;
            case Opcode.SelectTyped:
                TranslateSelect(instruction.Type);
                return;
            case Opcode.LocalGet:
                PushLocal((int)index);
                return;
            case Opcode.LocalSet:
                TranslateLocalSet((int)index, tee: false);
                return;
            case Opcode.LocalTee:
                TranslateLocalSet((int)index, tee: true);
                return;
            case Opcode.GlobalGet:
                {
                    var type = _module.GetGlobalType(index).ValueType;
                    EmitResult(type == ValueType.V128 ? Op.GlobalGet2 : Op.GlobalGet, type, (int)index);
                    return;
                }
            case Opcode.GlobalSet:
                {
                    var type = _module.GetGlobalType(index).ValueType;
                    int value = Use(Pop());
                    Emit(type == ValueType.V128 ? Op.GlobalSet2 : Op.GlobalSet, (int)index, value);
                    return;
                }
            case Opcode.I32Const:
                PushConst(ValueType.I32, instruction.Value);
                return;
            case Opcode.I64Const:
                PushConst(ValueType.I64, instruction.Value);
                return;
            case Opcode.F32Const:
                PushConst(ValueType.F32, instruction.Value);
                return;
            case Opcode.F64Const:
                PushConst(ValueType.F64, instruction.Value);
                return;
            case Opcode.V128Const:
                EmitResult(Op.Const128, ValueType.V128, V128Operands(instruction));
                return;
            // The slot representation makes these pure changes of type (i32 values are kept zero-extended).
            case Opcode.I32ReinterpretF32:
            case Opcode.I64ExtendI32U:
            case Opcode.I64ReinterpretF64:
            case Opcode.F32ReinterpretI32:
            case Opcode.F64ReinterpretI64:
                Peek().Type = instruction.Info.Outputs![0];
                return;
            case Opcode.MemorySize:
                EmitResult(Op.MemorySize, ValueType.I32);
                return;
            case Opcode.MemoryGrow:
                EmitResult(Op.MemoryGrow, ValueType.I32, Use(Pop()));
                return;
            case Opcode.RefNull:
                PushConst(instruction.Type, 0);
                return;
            case Opcode.RefIsNull:
                EmitResult(Op.RefIsNull, ValueType.I32, Use(Pop()));
                return;
            case Opcode.RefFunc:
                EmitResult(Op.RefFunc, ValueType.FuncRef, (int)index);
                return;
            case Opcode.TableGet:
                EmitResult(Op.TableGet, _module.GetTableType(index).ElementType, (int)index, Use(Pop()));
                return;
            case Opcode.TableSet:
                {
                    var value = Pop();
                    var element = Pop();
                    Emit(Op.TableSet, (int)index, Use(element), Use(value));
                    return;
                }
            case Opcode.TableSize:
                EmitResult(Op.TableSize, ValueType.I32, (int)index);
                return;
            case Opcode.TableGrow:
                {
                    var delta = Pop();
                    var initial = Pop();
                    EmitResult(Op.TableGrow, ValueType.I32, (int)index, Use(initial), Use(delta));
                    return;
                }
            case Opcode.TableFill:
                {
                    var (start, value, count) = PopThree();
                    Emit(Op.TableFill, (int)index, Use(start), Use(value), Use(count));
                    return;
                }
            case Opcode.TableCopy:
            case Opcode.TableInit:
                {
                    var (destination, source, count) = PopThree();
                    Emit(instruction.Opcode == Opcode.TableCopy ? Op.TableCopy : Op.TableInit,
                        (int)index, (int)instruction.Index2, Use(destination), Use(source), Use(count));
                    return;
                }
            case Opcode.ElemDrop:
                Emit(Op.ElemDrop, (int)index);
                return;
            case Opcode.MemoryInit:
                {
                    var (destination, source, count) = PopThree();
                    Emit(Op.MemoryInit, (int)index, Use(destination), Use(source), Use(count));
                    return;
                }
            case Opcode.DataDrop:
                Emit(Op.DataDrop, (int)index);
                return;
            case Opcode.MemoryCopy:
            case Opcode.MemoryFill:
                {
                    var (destination, source, count) = PopThree();
                    Emit(instruction.Opcode == Opcode.MemoryCopy ? Op.MemoryCopy : Op.MemoryFill, Use(destination), Use(source), Use(count));
                    return;
                }
            case Opcode.I8x16Shuffle:
                {
                    var b = Pop();
                    var a = Pop();
                    Span<int> operands = [Use(a), Use(b), 0, 0, 0, 0];
                    V128Operands(instruction).CopyTo(operands[2..]);
                    EmitResult(Op.I8x16Shuffle, ValueType.V128, operands);
                    return;
                }
            default:
                TranslateLowered(instruction);
                return;
        }
    }

    private static ReadOnlySpan<int> V128Operands(in Instruction instruction) =>
        new[] { (int)(uint)instruction.Value, (int)(uint)(instruction.Value >> 32), (int)(uint)instruction.Value2, (int)(uint)(instruction.Value2 >> 32) };

    private (Operand First, Operand Second, Operand Third) PopThree()
    {
        var third = Pop();
        var second = Pop();
        var first = Pop();
        return (first, second, third);
    }

    private void TranslateSelect(ValueType? annotated)
    {
        var (a, b, condition) = PopThree();
        var type = annotated ?? a.Type;
        EmitResult(type == ValueType.V128 ? Op.Select2 : Op.Select, type, Use(a), Use(b), Use(condition));
    }

    private void TranslateLocalSet(int local, bool tee)
    {
        var value = Pop();
        if (value.Kind == OperandKind.Local && value.Local == local)
        {
            if (tee) PushLocal(local);
            return;
        }
        if (value.Kind == OperandKind.Const && value.Value == 0 && _straightFromEntry && _localStillZero[local])
        {
            // spec: 4.4.10 declared locals start at zero — storing zero before anything else wrote the local changes nothing.
            if (tee) PushLocal(local);
            return;
        }
        _localStillZero[local] = false;
        PreserveLocal(local);
        int slot = _localSlot[local];
        if (IsLastResult(value))
        {
            // The producing instruction reads its operands before writing its result, so it may write the local directly.
            _code[_lastStart + 1] = slot;
            ForgetLastResult();
        }
        else
        {
            EmitMove(slot, value);
        }
        if (tee) PushLocal(local);
    }

    /// <summary>Instructions that lower one-for-one to an op (see <see cref="OpTable.TryLower"/>).</summary>
    private void TranslateLowered(in Instruction instruction)
    {
        var info = instruction.Info;
        if (!OpTable.TryLower(instruction.Opcode, out var op))
            throw new InvalidOperationException($"the interpreter has no translation for {info.Name}");
        var inputs = info.Inputs!;
        var outputs = info.Outputs!;
        int offset = (int)(uint)instruction.Value;
        switch (info.Immediate)
        {
            case ImmediateKind.None:
                TranslateSimple(op, inputs.Count, outputs[0]);
                return;
            case ImmediateKind.MemArg when outputs.Count == 1:
                EmitResult(op, outputs[0], Use(Pop()), offset);
                return;
            case ImmediateKind.MemArg:
                {
                    var value = Pop();
                    var address = Pop();
                    Emit(op, Use(address), Use(value), offset);
                    return;
                }
            case ImmediateKind.Lane when inputs.Count == 1:
                EmitResult(op, outputs[0], Use(Pop()), instruction.Lane);
                return;
            case ImmediateKind.Lane:
                {
                    var scalar = Pop();
                    var vector = Pop();
                    EmitResult(op, outputs[0], Use(vector), Use(scalar), instruction.Lane);
                    return;
                }
            case ImmediateKind.MemArgAndLane:
                {
                    var vector = Pop();
                    var address = Pop();
                    if (outputs.Count == 1)
                        EmitResult(op, ValueType.V128, Use(address), Use(vector), offset, instruction.Lane);
                    else
                        Emit(op, Use(address), Use(vector), offset, instruction.Lane);
                    return;
                }
            default:
                throw new InvalidOperationException($"the interpreter has no translation for {info.Name}");
        }
    }

    private void TranslateSimple(Op op, int inputCount, ValueType resultType)
    {
        switch (inputCount)
        {
            case 1:
                EmitResult(op, resultType, Use(Pop()));
                return;
            case 2:
                if (TryTranslateWithImmediate(op, resultType) || TryFuseLoad(op, resultType)) return;
                var b = Pop();
                var a = Pop();
                EmitResult(op, resultType, Use(a), Use(b));
                return;
            default:
                var (x, y, z) = PopThree();
                EmitResult(op, resultType, Use(x), Use(y), Use(z));
                return;
        }
    }

    /// <summary>i32/i64 operations with a constant operand take it as an immediate (constant on the right, or on the left of a commutative or mirrorable operation).</summary>
    private bool TryTranslateWithImmediate(Op op, ValueType resultType)
    {
        ref var right = ref Peek(0);
        ref var left = ref Peek(1);
        if (right.Kind == OperandKind.Const && TryImmediateForm(op, right.Value, right.Type == ValueType.I64, out var form, out int immediate))
        {
            Pop();
            var a = Pop();
            EmitResult(form, resultType, Use(a), immediate);
            return true;
        }
        if (left.Kind == OperandKind.Const && right.Kind != OperandKind.Const
            && TryImmediateForm(Mirror(op), left.Value, left.Type == ValueType.I64, out form, out immediate))
        {
            var b = Pop();
            Pop();
            EmitResult(form, resultType, Use(b), immediate);
            return true;
        }
        return false;
    }

    /// <summary>
    /// A binary operation whose right operand was just loaded (the load's fresh result, used nowhere else)
    /// takes the load's address and offset instead: one dispatch instead of two in array loops.
    /// </summary>
    private bool TryFuseLoad(Op op, ValueType resultType)
    {
        var (fused, load) = op switch
        {
            Op.I32Add => (Op.I32AddLoad, Op.Load32),
            Op.I64Add => (Op.I64AddLoad, Op.Load64),
            Op.F32Add => (Op.F32AddLoad, Op.Load32),
            Op.F32Mul => (Op.F32MulLoad, Op.Load32),
            Op.F64Add => (Op.F64AddLoad, Op.Load64),
            Op.F64Mul => (Op.F64MulLoad, Op.Load64),
            _ => (Op.Unreachable, Op.Unreachable),
        };
        if (fused == Op.Unreachable || _lastStart < 0 || _lastStackIndex != _stackCount - 1
            || Peek(0).Kind != OperandKind.Temp || (Op)_code[_lastStart] != load)
            return false;
        int address = _code[_lastStart + 2], offset = _code[_lastStart + 3];
        _length = _lastStart;
        ForgetLastResult();
        Pop();
        var left = Pop();
        EmitResult(fused, resultType, Use(left), address, offset);
        return true;
    }

    /// <summary>The op computing the same with the operands swapped (commutative ops are their own mirror); <see cref="Op.Unreachable"/> if none.</summary>
    private static Op Mirror(Op op) => op switch
    {
        Op.I32Add or Op.I32Mul or Op.I32And or Op.I32Or or Op.I32Xor or Op.I32Eq or Op.I32Ne => op,
        Op.I64Add or Op.I64Mul or Op.I64And or Op.I64Or or Op.I64Xor or Op.I64Eq or Op.I64Ne => op,
        Op.I32LtS => Op.I32GtS,
        Op.I32GtS => Op.I32LtS,
        Op.I32LtU => Op.I32GtU,
        Op.I32GtU => Op.I32LtU,
        Op.I32LeS => Op.I32GeS,
        Op.I32GeS => Op.I32LeS,
        Op.I32LeU => Op.I32GeU,
        Op.I32GeU => Op.I32LeU,
        Op.I64LtS => Op.I64GtS,
        Op.I64GtS => Op.I64LtS,
        Op.I64LtU => Op.I64GtU,
        Op.I64GtU => Op.I64LtU,
        Op.I64LeS => Op.I64GeS,
        Op.I64GeS => Op.I64LeS,
        Op.I64LeU => Op.I64GeU,
        Op.I64GeU => Op.I64LeU,
        _ => Op.Unreachable,
    };

    private static bool TryImmediateForm(Op op, ulong constant, bool wide, out Op form, out int immediate)
    {
        immediate = (int)(uint)constant;
        form = op switch
        {
            Op.I32Add => Op.I32AddImm,
            Op.I32Sub => Op.I32AddImm,
            Op.I32Mul => Op.I32MulImm,
            Op.I32And => Op.I32AndImm,
            Op.I32Or => Op.I32OrImm,
            Op.I32Xor => Op.I32XorImm,
            Op.I32Shl => Op.I32ShlImm,
            Op.I32ShrS => Op.I32ShrSImm,
            Op.I32ShrU => Op.I32ShrUImm,
            Op.I32Rotl => Op.I32RotlImm,
            Op.I32Rotr => Op.I32RotrImm,
            Op.I32Eq => Op.I32EqImm,
            Op.I32Ne => Op.I32NeImm,
            Op.I32LtS => Op.I32LtSImm,
            Op.I32LtU => Op.I32LtUImm,
            Op.I32GtS => Op.I32GtSImm,
            Op.I32GtU => Op.I32GtUImm,
            Op.I32LeS => Op.I32LeSImm,
            Op.I32LeU => Op.I32LeUImm,
            Op.I32GeS => Op.I32GeSImm,
            Op.I32GeU => Op.I32GeUImm,
            Op.I64Add => Op.I64AddImm,
            Op.I64Sub => Op.I64AddImm,
            Op.I64Mul => Op.I64MulImm,
            Op.I64And => Op.I64AndImm,
            Op.I64Or => Op.I64OrImm,
            Op.I64Xor => Op.I64XorImm,
            Op.I64Shl => Op.I64ShlImm,
            Op.I64ShrS => Op.I64ShrSImm,
            Op.I64ShrU => Op.I64ShrUImm,
            Op.I64Rotl => Op.I64RotlImm,
            Op.I64Rotr => Op.I64RotrImm,
            Op.I64Eq => Op.I64EqImm,
            Op.I64Ne => Op.I64NeImm,
            Op.I64LtS => Op.I64LtSImm,
            Op.I64LtU => Op.I64LtUImm,
            Op.I64GtS => Op.I64GtSImm,
            Op.I64GtU => Op.I64GtUImm,
            Op.I64LeS => Op.I64LeSImm,
            Op.I64LeU => Op.I64LeUImm,
            Op.I64GeS => Op.I64GeSImm,
            Op.I64GeU => Op.I64GeUImm,
            _ => Op.Unreachable,
        };
        if (form == Op.Unreachable) return false;
        if (op == Op.I32Sub)
        {
            immediate = -immediate;   // wraps like i32.sub does
            return true;
        }
        if (wide)
        {
            // i64 immediates are sign-extended 32-bit values.
            long value = (long)constant;
            if (op == Op.I64Sub)
            {
                if (value == long.MinValue) return false;
                value = -value;
            }
            if (value != (int)value) return false;
            immediate = (int)value;
        }
        return true;
    }
}
