using System.Reflection.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Loop versioning (CountedLoopAnalysis): a counted loop is emitted twice. In front of it, its trip count
// and the address ranges of its affine accesses are computed from the locals; when every range lies in memory, the
// copy without those accesses' bounds checks runs, otherwise the loop as always. Both copies run the same
// instructions, so results, traps and fuel are the same either way.
internal sealed partial class FunctionCompiler
{
    /// <summary>
    /// Loops are versioned only while the function's IL, copies included, is expected to stay within this many bytes.
    /// RyuJIT stops optimizing methods of about 20,000 IL instructions, and JIT time grows with the size: a large
    /// function (clang's fully unrolled vector code runs to 7 IL bytes per byte of WebAssembly) keeps its loops as they
    /// are.
    /// </summary>
    public const int MaxVersionedIlBytes = 24 * 1024;

    /// <summary>While the unchecked copy of a loop is translated: the accesses whose bounds its entry checks proved.</summary>
    private IReadOnlySet<int>? _provenAccesses;
    /// <summary>Where the IL of the function's instructions starts (after the prologue).</summary>
    private int _bodyIlStart;
    private LocalBuilder? _tripsLeft;
    private LocalBuilder? _rangeStart;

    /// <summary>While the unchecked copy of a loop is translated: per WebAssembly local kept in an Int64, that local and its step.</summary>
    private Dictionary<int, (LocalBuilder Wide, long Step)>? _wideLocals;
    /// <summary>While the unchecked copy of a loop is translated: the accesses whose addresses are forms over wide locals.</summary>
    private IReadOnlyDictionary<int, AffineForm>? _wideAddresses;
    private readonly Dictionary<int, LocalBuilder> _wideLocalCache = [];

    private bool AccessIsProven => _provenAccesses is { } proven && proven.Contains(_instructionOffset);

    /// <summary>The form of the current access's address over wide locals, if it has one.</summary>
    private AffineForm? WideAddress => _wideAddresses is { } addresses && addresses.TryGetValue(_instructionOffset, out var form) ? form : null;

    private bool TryCompileVersionedLoop(in Instruction loopInstruction, ref InstructionReader reader)
    {
        if (!_usesMemory || _provenAccesses is not null) return false;
        var loop = CountedLoopAnalysis.Analyze(_module, _localTypes.AsSpan(0, _localCount), in loopInstruction, reader);
        if (loop is null || ExpectedIlBytes(loopInstruction.Offset, loop.CodeBytes) > MaxVersionedIlBytes) return false;

        SpillAll();
        var checkedLoop = _il.DefineLabel();
        var done = _il.DefineLabel();
        EmitEntryChecks(loop, checkedLoop);

        var bodyStart = reader;
        var fuel = _fuel;
        _provenAccesses = loop.ProvenAccesses;
        BeginWideLocals(loop);
        CompileWholeLoop(in loopInstruction, ref reader);
        EndWideLocals();
        _provenAccesses = null;
        _il.Emit(OpCodes.Br, done);

        _il.MarkLabel(checkedLoop);
        reader = bodyStart;
        _fuel = fuel;
        CompileWholeLoop(in loopInstruction, ref reader);
        _il.MarkLabel(done);
        return true;
    }

    /// <summary>
    /// Widens the locals the addresses of proven accesses are computed from: each gets an Int64 copy holding its value
    /// over the integers (zero-extended at entry, its step added at its one write), from which the address is computed
    /// in 64 bits, without the zero-extension of an i32 in every access. Reads of the local take the copy's low 32
    /// bits, which is the WebAssembly value: both change by the same additions.
    /// </summary>
    private void BeginWideLocals(CountedLoop loop)
    {
        if (loop.WideAddresses.Count == 0) return;
        _wideLocals = [];
        foreach (var (local, step) in loop.WideLocals)
        {
            if (!_wideLocalCache.TryGetValue(local, out var wide)) _wideLocalCache[local] = wide = _il.DeclareLocal(typeof(long));
            EmitLoadLocal((uint)local);
            _il.Emit(OpCodes.Conv_U8);
            _il.Emit(OpCodes.Stloc, wide);
            _wideLocals[local] = (wide, step);
        }
        _wideAddresses = loop.WideAddresses;
    }

    /// <summary>After the loop: the induction variables get their final values back from their Int64 copies.</summary>
    private void EndWideLocals()
    {
        if (_wideLocals is null) return;
        foreach (var (local, (wide, step)) in _wideLocals)
        {
            if (step == 0) continue;
            _il.Emit(OpCodes.Ldloc, wide);
            _il.Emit(OpCodes.Conv_I4);
            StoreLocal((uint)local);
        }
        _wideLocals = null;
        _wideAddresses = null;
    }

    /// <summary>
    /// The IL the function is expected to end with if the loop at <paramref name="offset"/> is copied: what is emitted
    /// so far, plus the rest of the function and the copy at the rate of the body so far (IL bytes per byte of
    /// WebAssembly; 8, typical of scalar code, until there is enough to measure).
    /// </summary>
    private long ExpectedIlBytes(int offset, int loopBytes)
    {
        int translated = offset - _codeStart;
        double rate = translated < 64 ? 8 : (double)(_il.ILOffset - _bodyIlStart) / translated;
        return _il.ILOffset + (long)(rate * (_codeStart + _codeLength - offset + loopBytes));
    }

    private void CompileWholeLoop(in Instruction loopInstruction, ref InstructionReader reader)
    {
        int depth = _frameCount;
        _instructionOffset = loopInstruction.Offset;
        CompileInstruction(in loopInstruction);
        while (_frameCount > depth) CompileNext(ref reader);
    }

    /// <summary>
    /// Branches to <paramref name="checkedLoop"/> unless the trip count is known and every range lies in memory (see
    /// <see cref="CountedLoopAnalysis"/> for why these conditions suffice).
    /// </summary>
    private void EmitEntryChecks(CountedLoop loop, Label checkedLoop)
    {
        // Trips after the first: w / k, where w is the tested value after the first iteration (negated when it
        // grows) as unsigned, and k divides w. The JIT turns the division by the constant k into shifts or a multiply.
        _tripsLeft ??= _il.DeclareLocal(typeof(long));
        _rangeStart ??= _il.DeclareLocal(typeof(long));
        ulong k = (ulong)Math.Abs(loop.ExitStep);
        EmitFormAsInt32(loop.Exit);
        if (loop.ExitStep > 0) _il.Emit(OpCodes.Neg);
        _il.Emit(OpCodes.Conv_U8);
        _il.Emit(OpCodes.Stloc, _tripsLeft);
        if (k > 1)
        {
            _il.Emit(OpCodes.Ldloc, _tripsLeft);
            _il.Emit(OpCodes.Ldc_I8, (long)k);
            _il.Emit(OpCodes.Rem_Un);
            _il.Emit(OpCodes.Brtrue, checkedLoop);
            _il.Emit(OpCodes.Ldloc, _tripsLeft);
            _il.Emit(OpCodes.Ldc_I8, (long)k);
            _il.Emit(OpCodes.Div_Un);
            _il.Emit(OpCodes.Stloc, _tripsLeft);
        }

        foreach (var range in loop.Ranges)
        {
            EmitFormAsInt64(range.First);
            _il.Emit(OpCodes.Stloc, _rangeStart);
            // The low end must be ≥ 0 and the high end ≤ length − extent; which end is which depends on the step.
            if (range.Step >= 0)
            {
                if (MayBeNegative(range.First))
                {
                    _il.Emit(OpCodes.Ldloc, _rangeStart);
                    EmitBranchIfNegative(checkedLoop);
                }
                EmitRangeEnd(range.Step);
                EmitBranchIfBeyondMemory(range.Extent, checkedLoop);
            }
            else
            {
                EmitRangeEnd(range.Step);
                EmitBranchIfNegative(checkedLoop);
                _il.Emit(OpCodes.Ldloc, _rangeStart);
                EmitBranchIfBeyondMemory(range.Extent, checkedLoop);
            }
        }
    }

    /// <summary>Pushes the start of the range plus the remaining trips times the step (the address of the last iteration).</summary>
    private void EmitRangeEnd(long step)
    {
        _il.Emit(OpCodes.Ldloc, _rangeStart!);
        if (step == 0) return;
        _il.Emit(OpCodes.Ldloc, _tripsLeft!);
        _il.Emit(OpCodes.Ldc_I8, step);
        _il.Emit(OpCodes.Mul);
        _il.Emit(OpCodes.Add);
    }

    /// <summary>With an Int64 on the stack: branches when it is negative.</summary>
    private void EmitBranchIfNegative(Label target)
    {
        _il.Emit(OpCodes.Ldc_I8, 0L);
        _il.Emit(OpCodes.Blt, target);
    }

    /// <summary>With an address on the stack: branches when address + extent would pass the end of memory.</summary>
    private void EmitBranchIfBeyondMemory(ulong extent, Label target)
    {
        _il.Emit(OpCodes.Ldloc, _memoryLength!);
        _il.Emit(OpCodes.Ldc_I8, (long)extent);
        _il.Emit(OpCodes.Sub);
        _il.Emit(OpCodes.Bgt, target);
    }

    private static bool MayBeNegative(AffineForm form) => form.Constant < 0 || form.Terms.Any(t => t.Coefficient < 0);

    /// <summary>Pushes the form's value in i32 arithmetic (the WebAssembly value).</summary>
    private void EmitFormAsInt32(AffineForm form)
    {
        LoadInt((int)form.Constant);
        foreach (var (local, coefficient) in form.Terms)
        {
            EmitLoadLocal((uint)local);
            if (coefficient != 1)
            {
                LoadInt((int)coefficient);
                _il.Emit(OpCodes.Mul);
            }
            _il.Emit(OpCodes.Add);
        }
    }

    /// <summary>
    /// Pushes the form's value over the integers, with every local taken as unsigned (an Int64): in front of a loop
    /// from the i32 locals, in the unchecked copy of a loop from the wide copies where the locals have them.
    /// </summary>
    private void EmitFormAsInt64(AffineForm form)
    {
        _il.Emit(OpCodes.Ldc_I8, form.Constant);
        foreach (var (local, coefficient) in form.Terms)
        {
            if (_wideLocals is { } wide && wide.TryGetValue(local, out var copy))
            {
                _il.Emit(OpCodes.Ldloc, copy.Wide);
            }
            else
            {
                EmitLoadLocal((uint)local);
                _il.Emit(OpCodes.Conv_U8);
            }
            if (coefficient != 1)
            {
                _il.Emit(OpCodes.Ldc_I8, coefficient);
                _il.Emit(OpCodes.Mul);
            }
            _il.Emit(OpCodes.Add);
        }
    }
}
