using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;

namespace Wasmbed.Compiler;

// The compile-time model of the operand stack. Entries [0, _spilled) live in IL locals (one per stack position and
// type, see SpillLocal); entries [_spilled, _height) are on the IL evaluation stack, in order. Instructions call
// Need(n) before consuming n operands, which reloads spilled ones so the top n are on the evaluation stack.
internal sealed partial class FunctionCompiler
{
    private ValueType[] _stack = new ValueType[32];
    /// <summary>Per position: whether the entry was pushed by a constant instruction, and its bits (see FunctionCompiler.Numeric.cs).</summary>
    private ulong?[] _constants = new ulong?[32];
    /// <summary>Per position: whether the value is known to be 0 or 1 (a comparison's result, see <see cref="CompileSelect"/>).</summary>
    private bool[] _zeroOrOne = new bool[32];
    /// <summary>Per position: whether the value is known to be 0 or -1 (a sign test computed as a mask for the select that consumes it).</summary>
    private bool[] _zeroOrAllOnes = new bool[32];
    private int _height;
    private int _spilled;
    private readonly Dictionary<(int Position, Type Type), LocalBuilder> _spillLocals = [];

    private void ResetStack()
    {
        _height = 0;
        _spilled = 0;
        _spillLocals.Clear();
    }

    private void Push(ValueType type)
    {
        if (_height == _stack.Length)
        {
            Array.Resize(ref _stack, _stack.Length * 2);
            Array.Resize(ref _constants, _stack.Length);
            Array.Resize(ref _zeroOrOne, _stack.Length);
            Array.Resize(ref _zeroOrAllOnes, _stack.Length);
        }
        _constants[_height] = null;
        _zeroOrOne[_height] = false;
        _zeroOrAllOnes[_height] = false;
        _stack[_height++] = type;
    }

    private void PushConstant(ValueType type, ulong bits)
    {
        Push(type);
        _constants[_height - 1] = bits;
        _zeroOrOne[_height - 1] = bits <= 1 && type is ValueType.I32 or ValueType.I64;
    }

    /// <summary>Removes the top entry from the model; it must be on the evaluation stack (after <see cref="Need"/>), where the emitted IL consumed it.</summary>
    private ValueType Pop() => _stack[--_height];

    private void Pop(int count) => _height -= count;

    private ValueType Peek(int depth = 0) => _stack[_height - 1 - depth];

    /// <summary>The IL local that holds a spilled value at <paramref name="position"/>; also used as a temporary for that position.</summary>
    private LocalBuilder SpillLocal(int position, ValueType type)
    {
        var clr = ClrTypes.Of(type);
        if (!_spillLocals.TryGetValue((position, clr), out var local))
        {
            local = _il.DeclareLocal(clr);
            _spillLocals.Add((position, clr), local);
        }
        return local;
    }

    /// <summary>Makes sure the top <paramref name="count"/> entries are on the evaluation stack.</summary>
    private void Need(int count)
    {
        int first = _height - count;
        if (_spilled <= first) return;
        for (int p = _height - 1; p >= _spilled; p--) _il.Emit(OpCodes.Stloc, SpillLocal(p, _stack[p]));
        for (int p = first; p < _height; p++) _il.Emit(OpCodes.Ldloc, SpillLocal(p, _stack[p]));
        _spilled = first;
    }

    /// <summary>Moves every entry on the evaluation stack to its spill local.</summary>
    private void SpillAll()
    {
        for (int p = _height - 1; p >= _spilled; p--) _il.Emit(OpCodes.Stloc, SpillLocal(p, _stack[p]));
        _spilled = _height;
    }

    /// <summary>Discards the top entry (drop).</summary>
    private void Discard()
    {
        if (_spilled == _height) _spilled--;
        else _il.Emit(OpCodes.Pop);
        _height--;
    }

    /// <summary>
    /// Emits IL that leaves exactly the top <paramref name="count"/> values on the evaluation stack (nothing below them),
    /// without changing the model: what a branch to a block's end needs. Values below them on the evaluation stack are
    /// popped; spilled ones are left in their locals.
    /// </summary>
    private void EmitKeepOnlyTop(int count)
    {
        int first = _height - count;
        if (_spilled == first) return;
        for (int p = _height - 1; p >= Math.Max(first, _spilled); p--) _il.Emit(OpCodes.Stloc, SpillLocal(p, _stack[p]));
        for (int p = _spilled; p < first; p++) _il.Emit(OpCodes.Pop);
        for (int p = first; p < _height; p++) _il.Emit(OpCodes.Ldloc, SpillLocal(p, _stack[p]));
    }

    /// <summary>
    /// Emits IL that stores the top values into <paramref name="targets"/> (in order) and empties the evaluation stack,
    /// without changing the model: what a branch to a loop header needs.
    /// </summary>
    private void EmitStoreTopAndClear(LocalBuilder[] targets)
    {
        int count = targets.Length;
        int first = _height - count;
        for (int p = _height - 1; p >= first; p--)
        {
            if (p >= _spilled)
            {
                _il.Emit(OpCodes.Stloc, targets[p - first]);
            }
            else
            {
                _il.Emit(OpCodes.Ldloc, SpillLocal(p, _stack[p]));
                _il.Emit(OpCodes.Stloc, targets[p - first]);
            }
        }
        for (int p = _spilled; p < first; p++) _il.Emit(OpCodes.Pop);
    }

    /// <summary>After a join: the model holds <paramref name="types"/> above <paramref name="height"/>, all on the evaluation stack.</summary>
    private void ResetStackTo(int height, IReadOnlyList<ValueType> types)
    {
        _height = height;
        _spilled = height;
        foreach (var type in types) Push(type);
    }
}
