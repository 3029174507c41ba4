using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Numeric and vector instructions. The frequent scalar ones are single IL instructions (RyuJIT turns them into single
// machine instructions); everything with a subtle rule — traps, NaNs, rounding, saturation, lanes — calls the numerics
// library method named after the instruction, which the JIT inlines where it can.
internal sealed partial class FunctionCompiler
{
    private void CompileNumeric(in Instruction instruction)
    {
        var info = instruction.Info;
        var op = instruction.Opcode;
        int inputs = info.Inputs!.Count;
        Need(inputs);
        if (_nextIsSelect && _constants[_height - 1] == 0 && op is Opcode.I32LtS or Opcode.I64LtS)
        {
            CompileSignMask(op);
            return;
        }
        bool quietResult = FoldsToOperand(op);
        bool zeroOrOne = YieldsZeroOrOne(op);
        if (!EmitInlineNumeric(op) && !EmitVectorIntrinsic(in instruction))
        {
            var method = Numerics.Method(op);
            switch (info.Immediate)
            {
                case ImmediateKind.Lane when inputs == 2:
                    // replace_lane(vector, lane, value): the lane goes between the operands.
                    var value = SpillLocal(_height - 1, info.Inputs[1]);
                    _il.Emit(OpCodes.Stloc, value);
                    LoadInt(instruction.Lane);
                    _il.Emit(OpCodes.Ldloc, value);
                    break;
                case ImmediateKind.Lane:
                    LoadInt(instruction.Lane);
                    break;
                case ImmediateKind.Shuffle:
                    _il.Emit(OpCodes.Ldc_I8, (long)instruction.Value);
                    _il.Emit(OpCodes.Ldc_I8, (long)instruction.Value2);
                    _il.Emit(OpCodes.Newobj, Members.V128Constructor);
                    break;
            }
            _il.Emit(OpCodes.Call, method);
        }
        if (quietResult) _il.Emit(OpCodes.Call, Members.Runtime(op.ToString().StartsWith("F32", StringComparison.Ordinal) ? "F32Quiet" : "F64Quiet"));
        Pop(inputs);
        foreach (var output in info.Outputs!) Push(output);
        if (zeroOrOne) _zeroOrOne[_height - 1] = true;
    }

    /// <summary>
    /// x &lt; 0 as the condition of the select that follows: the sign bit spread over the word (x &gt;&gt; 31, arithmetic),
    /// which is 0 or -1, so the select uses it as its mask directly (one operation instead of a compare and a negation,
    /// on the critical path of loops like CRC's). Any select only tests its condition against zero.
    /// </summary>
    private void CompileSignMask(Opcode op)
    {
        _il.Emit(OpCodes.Pop); // the constant 0
        if (op == Opcode.I64LtS)
        {
            LoadInt(63);
            _il.Emit(OpCodes.Shr);
            _il.Emit(OpCodes.Conv_I4);
        }
        else
        {
            LoadInt(31);
            _il.Emit(OpCodes.Shr);
        }
        Pop(2);
        Push(ValueType.I32);
        _zeroOrAllOnes[_height - 1] = true;
    }

    /// <summary>
    /// Whether the result is known to be 0 or 1 from the operation and what is known of its operands (on the model,
    /// before they are popped): comparisons (spec 4.3.2 irelop/frelop), masks with 1, bitwise ops of two such values,
    /// and the sign bit shifted down.
    /// </summary>
    private bool YieldsZeroOrOne(Opcode op) => op switch
    {
        >= Opcode.I32Eqz and <= Opcode.F64Ge => true,
        Opcode.I32And or Opcode.I64And => _zeroOrOne[_height - 1] || _zeroOrOne[_height - 2],
        Opcode.I32Or or Opcode.I64Or or Opcode.I32Xor or Opcode.I64Xor => _zeroOrOne[_height - 1] && _zeroOrOne[_height - 2],
        Opcode.I32ShrU => _constants[_height - 1] is { } count && (count & 31) == 31,
        Opcode.I64ShrU => _constants[_height - 1] is { } count && (count & 63) == 63,
        _ => false,
    };

    /// <summary>
    /// Whether the JIT may fold this arithmetic with a constant operand into the other operand (x - 0, x * 1, x / 1,
    /// x * -1 → -x ...). Such folds are exact except for signaling NaNs, which the hardware would have quieted
    /// (spec 4.3.3: the result is an arithmetic NaN), so the result is quieted explicitly.
    /// </summary>
    private bool FoldsToOperand(Opcode op)
    {
        if (op is not (Opcode.F32Add or Opcode.F32Sub or Opcode.F32Mul or Opcode.F32Div
            or Opcode.F64Add or Opcode.F64Sub or Opcode.F64Mul or Opcode.F64Div)) return false;
        return IsFoldableConstant(_constants[_height - 1], op) || IsFoldableConstant(_constants[_height - 2], op);
    }

    private static bool IsFoldableConstant(ulong? bits, Opcode op)
    {
        if (bits is not { } value) return false;
        double constant = op <= Opcode.F32Div && op >= Opcode.F32Add ? BitConverter.UInt32BitsToSingle((uint)value) : BitConverter.UInt64BitsToDouble(value);
        return constant is 0.0 or 1.0 or -1.0 || double.IsNaN(constant) || double.IsInfinity(constant);
    }

    /// <summary>Emits the operation as plain IL when that has exactly the WebAssembly meaning; false when it needs the numerics library.</summary>
    private bool EmitInlineNumeric(Opcode op)
    {
        switch (op)
        {
            case Opcode.I32Eqz: _il.Emit(OpCodes.Ldc_I4_0); _il.Emit(OpCodes.Ceq); return true;
            case Opcode.I64Eqz: _il.Emit(OpCodes.Ldc_I8, 0L); _il.Emit(OpCodes.Ceq); return true;

            case Opcode.I32Eq:
            case Opcode.I64Eq:
            case Opcode.F32Eq:
            case Opcode.F64Eq:
                _il.Emit(OpCodes.Ceq); return true;
            case Opcode.I32Ne:
            case Opcode.I64Ne:
            case Opcode.F32Ne:
            case Opcode.F64Ne:
                // Unordered operands are not equal, so f32.ne of a NaN is 1, as required.
                _il.Emit(OpCodes.Ceq); EmitNot(); return true;
            case Opcode.I32LtS:
            case Opcode.I64LtS:
            case Opcode.F32Lt:
            case Opcode.F64Lt:
                _il.Emit(OpCodes.Clt); return true;
            case Opcode.I32LtU:
            case Opcode.I64LtU:
                _il.Emit(OpCodes.Clt_Un); return true;
            case Opcode.I32GtS:
            case Opcode.I64GtS:
            case Opcode.F32Gt:
            case Opcode.F64Gt:
                _il.Emit(OpCodes.Cgt); return true;
            case Opcode.I32GtU:
            case Opcode.I64GtU:
                _il.Emit(OpCodes.Cgt_Un); return true;
            case Opcode.I32LeS:
            case Opcode.I64LeS:
                _il.Emit(OpCodes.Cgt); EmitNot(); return true;
            case Opcode.I32LeU:
            case Opcode.I64LeU:
            // For floats, cgt.un is "greater or unordered", so its negation is "less or equal" and false on NaN.
            case Opcode.F32Le:
            case Opcode.F64Le:
                _il.Emit(OpCodes.Cgt_Un); EmitNot(); return true;
            case Opcode.I32GeS:
            case Opcode.I64GeS:
                _il.Emit(OpCodes.Clt); EmitNot(); return true;
            case Opcode.I32GeU:
            case Opcode.I64GeU:
            case Opcode.F32Ge:
            case Opcode.F64Ge:
                _il.Emit(OpCodes.Clt_Un); EmitNot(); return true;

            case Opcode.I32Add:
            case Opcode.I64Add:
            case Opcode.F32Add:
            case Opcode.F64Add:
                _il.Emit(OpCodes.Add); return true;
            case Opcode.I32Sub:
            case Opcode.I64Sub:
            case Opcode.F32Sub:
            case Opcode.F64Sub:
                _il.Emit(OpCodes.Sub); return true;
            case Opcode.I32Mul:
            case Opcode.I64Mul:
            case Opcode.F32Mul:
            case Opcode.F64Mul:
                _il.Emit(OpCodes.Mul); return true;
            case Opcode.F32Div:
            case Opcode.F64Div:
                _il.Emit(OpCodes.Div); return true;
            case Opcode.I32And:
            case Opcode.I64And:
                _il.Emit(OpCodes.And); return true;
            case Opcode.I32Or:
            case Opcode.I64Or:
                _il.Emit(OpCodes.Or); return true;
            case Opcode.I32Xor:
            case Opcode.I64Xor:
                _il.Emit(OpCodes.Xor); return true;

            // spec 4.3.2 ishl/ishr: the count is taken modulo the width; IL leaves larger counts unspecified, so mask.
            case Opcode.I32Shl: EmitShiftCount(31); _il.Emit(OpCodes.Shl); return true;
            case Opcode.I32ShrS: EmitShiftCount(31); _il.Emit(OpCodes.Shr); return true;
            case Opcode.I32ShrU: EmitShiftCount(31); _il.Emit(OpCodes.Shr_Un); return true;
            case Opcode.I64Shl: _il.Emit(OpCodes.Conv_I4); EmitShiftCount(63); _il.Emit(OpCodes.Shl); return true;
            case Opcode.I64ShrS: _il.Emit(OpCodes.Conv_I4); EmitShiftCount(63); _il.Emit(OpCodes.Shr); return true;
            case Opcode.I64ShrU: _il.Emit(OpCodes.Conv_I4); EmitShiftCount(63); _il.Emit(OpCodes.Shr_Un); return true;

            case Opcode.I32WrapI64: _il.Emit(OpCodes.Conv_I4); return true;
            case Opcode.I64ExtendI32S: _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64ExtendI32U: _il.Emit(OpCodes.Conv_U8); return true;
            case Opcode.I32Extend8S: _il.Emit(OpCodes.Conv_I1); return true;
            case Opcode.I32Extend16S: _il.Emit(OpCodes.Conv_I2); return true;
            case Opcode.I64Extend8S: _il.Emit(OpCodes.Conv_I1); _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64Extend16S: _il.Emit(OpCodes.Conv_I2); _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.I64Extend32S: _il.Emit(OpCodes.Conv_I4); _il.Emit(OpCodes.Conv_I8); return true;
            case Opcode.F32ConvertI32S: _il.Emit(OpCodes.Conv_R4); return true;
            case Opcode.F64ConvertI32S: _il.Emit(OpCodes.Conv_R8); return true;

            case Opcode.I32ReinterpretF32: _il.Emit(OpCodes.Call, Members.SingleToInt32Bits); return true;
            case Opcode.I64ReinterpretF64: _il.Emit(OpCodes.Call, Members.DoubleToInt64Bits); return true;
            case Opcode.F32ReinterpretI32: _il.Emit(OpCodes.Call, Members.Int32BitsToSingle); return true;
            case Opcode.F64ReinterpretI64: _il.Emit(OpCodes.Call, Members.Int64BitsToDouble); return true;
            default:
                return false;
        }
    }

    private void EmitNot()
    {
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Ceq);
    }

    private void EmitShiftCount(int mask)
    {
        _il.Emit(OpCodes.Ldc_I4, mask);
        _il.Emit(OpCodes.And);
    }
}
