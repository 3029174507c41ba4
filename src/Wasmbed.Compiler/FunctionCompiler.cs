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

    public FunctionCompiler(ModuleScope scope)
    {
        _scope = scope;
        _module = scope.Description;
    }

    /// <summary>Emits the body of defined function <paramref name="definedIndex"/> into its method.</summary>
    public void Compile(int definedIndex)
    {
        _definedIndex = definedIndex;
        _type = _module.Types[(int)_module.FunctionTypeIndices[definedIndex]];
        var body = _module.Codes[definedIndex];
        var method = _scope.Functions[definedIndex];
        _il = method.GetILGenerator(Math.Max(64, body.CodeLength * 4));
        _contextArgument = (short)ClrTypes.ContextArgument(_type);
        _depthArgument = (short)(_contextArgument + 1);

        ResetStack();
        ResetControl();
        ResetSandboxChecks(definedIndex);
        _memoryBase = _memoryLength = _address = _lanePointer = _callTarget = null;
        _vectorResult = null;
        if (EstimatedFrameBytes(_type, body) > MaxFrameBytes)
        {
            _makesCalls = true;
            EmitPrologue();
            EmitInterpretedBody();
            return;
        }
        DeclareLocals(body);
        var (usesMemory, makesCalls) = Scan(body);
        _usesMemory = _scope.Memory is not null && usesMemory;
        _makesCalls = makesCalls;
        method.InitLocals = false;
        EmitPrologue();
        EmitZeroLocals();
        EmitInterruptCheck();
        PushFrame(FrameKind.Function, [], [.. _type.Results]);

        var reader = new InstructionReader(_module.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
        while (_frameCount > 0)
        {
            var instruction = reader.Read();
            if (Top.Unreachable && _deadCode.Skips(instruction.Opcode)) continue;
            if (_fuelChecks) EmitFuelCharges(in instruction);
            CompileInstruction(in instruction);
        }
    }

    /// <summary>
    /// spec 4.4.10 function calls: a frame is pushed — here the call depth and the host stack are checked first, so
    /// that runaway recursion traps instead of overflowing the .NET stack (see <see cref="CompilerStoreState"/>).
    /// </summary>
    /// <remarks>
    /// A function that calls nothing skips the stack probe: its caller passed one, which leaves at least 96 KiB
    /// below the limit, and its own frame is at most <see cref="MaxFrameBytes"/>. It still counts its call depth, so
    /// that <see cref="StoreLimits.MaxCallDepth"/> stays exact.
    /// </remarks>
    private void EmitPrologue()
    {
        var depthOk = _il.DefineLabel();
        LoadArgument(_depthArgument);
        _il.Emit(OpCodes.Ldc_I4_0);
        _il.Emit(OpCodes.Bgt, depthOk);
        EmitTrap(TrapCode.CallStackExhausted);
        _il.MarkLabel(depthOk);

        if (!_makesCalls)
        {
            if (_usesMemory) EmitReloadMemory();
            return;
        }
        var stackOk = _il.DefineLabel();
        var marker = _il.DeclareLocal(typeof(byte));
        _il.Emit(OpCodes.Ldloca, marker);
        _il.Emit(OpCodes.Conv_U);
        LoadArgument(_contextArgument);
        _il.Emit(OpCodes.Ldfld, Members.InstanceState);
        _il.Emit(OpCodes.Ldfld, Members.StateStackLimit);
        _il.Emit(OpCodes.Bge_Un, stackOk);
        LoadArgument(_contextArgument);
        _il.Emit(OpCodes.Ldfld, Members.InstanceState);
        _il.Emit(OpCodes.Call, Members.CheckStack);
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
    /// Whether the body touches memory 0 (so the prologue and calls keep its base and length at hand), and whether it
    /// calls anything (host functions and imports included; instructions that only call runtime helpers do not count).
    /// </summary>
    private (bool UsesMemory, bool MakesCalls) Scan(FunctionBody body)
    {
        bool usesMemory = false, makesCalls = false;
        var reader = new InstructionReader(_module.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
        while (!reader.AtEnd)
        {
            var instruction = reader.Read();
            var info = instruction.Info;
            if (info.Immediate is ImmediateKind.MemArg or ImmediateKind.MemArgAndLane || instruction.Opcode == Opcode.MemorySize)
                usesMemory = true;
            else if (instruction.Opcode is Opcode.Call or Opcode.CallIndirect)
                makesCalls = true;
        }
        return (usesMemory, makesCalls);
    }
}
