using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// Validates function bodies with the algorithm of the spec appendix "Validation Algorithm": an
/// operand stack of value types (with <see cref="OperandStack.Unknown"/> for the polymorphic stack after
/// an unconditional branch) and a control stack of frames. One instance validates every function of a
/// module, one after the other, reusing its buffers; the work per instruction is constant except for
/// the types a branch or call carries, and nothing is allocated per instruction.
/// This file holds the main loop and the stack and control rules; <c>FunctionValidator.Instructions.cs</c>
/// types the instructions that touch locals, globals, tables, memories and references.
/// </summary>
internal sealed partial class FunctionValidator
{
    private readonly ModuleDescription _module;
    private readonly bool[] _declaredFunctions;
    private readonly OperandStack _operands = new();
    private readonly LocalTypes _locals = new();
    private ControlFrame[] _frames = new ControlFrame[16];
    private int _frameCount;
    /// <summary>Holds the types popped for one br_table target until they are pushed back.</summary>
    private ValueType[] _branchTypes = new ValueType[8];
    private int _functionIndex;
    private int _offset;

    /// <param name="declaredFunctions">Per function index: whether it is referenced outside function bodies (spec C.refs).</param>
    public FunctionValidator(ModuleDescription module, bool[] declaredFunctions)
    {
        _module = module;
        _declaredFunctions = declaredFunctions;
    }

    /// <summary>Validates the body of defined function <paramref name="definedIndex"/> (not counting imports).</summary>
    public void Validate(int definedIndex)
    {
        var body = _module.Codes[definedIndex];
        var type = _module.Types[(int)_module.FunctionTypeIndices[definedIndex]];
        _functionIndex = _module.ImportedFunctionCount + definedIndex;
        _offset = (int)body.SourceOffset;
        _locals.Reset(type.Parameters, body.Locals);
        _operands.Clear();
        _frameCount = 0;
        // spec 3.4.1: the body is checked like a block whose label carries the function's results;
        // the parameters are locals, not operands.
        PushFrame(Opcode.Block, new BlockSignature(Array.Empty<ValueType>(), type.Results));

        var bytes = _module.Bytes.Span;
        var reader = new InstructionReader(bytes, body.CodeOffset, body.CodeOffset + body.CodeLength);
        while (true)
        {
            // spec 5.5.13: the body is an expression, so its bytes must end exactly with the function's end.
            if (reader.AtEnd) Throw.Format("END opcode expected", reader.Position);
            var instruction = reader.Read();
            _offset = instruction.Offset;
            if (instruction.Opcode == Opcode.End)
            {
                var frame = PopFrame();
                if (frame.Opcode == Opcode.If && !frame.Signature.ParametersEqualResults())
                    Fail("type mismatch");   // an if without else has an empty else branch: [t*] -> [t*]
                if (_frameCount == 0)
                {
                    if (!reader.AtEnd) Throw.Format("operators remaining after end of function", reader.Position);
                    return;
                }
                PushTypes(frame.Signature.Results);
                continue;
            }
            ValidateInstruction(in instruction, bytes, reader.Position);
        }
    }

    private void ValidateInstruction(in Instruction instruction, ReadOnlySpan<byte> bytes, int bodyEnd)
    {
        var info = OpcodeTable.Get(instruction.Opcode);
        if (info.Inputs is { } inputs)
        {
            // Fixed-signature instructions: numeric, memory, SIMD, bulk memory and table.size/copy/init.
            ValidateImmediates(in instruction, info);
            for (int i = inputs.Count - 1; i >= 0; i--) PopExpecting(inputs[i]);
            var outputs = info.Outputs!;
            for (int i = 0; i < outputs.Count; i++) _operands.Push(outputs[i]);
            return;
        }

        switch (instruction.Opcode)
        {
            case Opcode.Unreachable:
                MarkUnreachable();
                break;
            case Opcode.Nop:
                break;
            case Opcode.Block:
            case Opcode.Loop:
            {
                var signature = GetBlockSignature(instruction.Block);
                PopTypes(signature.Parameters);
                PushFrame(instruction.Opcode, signature);
                break;
            }
            case Opcode.If:
            {
                var signature = GetBlockSignature(instruction.Block);
                PopExpecting(ValueType.I32);
                PopTypes(signature.Parameters);
                PushFrame(Opcode.If, signature);
                break;
            }
            case Opcode.Else:
            {
                if (_frames[_frameCount - 1].Opcode != Opcode.If) Throw.Format("else without matching if", _offset);
                var frame = PopFrame();
                PushFrame(Opcode.Else, frame.Signature);
                break;
            }
            case Opcode.Br:
                PopTypes(GetLabel(instruction.Index).LabelTypes);
                MarkUnreachable();
                break;
            case Opcode.BrIf:
            {
                var labelTypes = GetLabel(instruction.Index).LabelTypes;
                PopExpecting(ValueType.I32);
                PopTypes(labelTypes);
                PushTypes(labelTypes);
                break;
            }
            case Opcode.BrTable:
                ValidateBrTable(in instruction, bytes, bodyEnd);
                break;
            case Opcode.Return:
                PopTypes(_frames[0].Signature.Results);
                MarkUnreachable();
                break;
            case Opcode.Call:
            {
                if (instruction.Index >= (uint)_module.TotalFunctionCount) Fail($"unknown function {instruction.Index}");
                var type = _module.GetFunctionType(instruction.Index);
                PopTypes(type.Parameters);
                PushTypes(type.Results);
                break;
            }
            case Opcode.CallIndirect:
            {
                if (instruction.Index >= (uint)_module.Types.Count) Fail($"unknown type {instruction.Index}");
                var type = _module.Types[(int)instruction.Index];
                if (RequireTable(instruction.Index2).ElementType != ValueType.FuncRef) Fail("type mismatch");
                PopExpecting(ValueType.I32);
                PopTypes(type.Parameters);
                PushTypes(type.Results);
                break;
            }
            case Opcode.Drop:
                Pop();
                break;
            case Opcode.Select:
                ValidateUntypedSelect();
                break;
            case Opcode.SelectTyped:
            {
                // spec 3.3.4: the typed select names exactly one result type.
                if (instruction.Index != 1) Fail("invalid result arity");
                PopExpecting(ValueType.I32);
                PopExpecting(instruction.Type);
                PopExpecting(instruction.Type);
                _operands.Push(instruction.Type);
                break;
            }
            default:
                ValidateVariableOrReferenceInstruction(in instruction);
                break;
        }
    }

    /// <summary>
    /// spec appendix: every target must exist and carry as many values as the default one; each target's
    /// types are checked against the stack in turn (they may differ where the stack is polymorphic).
    /// </summary>
    private void ValidateBrTable(in Instruction instruction, ReadOnlySpan<byte> bytes, int bodyEnd)
    {
        PopExpecting(ValueType.I32);
        var defaultTypes = GetLabel(instruction.Index2).LabelTypes;
        int arity = defaultTypes.Count;
        if (_branchTypes.Length < arity) _branchTypes = new ValueType[arity];

        var targets = new WasmBinaryReader(bytes, instruction.TargetsOffset, bodyEnd);
        for (uint i = 0; i < instruction.Index; i++)
        {
            var labelTypes = GetLabel(targets.ReadVarUInt32()).LabelTypes;
            if (labelTypes.Count != arity) Fail("type mismatch");
            for (int j = arity - 1; j >= 0; j--) _branchTypes[j] = PopExpecting(labelTypes[j]);
            for (int j = 0; j < arity; j++) _operands.Push(_branchTypes[j]);
        }
        PopTypes(defaultTypes);
        MarkUnreachable();
    }

    /// <summary>spec 3.3.4: the untyped select only chooses between two numeric or two vector operands.</summary>
    private void ValidateUntypedSelect()
    {
        PopExpecting(ValueType.I32);
        var first = Pop();
        var second = Pop();
        bool bothNumeric = IsNumericOrUnknown(first) && IsNumericOrUnknown(second);
        bool bothVector = IsVectorOrUnknown(first) && IsVectorOrUnknown(second);
        if (!bothNumeric && !bothVector) Fail("type mismatch");
        if (first != second && first != OperandStack.Unknown && second != OperandStack.Unknown) Fail("type mismatch");
        _operands.Push(first == OperandStack.Unknown ? second : first);
    }

    private static bool IsNumericOrUnknown(ValueType type) => type == OperandStack.Unknown || type.IsNumeric();

    private static bool IsVectorOrUnknown(ValueType type) => type is OperandStack.Unknown or ValueType.V128;

    private BlockSignature GetBlockSignature(BlockType blockType)
    {
        if (!BlockSignature.TryCreate(blockType, _module, out var signature)) Fail($"unknown type {blockType.TypeIndex}");
        return signature;
    }

    // ---- operand stack (spec appendix: push_val, pop_val, pop_vals) ----

    private ValueType Pop()
    {
        ref var frame = ref _frames[_frameCount - 1];
        if (_operands.Count == frame.Height)
        {
            if (frame.Unreachable) return OperandStack.Unknown;
            Fail("type mismatch");
        }
        return _operands.Pop();
    }

    private ValueType PopExpecting(ValueType expected)
    {
        var actual = Pop();
        if (actual != expected && actual != OperandStack.Unknown && expected != OperandStack.Unknown) Fail("type mismatch");
        return actual;
    }

    private void PopTypes(IReadOnlyList<ValueType> types)
    {
        for (int i = types.Count - 1; i >= 0; i--) PopExpecting(types[i]);
    }

    private void PushTypes(IReadOnlyList<ValueType> types)
    {
        for (int i = 0; i < types.Count; i++) _operands.Push(types[i]);
    }

    // ---- control stack (spec appendix: push_ctrl, pop_ctrl, unreachable) ----

    private void PushFrame(Opcode opcode, BlockSignature signature)
    {
        if (_frameCount == _frames.Length) Array.Resize(ref _frames, _frames.Length * 2);
        _frames[_frameCount++] = new ControlFrame
        {
            Opcode = opcode,
            Signature = signature,
            Height = _operands.Count,
            Unreachable = false,
        };
        PushTypes(signature.Parameters);
    }

    private ControlFrame PopFrame()
    {
        var frame = _frames[_frameCount - 1];
        PopTypes(frame.Signature.Results);
        if (_operands.Count != frame.Height) Fail("type mismatch");
        _frameCount--;
        return frame;
    }

    private void MarkUnreachable()
    {
        ref var frame = ref _frames[_frameCount - 1];
        _operands.Truncate(frame.Height);
        frame.Unreachable = true;
    }

    private ref ControlFrame GetLabel(uint depth)
    {
        if (depth >= (uint)_frameCount) Fail($"unknown label {depth}");
        return ref _frames[_frameCount - 1 - (int)depth];
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string message) => Throw.Validation(message, _functionIndex, _offset);
}
