using System.Diagnostics;

namespace Wasmbed.Interpreter;

// The compile-time operand stack and the code emitter.
internal sealed partial class Translator
{
    /// <summary>
    /// Deferred entries (local references and constants) are only kept this close to the bottom of the
    /// operand stack; deeper ones are materialized at once. This bounds every scan for deferred entries,
    /// so translation stays linear even for adversarial stack depths.
    /// </summary>
    private const int DeferLimit = 64;

    private enum OperandKind : byte
    {
        /// <summary>The value is in its home slot.</summary>
        Temp,
        /// <summary>The value is (still) local <see cref="Operand.Local"/>.</summary>
        Local,
        /// <summary>The value is the constant <see cref="Operand.Value"/> (not v128).</summary>
        Const,
    }

    private struct Operand
    {
        public OperandKind Kind;
        public ValueType Type;
        /// <summary>Slots below this entry on the operand stack; its home slot is locals + height.</summary>
        public int Height;
        public int Local;
        public ulong Value;
    }

    private Operand[] _stack = new Operand[64];
    private int _stackCount;
    private int _height;
    private int _maxHeight;
    /// <summary>Number of deferred (Local or Const) entries on the stack.</summary>
    private int _deferred;

    private int[] _code = new int[256];
    private int _length;

    // The last emitted instruction, while its result is the top stack entry and nothing has been emitted
    // or bound since: the target of result retargeting (local.set) and compare-branch fusion.
    private int _lastStart = -1;
    private int _lastStackIndex = -1;

    private void ResetFunctionState()
    {
        _stackCount = 0;
        _height = 0;
        _maxHeight = 0;
        _deferred = 0;
        _length = 0;
        _controlCount = 0;
        _deadCode.Enter();
        ForgetLastResult();
    }

    private int Home(in Operand operand) => _localSlotCount + operand.Height;

    private ref Operand PushEntry(OperandKind kind, ValueType type)
    {
        if (_stackCount == _stack.Length) Array.Resize(ref _stack, _stack.Length * 2);
        ref var entry = ref _stack[_stackCount++];
        entry.Kind = kind;
        entry.Type = type;
        entry.Height = _height;
        _height += Width(type);
        if (_height > _maxHeight) _maxHeight = _height;
        return ref entry;
    }

    /// <summary>Pushes a value that an instruction writes to its home slot; returns that slot.</summary>
    private int PushTemp(ValueType type) => Home(PushEntry(OperandKind.Temp, type));

    private void PushLocal(int local)
    {
        var type = _localType[local];
        if (_stackCount >= DeferLimit)
        {
            int home = PushTemp(type);
            int at = EmitCopy(home, _localSlot[local], type);
            if (at >= 0) MarkResult(at);
            return;
        }
        ref var entry = ref PushEntry(OperandKind.Local, type);
        entry.Local = local;
        _localReferences[local]++;
        _deferred++;
    }

    private void PushConst(ValueType type, ulong value)
    {
        if (_stackCount >= DeferLimit)
        {
            int home = PushTemp(type);
            MarkResult(EmitConst(home, type, value));
            return;
        }
        ref var entry = ref PushEntry(OperandKind.Const, type);
        entry.Value = value;
        _deferred++;
    }

    private Operand Pop()
    {
        var entry = _stack[--_stackCount];
        _height = entry.Height;
        if (entry.Kind != OperandKind.Temp)
        {
            _deferred--;
            if (entry.Kind == OperandKind.Local) _localReferences[entry.Local]--;
        }
        return entry;
    }

    private ref Operand Peek(int fromTop = 0) => ref _stack[_stackCount - 1 - fromTop];

    private void PopTo(int count)
    {
        while (_stackCount > count) Pop();
    }

    /// <summary>The slot an instruction reads a popped operand from; a constant is first written to its home slot.</summary>
    private int Use(in Operand operand)
    {
        switch (operand.Kind)
        {
            case OperandKind.Local:
                return _localSlot[operand.Local];
            case OperandKind.Const:
                int home = Home(operand);
                EmitConst(home, operand.Type, operand.Value);
                return home;
            default:
                return Home(operand);
        }
    }

    /// <summary>Moves a deferred stack entry into its home slot.</summary>
    private void Materialize(int index)
    {
        ref var entry = ref _stack[index];
        if (entry.Kind == OperandKind.Temp) return;
        int home = Home(entry);
        if (entry.Kind == OperandKind.Local)
        {
            EmitCopy(home, _localSlot[entry.Local], entry.Type);
            _localReferences[entry.Local]--;
        }
        else
        {
            EmitConst(home, entry.Type, entry.Value);
        }
        entry.Kind = OperandKind.Temp;
        _deferred--;
    }

    /// <summary>Materializes every deferred entry (control-flow joins must see all values in their home slots).</summary>
    private void MaterializeAll()
    {
        if (_deferred == 0) return;
        int end = Math.Min(_stackCount, DeferLimit);
        for (int i = 0; i < end; i++) Materialize(i);
    }

    private void MaterializeFrom(int index)
    {
        for (int i = index; i < _stackCount; i++) Materialize(i);
    }

    /// <summary>Before local <paramref name="local"/> is written: materializes the entries still reading it.</summary>
    private void PreserveLocal(int local)
    {
        if (_localReferences[local] == 0) return;
        int end = Math.Min(_stackCount, DeferLimit);
        for (int i = 0; i < end; i++)
        {
            if (_stack[i].Kind == OperandKind.Local && _stack[i].Local == local) Materialize(i);
        }
    }

    // ---- emitter ----

    /// <summary>Appends an instruction; returns its position.</summary>
    private int Emit(Op op, params ReadOnlySpan<int> operands)
    {
        AssertLayout(op, operands.Length);
        ForgetLastResult();
        int needed = _length + 1 + operands.Length;
        if (needed > _code.Length) Array.Resize(ref _code, Math.Max(needed, _code.Length * 2));
        int at = _length;
        _code[at] = (int)op;
        operands.CopyTo(_code.AsSpan(at + 1));
        _length = needed;
        return at;
    }

    [Conditional("DEBUG")]
    private static void AssertLayout(Op op, int operandCount)
    {
        int expected = 0;
        foreach (char c in OpTable.Layout(op)) expected += c switch { 'L' => 2, 'V' => 4, 'T' => 0, _ => 1 };
        Debug.Assert(OpTable.Layout(op).Contains('T') ? operandCount >= expected : operandCount == expected, $"{op}: {operandCount} operands");
    }

    /// <summary>Copies one value between slots; returns the instruction's position, or -1 when nothing was needed.</summary>
    private int EmitCopy(int destination, int source, ValueType type)
    {
        if (destination == source) return -1;
        return Emit(type == ValueType.V128 ? Op.Copy2 : Op.Copy, destination, source);
    }

    private int EmitConst(int destination, ValueType type, ulong value)
    {
        // i32/f32 constants and references (always null here) fit the zero-extending 32-bit form.
        if (value <= uint.MaxValue) return Emit(Op.Const32, destination, (int)(uint)value);
        return Emit(Op.Const64, destination, (int)(uint)value, (int)(uint)(value >> 32));
    }

    /// <summary>Records that the instruction at <paramref name="at"/> (result operand first) produced the top entry.</summary>
    private void MarkResult(int at)
    {
        _lastStart = at;
        _lastStackIndex = _stackCount - 1;
    }

    private void ForgetLastResult()
    {
        _lastStart = -1;
        _lastStackIndex = -1;
    }

    /// <summary>Whether <paramref name="popped"/> (just popped) is the fresh result of the last emitted instruction.</summary>
    private bool IsLastResult(in Operand popped) =>
        _lastStart >= 0 && popped.Kind == OperandKind.Temp && _lastStackIndex == _stackCount;

    /// <summary>Pushes a temporary and emits <paramref name="op"/> with it as the result slot, followed by <paramref name="operands"/>.</summary>
    private void EmitResult(Op op, ValueType resultType, params ReadOnlySpan<int> operands)
    {
        int result = PushTemp(resultType);
        Span<int> all = stackalloc int[operands.Length + 1];
        all[0] = result;
        operands.CopyTo(all[1..]);
        MarkResult(Emit(op, all));
    }
}
