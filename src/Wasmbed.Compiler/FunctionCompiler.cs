using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Compiler.Runtime;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

/// <summary>
/// Translates one validated function body to IL in a single pass.
/// </summary>
/// <remarks>
/// <para>WebAssembly locals become IL arguments and locals; the operand stack becomes the IL evaluation stack. A
/// compile-time model of the operand stack records each value's type and whether it is on the evaluation stack or
/// spilled to an IL local (spilled values always form the bottom of the stack, see FunctionCompiler.Stack.cs).</para>
/// <para>Control flow keeps one rule at every join: when a block, loop or if starts, everything below its parameters is
/// spilled, so a label is reached with exactly the label's values on the evaluation stack (none for loop headers,
/// whose parameters travel in locals). That keeps the IL valid (ECMA-335 III.1.7.5) and simple for the JIT.</para>
/// <para>Memory 0 is cached as a base reference and length in IL locals, reloaded after anything that may replace the
/// array (calls, memory.grow); every access is checked once against the length and traps when out of bounds.</para>
/// <para>Validation has already passed, so nothing is re-checked; dead code after br, br_table, return and unreachable is
/// skipped up to the end of its block.</para>
/// </remarks>
internal sealed partial class FunctionCompiler
{
    /// <summary>Functions whose frame could exceed this are refused: the stack guard keeps 96 KiB free below its limit.</summary>
    public const int MaxFrameBytes = 48 * 1024;

    private readonly ModuleScope _scope;
    private readonly ModuleDescription _module;
    private ILGenerator _il = null!;
    private FunctionType _type = null!;
    private int _definedIndex;
    private short _contextArgument;
    private short _depthArgument;
    private bool _makesCalls = true;
    /// <summary>Whether the prologue may skip the stack probe (always for a small leaf, mostly for other small functions).</summary>
    private bool _smallFrame;
    /// <summary>Whether the instruction after the current one is a select (which then takes the current one's result as its condition).</summary>
    private bool _nextIsSelect;
    /// <summary>Where the instruction being translated starts in the module binary.</summary>
    private int _instructionOffset;
    /// <summary>Where the function's code starts in the module binary, and its size.</summary>
    private int _codeStart, _codeLength;

    public FunctionCompiler(ModuleScope scope)
    {
        _scope = scope;
        _module = scope.Description;
    }

    /// <summary>Emits the body of defined function <paramref name="definedIndex"/> into its method.</summary>
    /// <param name="optimizedBeforeFirstCall">
    /// Whether the JIT optimizes the method before it first runs. If not, it may start as tier-0 code, whose frames
    /// keep every temporary on the stack and are not covered by <see cref="FrameBound"/>: the function then probes
    /// the stack on every entry.
    /// </param>
    public void Compile(int definedIndex, bool optimizedBeforeFirstCall)
    {
        _definedIndex = definedIndex;
        _type = _module.Types[(int)_module.FunctionTypeIndices[definedIndex]];
        var body = _module.Codes[definedIndex];
        var method = _scope.Functions[definedIndex];
        var il = method.GetILGenerator(Math.Max(64, body.CodeLength * 4));
        _il = _scope.Tokens is { } tokens ? new TokenCachingILGenerator(il, tokens) : il;
        _contextArgument = (short)ClrTypes.ContextArgument(_type);
        _depthArgument = (short)(_contextArgument + 1);

        ResetStack();
        ResetControl();
        ResetSandboxChecks(definedIndex);
        _memoryBase = _memoryLength = _address = _lanePointer = _callTarget = _selectMask64 = _tripsLeft = _rangeStart = null;
        _provenAccesses = null;
        _wideLocals = null;
        _wideAddresses = null;
        _wideLocalCache.Clear();
        _codeStart = body.CodeOffset;
        _codeLength = body.CodeLength;
        _vectorResult = null;
        if (EstimatedFrameBytes(_type, body) > MaxFrameBytes)
        {
            _makesCalls = true;
            _smallFrame = false;
            EmitPrologue();
            EmitInterpretedBody();
            return;
        }
        DeclareLocals(body);
        var (usesMemory, makesCalls, usesVectors) = Scan(body);
        _usesMemory = _scope.Memory is not null && usesMemory;
        _makesCalls = makesCalls;
        _smallFrame = optimizedBeforeFirstCall && !usesVectors && FrameBound(body) <= (makesCalls ? CompilerStoreState.SmallFrameBytes : CompilerStoreState.SmallLeafFrameBytes);
        method.InitLocals = false;
        EmitPrologue();
        EmitZeroLocals();
        EmitInterruptCheck();
        PushFrame(FrameKind.Function, [], [.. _type.Results]);
        _bodyIlStart = _il.ILOffset;

        var reader = new InstructionReader(_module.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
        while (_frameCount > 0) CompileNext(ref reader);
    }

    /// <summary>Translates the next instruction (a whole loop, when it is a loop worth versioning).</summary>
    private void CompileNext(ref InstructionReader reader)
    {
        var instruction = reader.Read();
        if (Top.Unreachable && _deadCode.Skips(instruction.Opcode)) return;
        if (_fuelChecks) EmitFuelCharges(in instruction);
        if (instruction.Opcode == Opcode.Loop && TryCompileVersionedLoop(in instruction, ref reader)) return;
        _nextIsSelect = instruction.Opcode is Opcode.I32LtS or Opcode.I64LtS && NextIsSelect(reader);
        _instructionOffset = instruction.Offset;
        CompileInstruction(in instruction);
    }

    /// <summary>Reads ahead on a copy of the reader.</summary>
    private static bool NextIsSelect(InstructionReader reader) => reader.Read().Opcode is Opcode.Select or Opcode.SelectTyped;

    /// <summary>
    /// spec 4.4.10 function calls: a frame is pushed — here the call depth and the host stack are checked first, so
    /// that runaway recursion traps instead of overflowing the .NET stack (see <see cref="CompilerStoreState"/>, which
    /// argues why the probes below suffice).
    /// </summary>
    /// <remarks>
    /// Every function counts its call depth, so that <see cref="StoreLimits.MaxCallDepth"/> stays exact. A small
    /// function probes the stack through a call every <see cref="CompilerStoreState.ProbeInterval"/> levels of depth, a
    /// small leaf never; a large one compares the address of a local of its own on every entry.
    /// </remarks>
    private void EmitPrologue()
    {
        var stackOk = _il.DefineLabel();
        if (_smallFrame && _makesCalls)
        {
            // The sampled probe checks the depth as well (see CompilerStoreState.Probe).
            LoadArgument(_depthArgument);
            LoadInt(CompilerStoreState.ProbeInterval - 1);
            _il.Emit(OpCodes.And);
            _il.Emit(OpCodes.Brtrue, stackOk);
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Members.InstanceState);
            LoadArgument(_depthArgument);
            _il.Emit(OpCodes.Call, Members.ProbeStack);
            _il.MarkLabel(stackOk);
            if (_usesMemory) EmitReloadMemory();
            return;
        }

        var depthOk = _il.DefineLabel();
        LoadArgument(_depthArgument);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Bgt, depthOk);
        EmitTrap(TrapCode.CallStackExhausted);
        _il.MarkLabel(depthOk);

        if (!_smallFrame)
        {
            var marker = _il.DeclareLocal(typeof(byte));
            _il.Emit(OpCodes.Ldloca, marker);
            _il.Emit(OpCodes.Conv_U);
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Members.InstanceState);
            _il.Emit(OpCodes.Ldfld, Members.StateStackLimit);
            if (_makesCalls)
            {
                LoadInt(CompilerStoreState.SampledReserve);
                _il.Emit(OpCodes.Conv_U);
                _il.Emit(OpCodes.Add);
            }
            _il.Emit(OpCodes.Bge_Un, stackOk);
            LoadContext();
            _il.Emit(OpCodes.Ldfld, Members.InstanceState);
            _il.Emit(OpCodes.Call, Members.CheckStack);
        }
        _il.MarkLabel(stackOk);

        if (_usesMemory) EmitReloadMemory();
    }

    /// <summary>Throws the trap: <c>throw CompiledRuntime.Trap(code)</c>, which the JIT treats as a cold path.</summary>
    private void EmitTrap(TrapCode code)
    {
        _il.Emit(OpCodes.Ldc_I4, (int)code);
        _il.Emit(OpCodes.Call, Members.Trap);
        _il.Emit(OpCodes.Throw);
    }

    private void LoadArgument(short index)
    {
        switch (index)
        {
            case 0: _il.Emit(OpCodes.Ldarg_0); break;
            case 1: _il.Emit(OpCodes.Ldarg_1); break;
            case 2: _il.Emit(OpCodes.Ldarg_2); break;
            case 3: _il.Emit(OpCodes.Ldarg_3); break;
            default:
                if (index < 256) _il.Emit(OpCodes.Ldarg_S, (byte)index);
                else _il.Emit(OpCodes.Ldarg, index);
                break;
        }
    }

    private void LoadContext() => LoadArgument(_contextArgument);

    /// <summary>Pushes the call depth a callee gets: ours minus one.</summary>
    private void LoadCalleeDepth()
    {
        LoadArgument(_depthArgument);
        _il.Emit(OpCodes.Ldc_I4_1);
        _il.Emit(OpCodes.Sub);
    }

    private void LoadInt(int value) => _il.Emit(OpCodes.Ldc_I4, value);

    private FunctionType TypeOfFunction(uint functionIndex) => _module.GetFunctionType(functionIndex);

    private (ValueType[] Parameters, ValueType[] Results) BlockSignature(BlockType block) => block.Kind switch
    {
        BlockTypeKind.Empty => ([], []),
        BlockTypeKind.Value => ([], [block.ValueType]),
        _ => ([.. _module.Types[(int)block.TypeIndex].Parameters], [.. _module.Types[(int)block.TypeIndex].Results]),
    };

    /// <summary>Whether defined function <paramref name="definedIndex"/> gets an interpreted body (see <see cref="EmitInterpretedBody"/>).</summary>
    public static bool RunsInInterpreter(ModuleDescription module, int definedIndex) =>
        EstimatedFrameBytes(module.Types[(int)module.FunctionTypeIndices[definedIndex]], module.Codes[definedIndex]) > MaxFrameBytes;

    /// <summary>What the locals alone take in the function's .NET frame (the JIT's temporaries come on top).</summary>
    private static long EstimatedFrameBytes(FunctionType type, FunctionBody body)
    {
        long bytes = 0;
        foreach (var parameter in type.Parameters) bytes += parameter == ValueType.V128 ? 16 : 8;
        foreach (var run in body.Locals) bytes += (long)run.Count * (run.Type == ValueType.V128 ? 16 : 8);
        return bytes;
    }

    /// <summary>
    /// A bound on the function's whole .NET frame, for telling small functions (see <see cref="EmitPrologue"/>) from
    /// the rest. Twice what its parameters and locals take, for the JIT's copies of them; 8 bytes per byte of code, for
    /// spilled operands, temporaries and the stack arguments of its calls (every instruction that pushes an operand is
    /// at least two bytes long, and a spilled operand or a stack argument takes 8 bytes); 64 bytes for saved registers
    /// and the return address. Functions using vectors, whose temporaries are larger, never count as small. Measured
    /// frames of real modules stay far below it (for clang's output, under 1 byte per byte of code plus 48).
    /// </summary>
    private long FrameBound(FunctionBody body) => 64 + 2 * EstimatedFrameBytes(_type, body) + 8L * body.CodeLength;

    /// <summary>
    /// The body of a function too large for a .NET frame under the stack guard: it runs in the interpreter, whose
    /// frames live on the heap. The arguments go to slots on the stack and the results come back from them.
    /// </summary>
    private void EmitInterpretedBody()
    {
        int slotCount = SlotsMarshal.SlotCount(_type);
        var slots = SlotsMarshal.AllocateSlots(_il, slotCount);
        SlotsMarshal.StoreParameters(_il, _type, slots);
        SlotsMarshal.LoadSpan(_il, slots, slotCount);
        LoadInt(_definedIndex);
        LoadArgument(_depthArgument);
        LoadContext();
        _il.Emit(OpCodes.Call, Members.Runtime("Interpret"));
        SlotsMarshal.LoadResults(_il, _type, slots);
        _il.Emit(OpCodes.Ret);
    }

    /// <summary>
    /// Whether the body touches memory 0 (so the prologue and calls keep its base and length at hand), whether it
    /// calls anything (host functions and imports included; instructions that only call runtime helpers do not count),
    /// and whether it has vector values (parameters, locals or instructions).
    /// </summary>
    private (bool UsesMemory, bool MakesCalls, bool UsesVectors) Scan(FunctionBody body)
    {
        bool usesMemory = false, makesCalls = false;
        bool usesVectors = HasVectors(_type);
        foreach (var run in body.Locals) usesVectors |= run.Type == ValueType.V128;
        var reader = new InstructionReader(_module.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
        while (!reader.AtEnd)
        {
            var instruction = reader.Read();
            var info = instruction.Info;
            if (info.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgAndLane || instruction.Opcode == Opcode.MemorySize)
                usesMemory = true;
            switch (instruction.Opcode)
            {
                case Opcode.Call:
                    makesCalls = true;
                    usesVectors |= HasVectors(TypeOfFunction(instruction.Index));
                    break;
                case Opcode.CallIndirect:
                    makesCalls = true;
                    usesVectors |= HasVectors(_module.Types[(int)instruction.Index]);
                    break;
                case Opcode.GlobalGet or Opcode.GlobalSet:
                    usesVectors |= _module.GetGlobalType(instruction.Index).ValueType == ValueType.V128;
                    break;
                default:
                    usesVectors |= info.Prefix == 0xFD;
                    break;
            }
        }
        return (usesMemory, makesCalls, usesVectors);
    }

    private static bool HasVectors(FunctionType type) => type.Parameters.Contains(ValueType.V128) || type.Results.Contains(ValueType.V128);
}
