using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// The instruction dispatch: control, calls, variables, tables, references and memory here; numeric and vector
// operations in FunctionCompiler.Numeric.cs.
internal sealed partial class FunctionCompiler
{
    private void CompileInstruction(in Instruction instruction)
    {
        switch (instruction.Opcode)
        {
            case Opcode.Unreachable:
                EmitTrap(TrapCode.Unreachable);
                MarkUnreachable();
                return;
            case Opcode.Nop:
                return;
            case Opcode.Block:
                CompileBlock(instruction.Block);
                return;
            case Opcode.Loop:
                CompileLoop(instruction.Block);
                return;
            case Opcode.If:
                CompileIf(instruction.Block);
                return;
            case Opcode.Else:
                CompileElse();
                return;
            case Opcode.End:
                CompileEnd();
                return;
            case Opcode.Br:
                CompileBr(instruction.Index);
                return;
            case Opcode.BrIf:
                CompileBrIf(instruction.Index);
                return;
            case Opcode.BrTable:
                CompileBrTable(in instruction);
                return;
            case Opcode.Return:
                CompileBr((uint)(_frameCount - 1));
                return;
            case Opcode.Call:
                CompileCall(instruction.Index);
                return;
            case Opcode.CallIndirect:
                CompileCallIndirect(instruction.Index, instruction.Index2);
                return;
            case Opcode.Drop:
                Discard();
                return;
            case Opcode.Select:
            case Opcode.SelectTyped:
                CompileSelect();
                return;
            case Opcode.LocalGet:
                CompileLocalGet(instruction.Index);
                return;
            case Opcode.LocalSet:
                CompileLocalSet(instruction.Index);
                return;
            case Opcode.LocalTee:
                CompileLocalTee(instruction.Index);
                return;
            case Opcode.GlobalGet:
                CompileGlobalGet(instruction.Index);
                return;
            case Opcode.GlobalSet:
                CompileGlobalSet(instruction.Index);
                return;

            case Opcode.TableGet:
                CompileRuntimeCall(Members.Runtime("TableGet"), 1, TableType(instruction.Index), (int)instruction.Index);
                return;
            case Opcode.TableSet:
                CompileRuntimeCall(Members.Runtime("TableSet"), 2, null, (int)instruction.Index);
                return;
            case Opcode.TableSize:
                CompileRuntimeCall(Members.Runtime("TableSize"), 0, ValueType.I32, (int)instruction.Index);
                return;
            case Opcode.TableGrow:
                CompileRuntimeCall(Members.Runtime("TableGrow"), 2, ValueType.I32, (int)instruction.Index);
                return;
            case Opcode.TableFill:
                CompileRuntimeCall(Members.Runtime("TableFill"), 3, null, (int)instruction.Index);
                return;
            case Opcode.TableCopy:
                CompileRuntimeCall(Members.Runtime("TableCopy"), 3, null, (int)instruction.Index, (int)instruction.Index2);
                return;
            case Opcode.TableInit:
                CompileRuntimeCall(Members.Runtime("TableInit"), 3, null, (int)instruction.Index, (int)instruction.Index2);
                return;
            case Opcode.ElemDrop:
                CompileRuntimeCall(Members.Runtime("ElemDrop"), 0, null, (int)instruction.Index);
                return;
            case Opcode.RefNull:
                _il.Emit(OpCodes.Ldc_I8, 0L);
                Push(instruction.Type);
                return;
            case Opcode.RefIsNull:
                Need(1);
                Pop();
                _il.Emit(OpCodes.Ldc_I8, 0L);
                _il.Emit(OpCodes.Ceq);
                Push(ValueType.I32);
                return;
            case Opcode.RefFunc:
                CompileRuntimeCall(Members.Runtime("RefFunc"), 0, ValueType.FuncRef, (int)instruction.Index);
                return;

            case Opcode.MemorySize:
                CompileMemorySize();
                return;
            case Opcode.MemoryGrow:
                CompileRuntimeCall(Members.Runtime("MemoryGrow"), 1, ValueType.I32);
                ReloadMemoryIfUsed();
                return;
            case Opcode.MemoryInit:
                CompileRuntimeCall(Members.Runtime("MemoryInit"), 3, null, (int)instruction.Index);
                return;
            case Opcode.DataDrop:
                CompileRuntimeCall(Members.Runtime("DataDrop"), 0, null, (int)instruction.Index);
                return;
            case Opcode.MemoryCopy:
                CompileRuntimeCall(Members.Runtime("MemoryCopy"), 3, null);
                return;
            case Opcode.MemoryFill:
                CompileRuntimeCall(Members.Runtime("MemoryFill"), 3, null);
                return;

            case Opcode.I32Const:
                LoadInt((int)(uint)instruction.Value);
                PushConstant(ValueType.I32, instruction.Value);
                return;
            case Opcode.I64Const:
                _il.Emit(OpCodes.Ldc_I8, (long)instruction.Value);
                PushConstant(ValueType.I64, instruction.Value);
                return;
            case Opcode.F32Const:
                LoadInt((int)(uint)instruction.Value);
                // The JIT keeps float constants as doubles, which quiets signaling NaNs: those go through an opaque call.
                _il.Emit(OpCodes.Call, IsSignalingNaN32((uint)instruction.Value) ? Members.Runtime("F32FromBits") : Members.Int32BitsToSingle);
                PushConstant(ValueType.F32, instruction.Value);
                return;
            case Opcode.F64Const:
                _il.Emit(OpCodes.Ldc_I8, (long)instruction.Value);
                _il.Emit(OpCodes.Call, IsSignalingNaN64(instruction.Value) ? Members.Runtime("F64FromBits") : Members.Int64BitsToDouble);
                PushConstant(ValueType.F64, instruction.Value);
                return;
            case Opcode.V128Const:
                CompileVectorConstant(in instruction);
                return;
        }

        var info = instruction.Info;
        switch (info.Immediate)
        {
            case ImmediateKind.MemArg when info.Outputs!.Count == 1:
                CompileLoad(in instruction);
                return;
            case ImmediateKind.MemArg:
                CompileStore(in instruction);
                return;
            case ImmediateKind.MemArgAndLane when info.Outputs!.Count == 1:
                CompileLoadLane(in instruction);
                return;
            case ImmediateKind.MemArgAndLane:
                CompileStoreLane(in instruction);
                return;
            default:
                CompileNumeric(in instruction);
                return;
        }
    }

    private static bool IsSignalingNaN32(uint bits) => (bits & 0x7F80_0000) == 0x7F80_0000 && (bits & 0x007F_FFFF) != 0 && (bits & 0x0040_0000) == 0;

    private static bool IsSignalingNaN64(ulong bits) =>
        (bits & 0x7FF0_0000_0000_0000) == 0x7FF0_0000_0000_0000 && (bits & 0x000F_FFFF_FFFF_FFFF) != 0 && (bits & 0x0008_0000_0000_0000) == 0;

    private ValueType TableType(uint tableIndex) => _module.GetTableType(tableIndex).ElementType;
}
