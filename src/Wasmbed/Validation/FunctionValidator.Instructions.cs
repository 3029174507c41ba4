using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// The instructions whose typing depends on the module: locals, globals, tables, references (which have
/// no fixed signature), and the immediates of fixed-signature instructions (memory and segment indices,
/// alignment, lane indices).
/// </summary>
internal sealed partial class FunctionValidator
{
    private void ValidateVariableOrReferenceInstruction(in Instruction instruction)
    {
        switch (instruction.Opcode)
        {
            case Opcode.LocalGet:
                _operands.Push(RequireLocal(instruction.Index));
                break;
            case Opcode.LocalSet:
                PopExpecting(RequireLocal(instruction.Index));
                break;
            case Opcode.LocalTee:
            {
                var type = RequireLocal(instruction.Index);
                PopExpecting(type);
                _operands.Push(type);
                break;
            }
            case Opcode.GlobalGet:
                _operands.Push(RequireGlobal(instruction.Index).ValueType);
                break;
            case Opcode.GlobalSet:
            {
                var global = RequireGlobal(instruction.Index);
                if (!global.Mutable) Fail("global is immutable");
                PopExpecting(global.ValueType);
                break;
            }
            case Opcode.TableGet:
            {
                var table = RequireTable(instruction.Index);
                PopExpecting(ValueType.I32);
                _operands.Push(table.ElementType);
                break;
            }
            case Opcode.TableSet:
            {
                var table = RequireTable(instruction.Index);
                PopExpecting(table.ElementType);
                PopExpecting(ValueType.I32);
                break;
            }
            case Opcode.TableGrow:
            {
                var table = RequireTable(instruction.Index);
                PopExpecting(ValueType.I32);
                PopExpecting(table.ElementType);
                _operands.Push(ValueType.I32);
                break;
            }
            case Opcode.TableFill:
            {
                var table = RequireTable(instruction.Index);
                PopExpecting(ValueType.I32);
                PopExpecting(table.ElementType);
                PopExpecting(ValueType.I32);
                break;
            }
            case Opcode.RefNull:
                _operands.Push(instruction.Type);
                break;
            case Opcode.RefIsNull:
            {
                var type = Pop();
                if (type != OperandStack.Unknown && !type.IsReference()) Fail("type mismatch");
                _operands.Push(ValueType.I32);
                break;
            }
            case Opcode.RefFunc:
                if (instruction.Index >= (uint)_module.TotalFunctionCount) Fail($"unknown function {instruction.Index}");
                // spec 3.3.2 (ref.func): the function must be in C.refs, i.e. referenced outside function bodies.
                if (!_declaredFunctions[instruction.Index]) Fail("undeclared function reference");
                _operands.Push(ValueType.FuncRef);
                break;
            default:
                // Every opcode without a fixed signature is handled above or in ValidateInstruction.
                throw new InvalidOperationException($"validator does not know how to type {instruction.Info.Name}");
        }
    }

    /// <summary>Checks the immediates of a fixed-signature instruction against the module.</summary>
    private void ValidateImmediates(in Instruction instruction, OpcodeInfo info)
    {
        switch (info.Immediate)
        {
            case ImmediateKind.MemArg:
                RequireMemory(0);
                RequireAlignment(in instruction, info);
                break;
            case ImmediateKind.MemArgAndLane:
                RequireMemory(0);
                RequireAlignment(in instruction, info);
                // The lane count follows from the access width: 16 bytes / 2^natural alignment.
                RequireLane(instruction.Lane, 16 >> info.NaturalAlignment);
                break;
            case ImmediateKind.Memory:
                RequireMemory(instruction.Index);
                break;
            case ImmediateKind.MemoryAndMemory:
                RequireMemory(instruction.Index);
                RequireMemory(instruction.Index2);
                break;
            case ImmediateKind.DataAndMemory:
                RequireMemory(instruction.Index2);
                RequireDataSegment(instruction.Index);
                break;
            case ImmediateKind.Data:
                RequireDataSegment(instruction.Index);
                break;
            case ImmediateKind.ElemAndTable:
            {
                var table = RequireTable(instruction.Index2);
                var segment = RequireElementSegment(instruction.Index);
                if (segment.ElementType != table.ElementType) Fail("type mismatch");
                break;
            }
            case ImmediateKind.Elem:
                RequireElementSegment(instruction.Index);
                break;
            case ImmediateKind.TableAndTable:
            {
                var destination = RequireTable(instruction.Index);
                var source = RequireTable(instruction.Index2);
                if (destination.ElementType != source.ElementType) Fail("type mismatch");
                break;
            }
            case ImmediateKind.Table:
                RequireTable(instruction.Index);
                break;
            case ImmediateKind.Lane:
                RequireLane(instruction.Lane, LaneCount(instruction.Opcode));
                break;
            case ImmediateKind.Shuffle:
                // spec 3.3.3: i8x16.shuffle picks each lane from the 32 lanes of its two operands.
                RequireShuffleLanes(instruction.Value);
                RequireShuffleLanes(instruction.Value2);
                break;
        }
    }

    private void RequireAlignment(in Instruction instruction, OpcodeInfo info)
    {
        // spec 3.3.7: 2^align must not be larger than the access width.
        if (instruction.Alignment > (uint)info.NaturalAlignment) Fail("alignment must not be larger than natural");
    }

    private void RequireLane(byte lane, int laneCount)
    {
        if (lane >= laneCount) Fail("invalid lane index");
    }

    private void RequireShuffleLanes(ulong eightLanes)
    {
        for (int i = 0; i < 8; i++)
        {
            if ((byte)(eightLanes >> (i * 8)) >= 32) Fail("invalid lane index");
        }
    }

    /// <summary>Lanes of the shape an extract_lane/replace_lane instruction works on.</summary>
    private static int LaneCount(Opcode opcode) => opcode switch
    {
        Opcode.I8x16ExtractLaneS or Opcode.I8x16ExtractLaneU or Opcode.I8x16ReplaceLane => 16,
        Opcode.I16x8ExtractLaneS or Opcode.I16x8ExtractLaneU or Opcode.I16x8ReplaceLane => 8,
        Opcode.I32x4ExtractLane or Opcode.I32x4ReplaceLane or Opcode.F32x4ExtractLane or Opcode.F32x4ReplaceLane => 4,
        Opcode.I64x2ExtractLane or Opcode.I64x2ReplaceLane or Opcode.F64x2ExtractLane or Opcode.F64x2ReplaceLane => 2,
        _ => throw new InvalidOperationException($"{opcode} has no lane shape"),
    };

    private ValueType RequireLocal(uint index)
    {
        if (!_locals.TryGet(index, out var type)) Fail($"unknown local {index}");
        return type;
    }

    private GlobalType RequireGlobal(uint index)
    {
        if (index >= (uint)_module.TotalGlobalCount) Fail($"unknown global {index}");
        return _module.GetGlobalType(index);
    }

    private TableType RequireTable(uint index)
    {
        if (index >= (uint)_module.TotalTableCount) Fail($"unknown table {index}");
        return _module.GetTableType(index);
    }

    private void RequireMemory(uint index)
    {
        if (index >= (uint)_module.TotalMemoryCount) Fail($"unknown memory {index}");
    }

    private ElementSegment RequireElementSegment(uint index)
    {
        if (index >= (uint)_module.Elements.Count) Fail($"unknown elem segment {index}");
        return _module.Elements[(int)index];
    }

    private void RequireDataSegment(uint index)
    {
        // spec 5.5.16: without a data count section, memory.init and data.drop make the binary malformed.
        if (_module.DataCount is null) Throw.Format("data count section required", _offset);
        if (index >= _module.DataCount.Value) Fail($"unknown data segment {index}");
    }
}
