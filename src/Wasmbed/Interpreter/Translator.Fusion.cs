namespace Wasmbed.Interpreter;

// Fusion of adjacent instructions into one dispatch (the pairs are listed in OpTable.DefineFusedPairs). Runs on
// the finished code of a function, while branch targets are still absolute positions.
internal sealed partial class Translator
{
    /// <summary>Whether adjacent pairs are fused (on by default; tests compare against unfused code).</summary>
    internal bool FusesPairs { get; init; } = true;

    private int[] _instructionStarts = new int[64];
    private bool[] _isBranchTarget = new bool[256];
    private int[] _newPosition = new int[256];
    private int[] _fusedCount = new int[64];
    private int[] _rewritten = new int[256];

    /// <summary>
    /// Replaces adjacent instruction pairs that have a fused op by that op, where nothing branches to the second
    /// instruction (a branch target must stay the start of an instruction). A fused op executes exactly its first
    /// op and then its second, so only the number of dispatches changes. On a straight run where several
    /// overlapping pairs could fuse, the choice that fuses the most pairs wins.
    /// </summary>
    private void FuseAdjacentPairs()
    {
        int count = FindInstructionsAndTargets();
        if (count < 2) return;

        // _fusedCount[i]: the most pairs that can be fused among instructions i.. (counted from the end).
        if (_fusedCount.Length < count + 2) _fusedCount = new int[Math.Max(count + 2, _fusedCount.Length * 2)];
        _fusedCount[count] = _fusedCount[count + 1] = 0;
        for (int i = count - 1; i >= 0; i--)
        {
            int best = _fusedCount[i + 1];
            if (CanFuse(i, count, out _)) best = Math.Max(best, 1 + _fusedCount[i + 2]);
            _fusedCount[i] = best;
        }
        if (_fusedCount[0] == 0) return;

        if (_rewritten.Length < _length) _rewritten = new int[Math.Max(_length, _rewritten.Length * 2)];
        int written = 0;
        for (int i = 0; i < count;)
        {
            int start = _instructionStarts[i];
            _newPosition[start] = written;
            if (CanFuse(i, count, out var fused) && 1 + _fusedCount[i + 2] >= _fusedCount[i + 1])
            {
                int second = _instructionStarts[i + 1];
                int end = _instructionStarts[i + 2];
                _rewritten[written++] = (int)fused;
                _code.AsSpan(start + 1, second - start - 1).CopyTo(_rewritten.AsSpan(written));
                written += second - start - 1;
                _code.AsSpan(second + 1, end - second - 1).CopyTo(_rewritten.AsSpan(written));
                written += end - second - 1;
                _newPosition[second] = _newPosition[start];
                i += 2;
            }
            else
            {
                int end = _instructionStarts[i + 1];
                _code.AsSpan(start, end - start).CopyTo(_rewritten.AsSpan(written));
                written += end - start;
                i++;
            }
        }
        _newPosition[_length] = written;
        (_code, _rewritten) = (_rewritten, _code);
        _length = written;
        RetargetBranches();
    }

    /// <summary>Whether instruction <paramref name="i"/> and the next one fuse (and nothing branches between them).</summary>
    private bool CanFuse(int i, int count, out Op fused)
    {
        fused = Op.Unreachable;
        if (i + 1 >= count) return false;
        int second = _instructionStarts[i + 1];
        return !_isBranchTarget[second] && OpTable.TryFuse((Op)_code[_instructionStarts[i]], (Op)_code[second], out fused);
    }

    /// <summary>
    /// Fills <see cref="_instructionStarts"/> (plus one entry for the end) and marks every branch target; returns
    /// the number of instructions.
    /// </summary>
    private int FindInstructionsAndTargets()
    {
        if (_isBranchTarget.Length <= _length)
        {
            int size = Math.Max(_length + 1, _isBranchTarget.Length * 2);
            _isBranchTarget = new bool[size];
            _newPosition = new int[size];
        }
        else
        {
            Array.Clear(_isBranchTarget, 0, _length + 1);
        }
        int count = 0;
        for (int pc = 0; pc < _length; pc += OpTable.Length(_code.AsSpan(pc, _length - pc)))
        {
            if (count + 1 >= _instructionStarts.Length) Array.Resize(ref _instructionStarts, _instructionStarts.Length * 2);
            _instructionStarts[count++] = pc;
            foreach (int at in TargetOperands(pc)) _isBranchTarget[_code[at]] = true;
        }
        _instructionStarts[count] = _length;
        return count;
    }

    /// <summary>Maps every branch target of the rewritten code from its old position to its new one.</summary>
    private void RetargetBranches()
    {
        for (int pc = 0; pc < _length; pc += OpTable.Length(_code.AsSpan(pc, _length - pc)))
        {
            foreach (int at in TargetOperands(pc)) _code[at] = _newPosition[_code[at]];
        }
    }

    /// <summary>The positions of the branch target operands of the instruction at <paramref name="pc"/>.</summary>
    private List<int> TargetOperands(int pc)
    {
        _targetOperands.Clear();
        int at = pc + 1;
        foreach (char kind in OpTable.Layout((Op)_code[pc]))
        {
            switch (kind)
            {
                case 't':
                    _targetOperands.Add(at++);
                    break;
                case 'T':
                    int targets = _code[at - 1];
                    for (int i = 0; i < targets; i++) _targetOperands.Add(at++);
                    break;
                case 'L':
                    at += 2;
                    break;
                case 'V':
                    at += 4;
                    break;
                default:
                    at++;
                    break;
            }
        }
        return _targetOperands;
    }

    private readonly List<int> _targetOperands = [];
}
