namespace Wasmbed.Format;

/// <summary>
/// Follows the block structure of unreachable code (after br, br_table, return, unreachable) so a translator can
/// skip it: only the <c>else</c>/<c>end</c> that makes code reachable again is let through. Shared by the
/// interpreter's translator and the IL compiler; the code is already validated.
/// </summary>
internal struct DeadCodeTracker
{
    private int _depth;

    /// <summary>Called when the rest of the current block becomes unreachable.</summary>
    public void Enter() => _depth = 0;

    /// <summary>Whether an instruction of dead code is skipped; false for the else/end that closes the dead region.</summary>
    public bool Skips(Opcode opcode)
    {
        switch (opcode)
        {
            case Opcode.Block:
            case Opcode.Loop:
            case Opcode.If:
                _depth++;
                return true;
            case Opcode.Else:
                return _depth > 0;
            case Opcode.End:
                if (_depth == 0) return false;
                _depth--;
                return true;
            default:
                return true;
        }
    }
}
