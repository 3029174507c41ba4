using Wasmbed.Format;
using Wasmbed.Runtime;

namespace Wasmbed.Interpreter;

/// <summary>
/// Translates validated function bodies into the interpreter's register-style code (<see cref="Op"/>).
/// </summary>
/// <remarks>
/// <para>The translator walks the body once, keeping a compile-time model of the operand stack. Each entry
/// is a temporary in its "home" slot (locals + stack height), or — deferred — a reference to a local or a
/// constant. Instructions name their operands' slots directly, so <c>local.get</c> and constants usually cost
/// nothing; a deferred entry is materialized into its home slot when a <c>local.set</c>/<c>local.tee</c> would
/// clobber the local it refers to, at control-flow joins, and where an operation needs it in a slot.</para>
/// <para>Peephole rules: a <c>local.set</c> right after the instruction that produced its value retargets
/// that instruction's result slot to the local; a <c>br_if</c>/<c>if</c> on a fresh i32 comparison becomes one
/// fused compare-and-branch; i32/i64 binary operations with a constant operand use an immediate form.</para>
/// <para>Translation never fails on validated code and never re-checks types. Buffers are kept per thread
/// and reused from one function to the next.</para>
/// </remarks>
internal sealed partial class Translator
{
    [ThreadStatic]
    private static Translator? s_cached;

    private ModuleDescription _module = null!;
    private FunctionType _type = null!;

    /// <summary>The translated code of a module's defined function, translating it on first use.</summary>
    public static TranslatedFunction GetOrTranslate(Module module, int definedIndex)
    {
        ref object? cache = ref module.Translations[definedIndex];
        if (Volatile.Read(ref cache) is TranslatedFunction existing) return existing;
        var options = module.Engine.Options;
        var checks = (options.ConsumeFuel ? SandboxChecks.Fuel : 0) | (options.Interruptible ? SandboxChecks.Interrupt : 0);
        var translated = (s_cached ??= new Translator()).Translate(module.Description, definedIndex, checks);
        // Modules are shared between stores on different threads: the first finished translation wins.
        return (TranslatedFunction)(Interlocked.CompareExchange(ref cache, translated, null) ?? translated);
    }

    /// <summary>Translates every defined function of <paramref name="module"/> now (<see cref="TranslationMode.Eager"/>).</summary>
    internal static void TranslateAll(Module module)
    {
        for (int i = 0; i < module.Translations.Length; i++) GetOrTranslate(module, i);
    }

    /// <summary>
    /// Translates one defined function of a validated module, with the sandbox checks in <paramref name="checks"/>
    /// (none by default: code without them pays nothing for them).
    /// </summary>
    public TranslatedFunction Translate(ModuleDescription module, int definedIndex, SandboxChecks checks = SandboxChecks.None)
    {
        _module = module;
        _type = module.Types[(int)module.FunctionTypeIndices[definedIndex]];
        var body = module.Codes[definedIndex];
        ResetFunctionState();
        DeclareLocals(_type, body);
        PushFunctionControl(_type);
        _interruptChecks = (checks & SandboxChecks.Interrupt) != 0;
        _fuelChecks = (checks & SandboxChecks.Fuel) != 0;
        if (_fuelChecks) _fuel = new FuelPlan.Cursor(FuelPlan.Compute(module, definedIndex));
        if (_interruptChecks) Emit(Op.CheckInterrupt);   // function entry

        var bytes = module.Bytes.Span;
        var reader = new InstructionReader(bytes, body.CodeOffset, body.CodeOffset + body.CodeLength);
        while (_controlCount > 0)
        {
            var instruction = reader.Read();
            if (Top.Unreachable && _deadCode.Skips(instruction.Opcode)) continue;
            if (_fuelChecks) EmitFuelCharges(in instruction);
            TranslateInstruction(in instruction);
        }

        if (FusesPairs) FuseAdjacentPairs();
        MakeBranchTargetsRelative();
        uint functionIndex = (uint)(module.ImportedFunctionCount + definedIndex);
        int resultSlots = FunctionInstanceSlots(_type.Results);
        int frameSlots = Math.Max(_localSlotCount + _maxHeight, resultSlots);
        var translated = new TranslatedFunction(
            functionIndex, _code.AsSpan(0, _length).ToArray(), FunctionInstanceSlots(_type.Parameters), _localSlotCount, frameSlots, resultSlots);
        _module = null!;
        _type = null!;
        return translated;
    }

    // ---- sandbox checks (docs/sandbox.md) ----

    private bool _interruptChecks;
    private bool _fuelChecks;
    private FuelPlan.Cursor _fuel;

    /// <summary>
    /// Emits the fuel charges before <paramref name="instruction"/>: its segment's charge if it starts one (the
    /// shared <see cref="FuelPlan"/>), then its dynamic charge if its cost grows with its count operand.
    /// </summary>
    private void EmitFuelCharges(in Instruction instruction)
    {
        int cost = _fuel.ChargeAt(instruction.Offset);
        if (cost > 0) Emit(Op.Fuel, cost);
        if (FuelCosts.HasDynamicCost(instruction.Opcode, out int scale))
        {
            // The count is the topmost operand; a constant is put in its slot once, for the charge and the instruction.
            if (Peek().Kind == OperandKind.Const) Materialize(_stackCount - 1);
            Emit(Op.FuelDynamic, Use(Peek()), scale);
        }
    }

    /// <summary>
    /// Branch targets are emitted as absolute positions (easy to patch) and stored relative to their branch
    /// instruction, so the executor can jump without knowing where the code array starts.
    /// </summary>
    private void MakeBranchTargetsRelative()
    {
        for (int pc = 0; pc < _length; pc += OpTable.Length(_code.AsSpan(pc, _length - pc)))
        {
            int at = pc + 1;
            foreach (char kind in OpTable.Layout((Op)_code[pc]))
            {
                switch (kind)
                {
                    case 't':
                        _code[at++] -= pc;
                        break;
                    case 'T':
                        int count = _code[at - 1];
                        for (int i = 0; i < count; i++) _code[at++] -= pc;
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
        }
    }

    private static int Width(ValueType type) => type == ValueType.V128 ? 2 : 1;

    private static int FunctionInstanceSlots(IReadOnlyList<ValueType> types)
    {
        int slots = 0;
        for (int i = 0; i < types.Count; i++) slots += Width(types[i]);
        return slots;
    }

    // ---- locals ----

    private int[] _localSlot = new int[16];
    private ValueType[] _localType = new ValueType[16];
    private int[] _localReferences = new int[16];
    /// <summary>Declared locals nothing has written yet (meaningful while <see cref="_straightFromEntry"/>).</summary>
    private bool[] _localStillZero = new bool[16];
    /// <summary>Whether the current position is reached only by straight-line flow from the function's entry (no label bound yet).</summary>
    private bool _straightFromEntry;
    private int _localCount;
    private int _localSlotCount;

    private void DeclareLocals(FunctionType type, FunctionBody body)
    {
        int count = type.Parameters.Count + (int)body.LocalCount;
        if (_localSlot.Length < count)
        {
            int size = Math.Max(count, _localSlot.Length * 2);
            _localSlot = new int[size];
            _localType = new ValueType[size];
            _localReferences = new int[size];
            _localStillZero = new bool[size];
        }
        int index = 0, slot = 0;
        foreach (var parameter in type.Parameters) DeclareLocal(ref index, ref slot, parameter, zero: false);
        foreach (var run in body.Locals)
            for (uint i = 0; i < run.Count; i++) DeclareLocal(ref index, ref slot, run.Type, zero: true);
        _straightFromEntry = true;
        _localCount = index;
        _localSlotCount = slot;
    }

    private void DeclareLocal(ref int index, ref int slot, ValueType type, bool zero)
    {
        _localStillZero[index] = zero;
        _localSlot[index] = slot;
        _localType[index] = type;
        _localReferences[index] = 0;
        index++;
        slot += Width(type);
    }
}

/// <summary>Which sandbox checks translated code contains (from <see cref="EngineOptions"/>).</summary>
[Flags]
internal enum SandboxChecks
{
    None = 0,
    /// <summary>Fuel charges per segment and per bulk instruction (<see cref="EngineOptions.ConsumeFuel"/>).</summary>
    Fuel = 1,
    /// <summary>Interruption checks at function entry and loop headers (<see cref="EngineOptions.Interruptible"/>).</summary>
    Interrupt = 2,
}
