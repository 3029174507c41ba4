using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// Where a function body is charged fuel, and how much: one charge per straight-line segment of reachable
/// code, placed before the segment's first instruction and covering every instruction up to the next charge
/// (<see cref="FuelCosts"/>). Every tier reads this plan, so all charge at the same points the same amounts.
/// </summary>
/// <remarks>
/// <para>A segment starts where control can arrive other than by falling through one instruction, or where it
/// may leave early: at the function's first instruction and right after every <c>loop</c> (back-edges land
/// there), <c>if</c>, <c>else</c>, <c>end</c> and <c>br_if</c>. Dead code (after <c>br</c>, <c>br_table</c>,
/// <c>return</c>, <c>unreachable</c>, up to the <c>else</c>/<c>end</c> that ends it) costs nothing.
/// Segments that cost 0 are left out.</para>
/// <para>A tier emits the charge of entry <c>i</c> immediately before it translates the instruction at
/// <see cref="Offsets"/>[i] (a byte offset in the module), before anything it emits for that instruction; a
/// charge reached on every path into its instruction is what makes the totals equal across tiers. Because the
/// whole segment is charged up front, a trap in the middle of a segment has consumed the segment's full cost
/// on every tier alike. A charge that finds too little fuel consumes nothing and traps with
/// <see cref="TrapCode.OutOfFuel"/>, so execution can resume at that charge once fuel is added.</para>
/// </remarks>
internal sealed class FuelPlan
{
    private FuelPlan(int[] offsets, int[] costs)
    {
        Offsets = offsets;
        Costs = costs;
    }

    /// <summary>Byte offsets (in the module binary, ascending) of the instructions that start a charged segment.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>The cost charged before the instruction at the same index of <see cref="Offsets"/>.</summary>
    public IReadOnlyList<int> Costs { get; }

    /// <summary>The plan of defined function <paramref name="definedIndex"/> of a validated module.</summary>
    public static FuelPlan Compute(ModuleDescription module, int definedIndex)
    {
        var body = module.Codes[definedIndex];
        var reader = new InstructionReader(module.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
        var offsets = new List<int>();
        var costs = new List<int>();
        int segmentStart = -1, segmentCost = 0;
        bool startsSegment = true, dead = false;
        int depth = 0, deadDepth = 0;

        while (!reader.AtEnd)
        {
            var instruction = reader.Read();
            var opcode = instruction.Opcode;
            if (dead)
            {
                // Follow only the block structure, to find the else/end that makes code reachable again.
                if (opcode is Opcode.Block or Opcode.Loop or Opcode.If) { deadDepth++; continue; }
                if (opcode is Opcode.Else or Opcode.End && deadDepth > 0)
                {
                    if (opcode == Opcode.End) deadDepth--;
                    continue;
                }
                if (opcode is not (Opcode.Else or Opcode.End)) continue;
                dead = false;
            }

            if (startsSegment)
            {
                if (segmentCost > 0) { offsets.Add(segmentStart); costs.Add(segmentCost); }
                segmentStart = instruction.Offset;
                segmentCost = 0;
                startsSegment = false;
            }
            segmentCost += FuelCosts.Of(opcode);

            switch (opcode)
            {
                case Opcode.Block:
                    depth++;
                    break;
                case Opcode.Loop:
                case Opcode.If:
                    depth++;
                    startsSegment = true;
                    break;
                case Opcode.Else:
                case Opcode.BrIf:
                    startsSegment = true;
                    break;
                case Opcode.End:
                    depth--;
                    startsSegment = true;
                    break;
                case Opcode.Br:
                case Opcode.BrTable:
                case Opcode.Return:
                case Opcode.Unreachable:
                    dead = true;
                    deadDepth = 0;
                    break;
            }
            if (depth < 0) break;   // the function's own end
        }
        if (segmentCost > 0) { offsets.Add(segmentStart); costs.Add(segmentCost); }
        return new FuelPlan([.. offsets], [.. costs]);
    }

    /// <summary>
    /// Walks a plan alongside a tier's own pass over the body: <see cref="ChargeAt"/> gives the charge to emit
    /// before the instruction at an offset (0 for none). Offsets must be visited in ascending order; skipped
    /// (dead) instructions may be left out.
    /// </summary>
    public struct Cursor
    {
        private readonly FuelPlan _plan;
        private int _next;

        public Cursor(FuelPlan plan)
        {
            _plan = plan;
            _next = 0;
        }

        /// <summary>The cost to charge before the instruction at <paramref name="offset"/>, 0 when it starts no charged segment.</summary>
        public int ChargeAt(int offset)
        {
            var offsets = _plan.Offsets;
            while (_next < offsets.Count && offsets[_next] < offset) _next++;
            if (_next < offsets.Count && offsets[_next] == offset) return _plan.Costs[_next++];
            return 0;
        }
    }
}
