using Wasmbed.Format;

namespace Wasmbed.Compiler;

/// <summary>An i32 value as Σ coefficient × local + constant, exact modulo 2^32, over the locals' values at the start of an iteration.</summary>
internal sealed class AffineForm : IEquatable<AffineForm>
{
    /// <summary>Bounds that keep every sum the precondition computes inside an Int64 (see <see cref="CountedLoop"/>).</summary>
    private const long MaxCoefficient = 1 << 16;
    private const long MaxConstant = 1L << 36;
    private const int MaxTerms = 4;

    private AffineForm((int Local, long Coefficient)[] terms, long constant)
    {
        Terms = terms;
        Constant = constant;
    }

    /// <summary>Nonzero coefficients, ordered by local index.</summary>
    public (int Local, long Coefficient)[] Terms { get; }

    public long Constant { get; }

    public static AffineForm OfConstant(long value) => new([], value);

    public static AffineForm OfLocal(int local) => new([(local, 1)], 0);

    public bool IsConstant => Terms.Length == 0;

    /// <summary>Whether this is exactly <paramref name="local"/> + a constant.</summary>
    public bool IsLocalPlusConstant(int local) => Terms is [var (index, coefficient)] && index == local && coefficient == 1;

    public static AffineForm? Add(AffineForm a, AffineForm b, long scaleOfB = 1)
    {
        var terms = new List<(int, long)>(a.Terms.Length + b.Terms.Length);
        int i = 0, j = 0;
        while (i < a.Terms.Length || j < b.Terms.Length)
        {
            if (j == b.Terms.Length || (i < a.Terms.Length && a.Terms[i].Local < b.Terms[j].Local)) terms.Add(a.Terms[i++]);
            else if (i == a.Terms.Length || b.Terms[j].Local < a.Terms[i].Local) terms.Add((b.Terms[j].Local, b.Terms[j++].Coefficient * scaleOfB));
            else
            {
                long sum = a.Terms[i].Coefficient + b.Terms[j].Coefficient * scaleOfB;
                if (sum != 0) terms.Add((a.Terms[i].Local, sum));
                i++;
                j++;
            }
        }
        return Create([.. terms], a.Constant + b.Constant * scaleOfB);
    }

    public static AffineForm? Scale(AffineForm a, long factor)
    {
        if (factor == 0) return OfConstant(0);
        if (Math.Abs(factor) > MaxCoefficient) return null;
        return Create([.. a.Terms.Select(t => (t.Local, t.Coefficient * factor))], a.Constant * factor);
    }

    private static AffineForm? Create((int Local, long Coefficient)[] terms, long constant)
    {
        if (terms.Length > MaxTerms || Math.Abs(constant) > MaxConstant) return null;
        foreach (var (_, coefficient) in terms)
            if (Math.Abs(coefficient) > MaxCoefficient) return null;
        return new AffineForm(terms, constant);
    }

    public bool Equals(AffineForm? other) =>
        other is not null && Constant == other.Constant && Terms.AsSpan().SequenceEqual(other.Terms);

    public override bool Equals(object? obj) => Equals(obj as AffineForm);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Constant);
        foreach (var term in Terms) hash.Add(term);
        return hash.ToHashCode();
    }
}

/// <summary>
/// Memory accesses of a counted loop whose addresses are <see cref="First"/> + i × <see cref="Step"/> (+ a static
/// offset) in iteration i: all of them lie in memory if both ends of that range, widened by <see cref="Extent"/>
/// (the largest offset + access size among them), do.
/// </summary>
internal sealed record AddressRange(AffineForm First, long Step, ulong Extent);

/// <summary>
/// A loop that runs at most a number of iterations known at its entry, and the accesses of it whose addresses are
/// affine in its induction variables. See <see cref="CountedLoopAnalysis"/>.
/// </summary>
/// <param name="Exit">The value the closing br_if tests, at the end of the first iteration: the loop goes on while it is not 0.</param>
/// <param name="ExitStep">How much that value changes per iteration (never 0).</param>
/// <param name="Ranges">The address ranges to check at entry.</param>
/// <param name="ProvenAccesses">The offsets of the access instructions those checks cover.</param>
/// <param name="CodeBytes">The size of the loop's code, from the <c>loop</c> instruction to its <c>end</c>.</param>
/// <param name="WideAddresses">
/// Per proven access whose address form uses only locals the body writes at most once (invariants and induction
/// variables): that form over the locals' current values at the access (the iteration-start form, less the steps of
/// the locals already written). The copy of the loop without checks keeps those locals in Int64s as their values over
/// the integers, where the form's value is the address itself (the entry checks proved it in every iteration).
/// </param>
/// <param name="WideLocals">The locals <see cref="WideAddresses"/> uses, with their steps per iteration (0 for invariants).</param>
internal sealed record CountedLoop(
    AffineForm Exit, long ExitStep, IReadOnlyList<AddressRange> Ranges, IReadOnlySet<int> ProvenAccesses, int CodeBytes,
    IReadOnlyDictionary<int, AffineForm> WideAddresses, IReadOnlyDictionary<int, long> WideLocals);

/// <summary>
/// Finds loops whose memory accesses can be checked once, at the loop's entry, instead of in every iteration (loop
/// versioning: the compiler then emits a copy of the loop without those checks, run when the entry checks pass, and
/// the loop as it is otherwise).
/// </summary>
/// <remarks>
/// <para>The loop qualifies when its body ends in <c>br_if 0</c>, so that it runs until the tested value is 0, and
/// nothing else goes back to its header. Inside, blocks and ifs (no loops) may branch forward or out of the loop: an
/// exit only shortens the loop, so its trip count stays an upper bound. A local written where some path through a
/// block or if skips the write (after a branch in the block, in an if's arm) is unknown after it, and an else arm
/// starts from the values before the if. Symbolic execution of one iteration
/// describes every i32 value as an <see cref="AffineForm"/> over the locals' values at the iteration's start; add,
/// sub, mul and shl by constants are ring operations modulo 2^32, so a form evaluated over the integers is congruent
/// to the WebAssembly value. A local the body does not write is invariant; one it leaves as itself plus s is an
/// induction variable that grows by s per iteration (modulo 2^32). Any other local the body writes is unknown at an
/// iteration's start. A form over invariants and induction variables then takes, in iteration i, the value
/// first + i × step (computed from the entry values, exact modulo 2^32).</para>
/// <para>The trip count: when the tested value E changes by −k per iteration, the loop ends after n = E₀/k + 1
/// iterations if k divides E₀ (taken as unsigned; E₀ is its value after the first iteration), because it reaches 0
/// exactly then and not before; by +k, likewise with −E₀. When k does not divide it the loop runs its unchecked
/// version. With n known, an access whose address form is affine is inside memory in every iteration exactly when
/// both ends of the integer range first … first + (n − 1) × step lie in 0 … length − (offset + size): the integers
/// then never leave [0, 2^32), so they equal the wrapped WebAssembly addresses. Memory never shrinks, so the length at
/// entry stays valid through calls in the body.</para>
/// </remarks>
internal static class CountedLoopAnalysis
{
    /// <summary>Bounds the per-iteration step of a checked range, so that (n − 1) × step fits an Int64 for n ≤ 2^32.</summary>
    private const long MaxStep = 1 << 24;

    private readonly record struct Value(AffineForm? Form, bool IsNotEqualTest = false)
    {
        public static readonly Value Unknown = new(null);
    }

    /// <summary>
    /// Analyzes the loop whose body starts at <paramref name="reader"/> (just after the <c>loop</c> instruction).
    /// Returns null when it does not qualify or no access can be checked at entry.
    /// </summary>
    public static CountedLoop? Analyze(ModuleDescription module, ReadOnlySpan<ValueType> localTypes, in Instruction loop, InstructionReader reader)
    {
        var block = loop.Block;
        if (block.Kind != BlockTypeKind.Empty) return null;
        var stack = new List<Value>();
        var written = new Dictionary<int, Value>();
        var writes = new Dictionary<int, int>();
        var accesses = new List<(int Offset, Value Address, ulong Extent, int[] WrittenBefore)>();
        Value? exit = null;
        // Blocks and ifs inside the body, innermost first.
        var regions = new List<Region>();
        int deadDepth = -1;
        bool exits = false;

        while (true)
        {
            var instruction = reader.Read();
            var op = instruction.Opcode;
            if (exit is not null) return op == Opcode.End ? Finish(localTypes, written, writes, accesses, exit.Value, exits, reader.Position - loop.Offset) : null;
            var info = instruction.Info;
            if (deadDepth >= 0)
            {
                // Unreachable code after a branch, up to the else or end of its region.
                if (op is Opcode.Block or Opcode.If or Opcode.Loop) deadDepth++;
                else if (op == Opcode.Else && deadDepth == 0) deadDepth = -1;
                else if (op == Opcode.End && deadDepth-- > 0) continue;
                if (deadDepth >= 0) continue;
            }
            switch (op)
            {
                case Opcode.BrIf when regions.Count == 0 && instruction.Index == 0:
                    exit = Pop(stack);
                    continue;
                case Opcode.Block or Opcode.If:
                    // Regions take no parameters and yield at most one value (which the analysis does not follow).
                    var regionType = instruction.Block;
                    if (regionType.Kind == BlockTypeKind.TypeIndex) return null;
                    if (op == Opcode.If) Pop(stack);
                    regions.Insert(0, new Region(stack.Count, regionType.Kind == BlockTypeKind.Value, op == Opcode.If ? new(written) : null));
                    continue;
                case Opcode.Else:
                    // The else branch starts from the values the locals had before the then branch.
                    var branch = regions[0];
                    stack.RemoveRange(branch.Height, stack.Count - branch.Height);
                    foreach (int undone in branch.Conditional)
                    {
                        if (branch.Entry!.TryGetValue(undone, out var before)) written[undone] = before;
                        else written.Remove(undone);
                    }
                    continue;
                case Opcode.End when regions.Count > 0:
                    var region = regions[0];
                    regions.RemoveAt(0);
                    stack.RemoveRange(region.Height, stack.Count - region.Height);
                    if (region.HasResult) stack.Add(Value.Unknown);
                    // A local written on some paths through the region has no one value after it.
                    foreach (int merged in region.Conditional) written[merged] = Value.Unknown;
                    continue;
                case Opcode.Br or Opcode.BrIf or Opcode.BrTable or Opcode.Return or Opcode.Unreachable:
                    // Inside a region: forward branches, which make what follows them in the regions they leave
                    // conditional, and exits from the loop, which only shorten it. A branch to the loop's header would
                    // start an iteration the trip count does not count.
                    if (regions.Count == 0) return null;
                    foreach (uint label in Targets(module, in instruction))
                    {
                        if (label == regions.Count) return null;
                        if (label > regions.Count) exits = true;
                        else for (int r = 0; r <= label; r++) regions[r].Branched = true;
                    }
                    if (op == Opcode.BrIf) { Pop(stack); continue; }
                    deadDepth = 0;
                    continue;
                case Opcode.Nop:
                    continue;
                case Opcode.LocalGet:
                    int local = (int)instruction.Index;
                    stack.Add(written.TryGetValue(local, out var current) ? current
                        : localTypes[local] == ValueType.I32 ? new Value(AffineForm.OfLocal(local)) : Value.Unknown);
                    continue;
                case Opcode.LocalSet or Opcode.LocalTee:
                    int target = (int)instruction.Index;
                    written[target] = op == Opcode.LocalSet ? Pop(stack) : stack[^1];
                    writes[target] = writes.GetValueOrDefault(target) + 1;
                    // A write that some path through the enclosing regions skips is undone where those paths join.
                    if (regions.Any(r => r.Entry is not null || r.Branched)) regions[0].Conditional.Add(target);
                    continue;
                case Opcode.I32Const:
                    stack.Add(new Value(AffineForm.OfConstant((int)instruction.Value)));
                    continue;
                case Opcode.I32Add or Opcode.I32Sub or Opcode.I32Mul or Opcode.I32Shl or Opcode.I32Ne:
                    var right = Pop(stack);
                    var left = Pop(stack);
                    stack.Add(Combine(op, left, right));
                    continue;
                case Opcode.Drop:
                    Pop(stack);
                    continue;
                case Opcode.Select or Opcode.SelectTyped:
                    Pop(stack, 3);
                    stack.Add(Value.Unknown);
                    continue;
                case Opcode.GlobalGet:
                    stack.Add(Value.Unknown);
                    continue;
                case Opcode.GlobalSet:
                    Pop(stack);
                    continue;
                case Opcode.Call or Opcode.CallIndirect:
                    var type = op == Opcode.Call ? module.GetFunctionType(instruction.Index) : module.Types[(int)instruction.Index];
                    Pop(stack, type.Parameters.Count + (op == Opcode.CallIndirect ? 1 : 0));
                    for (int i = 0; i < type.Results.Count; i++) stack.Add(Value.Unknown);
                    continue;
            }
            // Anything else that is not an ordinary operator (control flow, references, tables) ends the analysis.
            if (info.Inputs is null || info.Outputs is null) return null;
            if (info.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgAndLane)
            {
                // The address is the bottom operand: loads take only it, stores and lane accesses a value above it.
                var address = stack[^info.Inputs.Count];
                int[] writtenBefore = address.Form is { } form ? [.. form.Terms.Select(t => t.Local).Where(writes.ContainsKey)] : [];
                accesses.Add((instruction.Offset, address, instruction.Value + (ulong)(1 << info.NaturalAlignment), writtenBefore));
            }
            Pop(stack, info.Inputs.Count);
            for (int i = 0; i < info.Outputs.Count; i++) stack.Add(Value.Unknown);
        }
    }

    /// <summary>The labels a branch may go to (none for return and unreachable), as relative depths.</summary>
    private static uint[] Targets(ModuleDescription module, in Instruction branch)
    {
        if (branch.Opcode is Opcode.Br or Opcode.BrIf) return [branch.Index];
        if (branch.Opcode != Opcode.BrTable) return [];
        var targets = new uint[branch.Index + 1];
        InstructionReader.ReadBrTableTargets(module.Bytes.Span, branch, targets.AsSpan(0, (int)branch.Index));
        targets[^1] = branch.Index2;
        return targets;
    }

    /// <summary>
    /// An address form over the iteration-start values, rewritten over the values the locals have at the access: a
    /// local written (once) before it has grown by its step. Null when a local is written more than once.
    /// </summary>
    private static AffineForm? CurrentForm(AffineForm form, int[] writtenBefore, Dictionary<int, int> writes, Dictionary<int, long> steps)
    {
        long grown = 0;
        foreach (var (local, coefficient) in form.Terms)
        {
            if (writes.GetValueOrDefault(local) > 1 || !steps.TryGetValue(local, out long step)) return null;
            if (writtenBefore.Contains(local)) grown += coefficient * step;
        }
        return AffineForm.Add(form, AffineForm.OfConstant(grown), -1);
    }

    /// <summary>A block or if inside the loop's body.</summary>
    /// <param name="Height">The operand stack height at its start.</param>
    /// <param name="HasResult">Whether it yields a value.</param>
    /// <param name="Entry">For an if: the locals' values at its start, which its else branch starts from.</param>
    private sealed record Region(int Height, bool HasResult, Dictionary<int, Value>? Entry)
    {
        /// <summary>Whether a branch to its end (or beyond) has been met in it, so that what follows may be skipped.</summary>
        public bool Branched { get; set; }

        /// <summary>Locals written in it where some path skips the write.</summary>
        public HashSet<int> Conditional { get; } = [];
    }

    private static Value Pop(List<Value> stack)
    {
        var value = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private static void Pop(List<Value> stack, int count) => stack.RemoveRange(stack.Count - count, count);

    private static Value Combine(Opcode op, Value left, Value right)
    {
        if (left.Form is not { } a || right.Form is not { } b || left.IsNotEqualTest || right.IsNotEqualTest) return Value.Unknown;
        AffineForm? result = op switch
        {
            Opcode.I32Add => AffineForm.Add(a, b),
            Opcode.I32Sub or Opcode.I32Ne => AffineForm.Add(a, b, -1),
            Opcode.I32Mul when b.IsConstant => AffineForm.Scale(a, (int)b.Constant),
            Opcode.I32Mul when a.IsConstant => AffineForm.Scale(b, (int)a.Constant),
            Opcode.I32Shl when b.IsConstant && (b.Constant & 31) <= 16 => AffineForm.Scale(a, 1L << (int)(b.Constant & 31)),
            _ => null,
        };
        // a ≠ b is tested as a − b ≠ 0.
        return new Value(result, op == Opcode.I32Ne);
    }

    private static CountedLoop? Finish(
        ReadOnlySpan<ValueType> localTypes, Dictionary<int, Value> written, Dictionary<int, int> writes,
        List<(int Offset, Value Address, ulong Extent, int[] WrittenBefore)> accesses, Value exit, bool exits, int codeBytes)
    {
        // The step of every local an affine form may use: 0 for invariants, s for induction variables.
        var steps = new Dictionary<int, long>();
        for (int local = 0; local < localTypes.Length; local++)
        {
            if (!written.TryGetValue(local, out var final)) steps[local] = 0;
            else if (final.Form is { } form && !final.IsNotEqualTest && form.IsLocalPlusConstant(local)) steps[local] = form.Constant;
        }
        long? StepOf(AffineForm form)
        {
            long step = 0;
            foreach (var (local, coefficient) in form.Terms)
            {
                if (!steps.TryGetValue(local, out long s)) return null;
                step += coefficient * s;
            }
            return Math.Abs(step) <= MaxStep ? step : null;
        }

        if (exit.Form is not { } exitForm || StepOf(exitForm) is not { } exitStep || exitStep == 0) return null;
        var ranges = new Dictionary<(AffineForm First, long Step), ulong>();
        var proven = new HashSet<int>();
        var wideAddresses = new Dictionary<int, AffineForm>();
        var wideLocals = new Dictionary<int, long>();
        foreach (var (offset, address, extent, writtenBefore) in accesses)
        {
            if (address.Form is not { } form || address.IsNotEqualTest || StepOf(form) is not { } step || extent > uint.MaxValue) continue;
            proven.Add(offset);
            ranges[(form, step)] = Math.Max(extent, ranges.GetValueOrDefault((form, step)));
            // A branch out of the loop would leave an induction variable's i32 local behind its wide copy (which is
            // written back only where the loop ends), so such loops widen only invariants.
            if (CurrentForm(form, writtenBefore, writes, steps) is { } current && (!exits || form.Terms.All(t => steps[t.Local] == 0)))
            {
                wideAddresses[offset] = current;
                foreach (var (local, _) in form.Terms) wideLocals[local] = steps[local];
            }
        }
        if (proven.Count == 0) return null;
        return new CountedLoop(
            exitForm, exitStep, [.. ranges.Select(r => new AddressRange(r.Key.First, r.Key.Step, r.Value))], proven, codeBytes, wideAddresses, wideLocals);
    }
}
