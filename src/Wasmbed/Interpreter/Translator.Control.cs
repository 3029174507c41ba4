using Wasmbed.Format;

namespace Wasmbed.Interpreter;

// Blocks, branches, calls and returns (spec 3.3.8 control instructions, 4.4.8 execution).
internal sealed partial class Translator
{
    private enum ControlKind : byte
    {
        Function,
        Block,
        Loop,
        If,
        Else,
    }

    private struct Control
    {
        public ControlKind Kind;
        /// <summary>Stack entries below the block's parameters.</summary>
        public int StackCount;
        /// <summary>Slot height below the block's parameters: its label values go to slots locals + Height...</summary>
        public int Height;
        public IReadOnlyList<ValueType> Parameters;
        public IReadOnlyList<ValueType> Results;
        /// <summary>For loops: the code position branches jump back to.</summary>
        public int LoopStart;
        /// <summary>Head of the list of forward branches to the end, threaded through their target operands; -1 when empty.</summary>
        public int Fixups;
        /// <summary>For if: the target operand of the jump taken when the condition is false; -1 once bound.</summary>
        public int ElseFixup;
        /// <summary>The rest of the block is dead code (after br, return, unreachable...).</summary>
        public bool Unreachable;

        public readonly IReadOnlyList<ValueType> LabelTypes => Kind == ControlKind.Loop ? Parameters : Results;
    }

    private static readonly ValueType[] NoTypes = [];
    private static readonly Dictionary<ValueType, ValueType[]> SingleTypes = new()
    {
        [ValueType.I32] = [ValueType.I32],
        [ValueType.I64] = [ValueType.I64],
        [ValueType.F32] = [ValueType.F32],
        [ValueType.F64] = [ValueType.F64],
        [ValueType.V128] = [ValueType.V128],
        [ValueType.FuncRef] = [ValueType.FuncRef],
        [ValueType.ExternRef] = [ValueType.ExternRef],
    };

    private Control[] _controls = new Control[16];
    private int _controlCount;
    private DeadCodeTracker _deadCode;
    private int[] _tableTargets = new int[18];
    private uint[] _tableLabels = new uint[16];
    /// <summary>Per label depth while a br_table is translated: its stub, -2 for a direct jump, -1 not yet seen (all -1 between tables).</summary>
    private int[] _stubByDepth = [];

    private ref Control Top => ref _controls[_controlCount - 1];

    private ref Control Label(uint depth) => ref _controls[_controlCount - 1 - (int)depth];

    private void PushFunctionControl(FunctionType type)
    {
        ref var control = ref PushControl(ControlKind.Function, NoTypes, type.Results);
        control.StackCount = 0;
        control.Height = 0;
    }

    private ref Control PushControl(ControlKind kind, IReadOnlyList<ValueType> parameters, IReadOnlyList<ValueType> results)
    {
        if (_controlCount == _controls.Length) Array.Resize(ref _controls, _controls.Length * 2);
        ref var control = ref _controls[_controlCount++];
        control.Kind = kind;
        control.StackCount = _stackCount - parameters.Count;
        control.Height = parameters.Count == 0 ? _height : _stack[control.StackCount].Height;
        control.Parameters = parameters;
        control.Results = results;
        control.LoopStart = -1;
        control.Fixups = -1;
        control.ElseFixup = -1;
        control.Unreachable = false;
        return ref control;
    }

    private (IReadOnlyList<ValueType> Parameters, IReadOnlyList<ValueType> Results) Signature(BlockType block) => block.Kind switch
    {
        BlockTypeKind.Empty => (NoTypes, NoTypes),
        BlockTypeKind.Value => (NoTypes, SingleTypes[block.ValueType]),
        _ => (_module.Types[(int)block.TypeIndex].Parameters, _module.Types[(int)block.TypeIndex].Results),
    };

    private void TranslateBlock(BlockType block, ControlKind kind)
    {
        // A join point: values must be in their home slots on every path that reaches the label.
        MaterializeAll();
        var (parameters, results) = Signature(block);
        ref var control = ref PushControl(kind, parameters, results);
        if (kind == ControlKind.Loop)
        {
            // Loop back-edges land here: the interruption check, then the body's first fuel charge.
            control.LoopStart = _length;
            _straightFromEntry = false;
            if (_interruptChecks) Emit(Op.CheckInterrupt);
        }
        ForgetLastResult();
    }

    private void TranslateIf(BlockType block)
    {
        var condition = Pop();
        MaterializeAll();
        int elseJump = EmitConditionalJump(condition, jumpWhenTrue: false);
        var (parameters, results) = Signature(block);
        ref var control = ref PushControl(ControlKind.If, parameters, results);
        control.ElseFixup = elseJump;
        ForgetLastResult();
    }

    private void TranslateElse()
    {
        _straightFromEntry = false;
        ref var control = ref Top;
        if (!control.Unreachable)
        {
            MaterializeFrom(control.StackCount);
            int at = Emit(Op.Br, 0);
            AddFixup(ref control, at + 1);
        }
        BindHere(control.ElseFixup);
        control.ElseFixup = -1;
        PopTo(control.StackCount);
        foreach (var type in control.Parameters) PushTemp(type);
        control.Kind = ControlKind.Else;
        control.Unreachable = false;
        ForgetLastResult();
    }

    private void TranslateEnd()
    {
        ref var control = ref Top;
        if (control.Kind == ControlKind.Function)
        {
            if (!control.Unreachable) EmitReturn();
            _controlCount--;
            return;
        }
        _straightFromEntry = false;   // the end of a block is a label
        if (!control.Unreachable) MaterializeFrom(control.StackCount);
        // An if without else falls through to the end when the condition is false.
        bool reachable = !control.Unreachable || control.Fixups != -1 || control.ElseFixup != -1;
        if (control.ElseFixup != -1) BindHere(control.ElseFixup);
        for (int at = control.Fixups; at != -1;)
        {
            int next = _code[at];
            _code[at] = _length;
            at = next;
        }
        PopTo(control.StackCount);
        foreach (var type in control.Results) PushTemp(type);
        _controlCount--;
        ForgetLastResult();
        if (!reachable) MarkUnreachable();
    }

    /// <summary>The rest of the current block is dead: drop its operands and skip its code.</summary>
    private void MarkUnreachable()
    {
        ref var control = ref Top;
        PopTo(control.StackCount);
        control.Unreachable = true;
        _deadCode.Enter();
        ForgetLastResult();
    }

    private void AddFixup(ref Control control, int operandAt)
    {
        if (control.Kind == ControlKind.Loop)
        {
            _code[operandAt] = control.LoopStart;
            return;
        }
        _code[operandAt] = control.Fixups;
        control.Fixups = operandAt;
    }

    /// <summary>Points the branch target operand at <paramref name="operandAt"/> to the current position.</summary>
    private void BindHere(int operandAt)
    {
        if (operandAt < 0) return;
        _straightFromEntry = false;
        _code[operandAt] = _length;
        ForgetLastResult();
    }

    // ---- branches ----

    /// <summary>Whether taking a branch to <paramref name="label"/> needs values moved into the label's slots.</summary>
    private bool NeedsBranchCopies(in Control label)
    {
        if (label.Kind == ControlKind.Function) return true;
        int count = label.LabelTypes.Count;
        if (count == 0) return false;
        int first = _stackCount - count;
        if (_stack[first].Height != label.Height) return true;
        for (int i = first; i < _stackCount; i++)
            if (_stack[i].Kind != OperandKind.Temp) return true;
        return false;
    }

    /// <summary>
    /// Emits the moves of a branch's values into the label's slots. Does not change the stack model (the same
    /// stack feeds several br_table arms). Ascending order is safe: a value's source slot is never below its
    /// destination, and locals are never destinations.
    /// </summary>
    private void EmitBranchCopies(in Control label)
    {
        int count = label.LabelTypes.Count;
        int destination = _localSlotCount + label.Height;
        for (int i = _stackCount - count; i < _stackCount; i++)
        {
            ref var entry = ref _stack[i];
            EmitMove(destination, entry);
            destination += Width(entry.Type);
        }
    }

    private void EmitMove(int destination, in Operand entry)
    {
        switch (entry.Kind)
        {
            case OperandKind.Const: EmitConst(destination, entry.Type, entry.Value); break;
            case OperandKind.Local: EmitCopy(destination, _localSlot[entry.Local], entry.Type); break;
            default: EmitCopy(destination, Home(entry), entry.Type); break;
        }
    }

    /// <summary>Emits an unconditional branch to a label, with its value moves.</summary>
    private void EmitBranch(ref Control label)
    {
        if (label.Kind == ControlKind.Function)
        {
            EmitReturn();
            return;
        }
        EmitBranchCopies(label);
        int at = Emit(Op.Br, 0);
        AddFixup(ref label, at + 1);
    }

    private void TranslateBr(uint depth)
    {
        EmitBranch(ref Label(depth));
        MarkUnreachable();
    }

    private void TranslateBrIf(uint depth)
    {
        var condition = Pop();
        ref var label = ref Label(depth);
        if (!NeedsBranchCopies(label))
        {
            int target = EmitConditionalJump(condition, jumpWhenTrue: true);
            AddFixup(ref label, target);
            return;
        }
        int skip = EmitConditionalJump(condition, jumpWhenTrue: false);
        EmitBranch(ref label);
        BindHere(skip);
    }

    private void TranslateBrTable(in Instruction instruction)
    {
        int count = (int)instruction.Index + 1;
        if (_tableLabels.Length < count)
        {
            _tableLabels = new uint[Math.Max(count, _tableLabels.Length * 2)];
            _tableTargets = new int[_tableLabels.Length + 2];
        }
        var labels = _tableLabels.AsSpan(0, count);
        InstructionReader.ReadBrTableTargets(_module.Bytes.Span, instruction, labels[..^1]);
        labels[^1] = instruction.Index2;

        if (_stubByDepth.Length < _controlCount)
        {
            _stubByDepth = new int[Math.Max(_controlCount, _stubByDepth.Length * 2)];
            Array.Fill(_stubByDepth, -1);
        }
        int index = Use(Pop());
        Span<int> operands = _tableTargets.AsSpan(0, count + 2);
        operands[0] = index;
        operands[1] = count;
        int at = Emit(Op.BrTable, operands);
        int targets = at + 3;

        // Arms that need value moves get a stub after the table, one per distinct label (a table may repeat
        // a label many times); per label depth, -2 records "jumps directly".
        for (int i = 0; i < count; i++)
        {
            ref var label = ref Label(labels[i]);
            ref int stub = ref _stubByDepth[labels[i]];
            if (stub == -1)
            {
                if (NeedsBranchCopies(label))
                {
                    stub = _length;
                    EmitBranch(ref label);
                }
                else
                {
                    stub = -2;
                }
            }
            if (stub == -2) AddFixup(ref label, targets + i);
            else _code[targets + i] = stub;
        }
        for (int i = 0; i < count; i++) _stubByDepth[labels[i]] = -1;
        MarkUnreachable();
    }

    /// <summary>
    /// Emits a jump taken when <paramref name="condition"/> is nonzero (or zero), fusing a just-computed i32
    /// comparison into the branch. Returns the position of the target operand, for the caller to fill.
    /// </summary>
    private int EmitConditionalJump(in Operand condition, bool jumpWhenTrue)
    {
        if (IsLastResult(condition))
        {
            var compare = (Op)_code[_lastStart];
            if (compare == Op.I32Eqz)
            {
                int operand = _code[_lastStart + 2];
                _length = _lastStart;
                return Emit(jumpWhenTrue ? Op.BrIfNot : Op.BrIf, operand, 0) + 2;
            }
            if (TryFuseComparison(compare, out var fused))
            {
                int a = _code[_lastStart + 2], b = _code[_lastStart + 3];
                _length = _lastStart;
                return Emit(jumpWhenTrue ? fused : NegateBranch(fused), a, b, 0) + 3;
            }
        }
        int slot = Use(condition);
        return Emit(jumpWhenTrue ? Op.BrIf : Op.BrIfNot, slot, 0) + 2;
    }

    private static bool TryFuseComparison(Op compare, out Op branch)
    {
        branch = compare switch
        {
            Op.I32Eq => Op.BrIfI32Eq,
            Op.I32Ne => Op.BrIfI32Ne,
            Op.I32LtS => Op.BrIfI32LtS,
            Op.I32LtU => Op.BrIfI32LtU,
            Op.I32GtS => Op.BrIfI32GtS,
            Op.I32GtU => Op.BrIfI32GtU,
            Op.I32LeS => Op.BrIfI32LeS,
            Op.I32LeU => Op.BrIfI32LeU,
            Op.I32GeS => Op.BrIfI32GeS,
            Op.I32GeU => Op.BrIfI32GeU,
            Op.I32EqImm => Op.BrIfI32EqImm,
            Op.I32NeImm => Op.BrIfI32NeImm,
            Op.I32LtSImm => Op.BrIfI32LtSImm,
            Op.I32LtUImm => Op.BrIfI32LtUImm,
            Op.I32GtSImm => Op.BrIfI32GtSImm,
            Op.I32GtUImm => Op.BrIfI32GtUImm,
            Op.I32LeSImm => Op.BrIfI32LeSImm,
            Op.I32LeUImm => Op.BrIfI32LeUImm,
            Op.I32GeSImm => Op.BrIfI32GeSImm,
            Op.I32GeUImm => Op.BrIfI32GeUImm,
            _ => Op.Unreachable,
        };
        return branch != Op.Unreachable;
    }

    /// <summary>The fused branch taken exactly when <paramref name="branch"/> is not.</summary>
    private static Op NegateBranch(Op branch) => branch switch
    {
        Op.BrIfI32Eq => Op.BrIfI32Ne,
        Op.BrIfI32Ne => Op.BrIfI32Eq,
        Op.BrIfI32LtS => Op.BrIfI32GeS,
        Op.BrIfI32GeS => Op.BrIfI32LtS,
        Op.BrIfI32LtU => Op.BrIfI32GeU,
        Op.BrIfI32GeU => Op.BrIfI32LtU,
        Op.BrIfI32GtS => Op.BrIfI32LeS,
        Op.BrIfI32LeS => Op.BrIfI32GtS,
        Op.BrIfI32GtU => Op.BrIfI32LeU,
        Op.BrIfI32LeU => Op.BrIfI32GtU,
        Op.BrIfI32EqImm => Op.BrIfI32NeImm,
        Op.BrIfI32NeImm => Op.BrIfI32EqImm,
        Op.BrIfI32LtSImm => Op.BrIfI32GeSImm,
        Op.BrIfI32GeSImm => Op.BrIfI32LtSImm,
        Op.BrIfI32LtUImm => Op.BrIfI32GeUImm,
        Op.BrIfI32GeUImm => Op.BrIfI32LtUImm,
        Op.BrIfI32GtSImm => Op.BrIfI32LeSImm,
        Op.BrIfI32LeSImm => Op.BrIfI32GtSImm,
        Op.BrIfI32GtUImm => Op.BrIfI32LeUImm,
        Op.BrIfI32LeUImm => Op.BrIfI32GtUImm,
        _ => throw new InvalidOperationException($"{branch} is not a fused branch"),
    };

    // ---- return and calls ----

    /// <summary>
    /// Moves the function's results to slots 0.. and returns. Does not change the stack model. With several
    /// results, deferred values are first written to their home slots, so no move reads a slot an earlier move
    /// wrote (results may come from locals that overlap slots 0..).
    /// </summary>
    private void EmitReturn()
    {
        var results = _type.Results;
        int count = results.Count;
        if (count == 0)
        {
            Emit(Op.Return);
            return;
        }
        int first = _stackCount - count;
        if (count == 1)
        {
            ref var entry = ref _stack[first];
            switch (entry.Kind)
            {
                case OperandKind.Const:
                    EmitConst(0, entry.Type, entry.Value);
                    Emit(Op.Return);
                    break;
                case OperandKind.Local:
                    Emit(entry.Type == ValueType.V128 ? Op.ReturnValue2 : Op.ReturnValue, _localSlot[entry.Local]);
                    break;
                default:
                    Emit(entry.Type == ValueType.V128 ? Op.ReturnValue2 : Op.ReturnValue, Home(entry));
                    break;
            }
            return;
        }
        for (int i = first; i < _stackCount; i++)
        {
            if (_stack[i].Kind != OperandKind.Temp) EmitMove(Home(_stack[i]), _stack[i]);
        }
        int destination = 0;
        for (int i = first; i < _stackCount; i++)
        {
            EmitCopy(destination, Home(_stack[i]), _stack[i].Type);
            destination += Width(_stack[i].Type);
        }
        Emit(Op.Return);
    }

    /// <summary>Materializes the top <paramref name="count"/> entries, pops them and returns the first one's slot.</summary>
    private int PrepareArguments(int count)
    {
        int first = _stackCount - count;
        MaterializeFrom(first);
        int argumentBase = _localSlotCount + (count == 0 ? _height : _stack[first].Height);
        PopTo(first);
        return argumentBase;
    }

    private void TranslateCall(uint functionIndex)
    {
        var type = _module.GetFunctionType(functionIndex);
        int argumentBase = PrepareArguments(type.Parameters.Count);
        int imported = _module.ImportedFunctionCount;
        if (functionIndex >= imported)
            Emit(Op.CallInternal, (int)functionIndex - imported, argumentBase);
        else
            Emit(Op.Call, (int)functionIndex, argumentBase);
        foreach (var result in type.Results) PushTemp(result);
    }

    private void TranslateCallIndirect(uint typeIndex, uint tableIndex)
    {
        var type = _module.Types[(int)typeIndex];
        int element = Use(Pop());
        int argumentBase = PrepareArguments(type.Parameters.Count);
        Emit(Op.CallIndirect, (int)typeIndex, (int)tableIndex, argumentBase, element);
        foreach (var result in type.Results) PushTemp(result);
    }
}
