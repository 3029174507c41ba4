using System.Runtime.ExceptionServices;
using Wasmbed.Compiler;
using Wasmbed.Format;
using Wasmbed.Runtime;
using Wasmbed.Text;
using Wasmbed.Validation;

namespace Wasmbed.Tests.Compiler;

internal delegate void SlotsHostCallback(Caller caller, Span<ulong> slots);

/// <summary>A host function for compiler tests.</summary>
internal sealed class SlotsHostFunction(FunctionType type, SlotsHostCallback callback, string? name = null) : HostFunction(type, name)
{
    public override void Invoke(Caller caller, Span<ulong> slots) => callback(caller, slots);
}

/// <summary>
/// Instantiates a WAT module directly on the runtime's internal objects and runs it on the compiler tier, so compiled
/// code can be tested without the public embedding API: functions may be imported from the host, everything else is
/// defined by the module.
/// </summary>
internal sealed class CompiledModuleHarness
{
    private CompiledModuleHarness(Store store, ModuleInstance instance)
    {
        Store = store;
        Instance = instance;
    }

    public Store Store { get; }

    public ModuleInstance Instance { get; }

    public static Engine CreateEngine() => new(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler() });

    public static CompiledModuleHarness Create(string wat, StoreLimits? limits = null, Func<string, FunctionType, SlotsHostCallback>? imports = null) =>
        Create(new Store(CreateEngine(), limits), wat, imports);

    public static CompiledModuleHarness Create(Store store, string wat, Func<string, FunctionType, SlotsHostCallback>? imports = null)
    {
        var engine = store.Engine;
        var description = ModuleReader.Read(Wat.ToBinary(wat));
        ModuleValidator.Validate(description);
        var module = new Module(engine, description);
        var instance = new ModuleInstance(module, store) { Name = "test" };
        instance.Types = [.. description.Types.Select(engine.Intern)];

        var functions = new List<FunctionInstance>();
        foreach (var import in description.Imports)
        {
            if (import.Kind != ExternalKind.Function) throw new NotSupportedException("the harness imports functions only");
            var type = instance.Types[(int)import.TypeIndex];
            var callback = imports?.Invoke(import.Name, type) ?? throw new InvalidOperationException($"missing import {import.Name}");
            functions.Add(new SlotsHostFunction(type, callback, import.Name));
        }
        for (int i = 0; i < description.FunctionTypeIndices.Count; i++)
        {
            uint index = (uint)(description.ImportedFunctionCount + i);
            functions.Add(new WasmFunction(instance.Types[(int)description.FunctionTypeIndices[i]], instance, index, i));
        }
        foreach (var function in functions) store.Register(function);
        instance.Functions = [.. functions];
        instance.Memories = [.. description.Memories.Select(m => new MemoryInstance(m))];
        instance.Globals = [.. description.Globals.Select(g => new GlobalInstance(g.Type))];
        for (int i = 0; i < description.Globals.Count; i++)
        {
            var (low, high) = Evaluate(description, instance, description.Globals[i].Initializer);
            instance.Globals[i].Bits = low;
            instance.Globals[i].HighBits = high;
        }
        instance.Tables = [.. description.Tables.Select(t => new TableInstance(t))];
        instance.ElementSegments = [.. description.Elements.Select(segment => segment.FunctionIndices is { } indices
            ? indices.Select(f => instance.Functions[f].Handle).ToArray()
            : segment.Expressions!.Select(e => Evaluate(description, instance, e).Low).ToArray())];
        instance.DataSegments = [.. description.Data.Select(d => (ReadOnlyMemory<byte>)description.Bytes.Slice(d.DataOffset, d.DataLength).ToArray())];

        for (int i = 0; i < description.Elements.Count; i++)
        {
            var segment = description.Elements[i];
            if (segment.Mode == SegmentMode.Active)
            {
                uint offset = (uint)Evaluate(description, instance, segment.Offset!.Value).Low;
                instance.ElementSegments[i].CopyTo(instance.Tables[segment.TableIndex].Elements, offset);
            }
            if (segment.Mode != SegmentMode.Passive) instance.ElementSegments[i] = [];
        }
        for (int i = 0; i < description.Data.Count; i++)
        {
            var segment = description.Data[i];
            if (segment.Mode != SegmentMode.Active) continue;
            uint offset = (uint)Evaluate(description, instance, segment.Offset!.Value).Low;
            instance.DataSegments[i].Span.CopyTo(instance.Memories[0].Bytes.AsSpan((int)offset));
            instance.DataSegments[i] = ReadOnlyMemory<byte>.Empty;
        }
        var harness = new CompiledModuleHarness(store, instance);
        if (description.StartFunction is { } start) harness.Invoke(instance.Functions[start], []);
        return harness;
    }

    private static (ulong Low, ulong High) Evaluate(ModuleDescription description, ModuleInstance instance, ConstantExpression expression)
    {
        var reader = new InstructionReader(description.Bytes.Span, expression.Offset, expression.Offset + expression.Length);
        var instruction = reader.Read();
        return instruction.Opcode switch
        {
            Opcode.I32Const or Opcode.F32Const => ((uint)instruction.Value, 0),
            Opcode.I64Const or Opcode.F64Const => (instruction.Value, 0),
            Opcode.V128Const => (instruction.Value, instruction.Value2),
            Opcode.RefNull => (0, 0),
            Opcode.RefFunc => (instance.Functions[instruction.Index].Handle, 0),
            Opcode.GlobalGet => (instance.Globals[instruction.Index].Bits, instance.Globals[instruction.Index].HighBits),
            _ => throw new NotSupportedException(instruction.Opcode.ToString()),
        };
    }

    public FunctionInstance Export(string name)
    {
        var export = Instance.Module.Description.Exports.Single(e => e.Name == name && e.Kind == ExternalKind.Function);
        return Instance.Functions[export.Index];
    }

    private void Invoke(FunctionInstance function, Span<ulong> slots)
    {
        if (function is WasmFunction wasm) Store.Engine.CodeGenerator!.Invoke(Store, wasm, slots);
        else ((HostFunction)function).Invoke(new Caller(Store, null), slots);
    }

    /// <summary>Calls an exported function with raw slot values; returns the result slots.</summary>
    public ulong[] Call(string name, params ulong[] arguments)
    {
        var function = Export(name);
        var slots = new ulong[Math.Max(Math.Max(function.ParameterSlots, function.ResultSlots), arguments.Length)];
        arguments.CopyTo(slots, 0);
        Invoke(function, slots);
        return slots[..function.ResultSlots];
    }

    public int CallI32(string name, params ulong[] arguments) => (int)Call(name, arguments)[0];

    public long CallI64(string name, params ulong[] arguments) => (long)Call(name, arguments)[0];

    public float CallF32(string name, params ulong[] arguments) => BitConverter.UInt32BitsToSingle((uint)Call(name, arguments)[0]);

    public double CallF64(string name, params ulong[] arguments) => BitConverter.UInt64BitsToDouble(Call(name, arguments)[0]);

    public TrapCode Trap(string name, params ulong[] arguments) => Assert.Throws<TrapException>(() => Call(name, arguments)).Code;

    public byte[] Memory => Instance.Memories[0].Bytes;

    /// <summary>
    /// Runs <paramref name="body"/> on a new thread with a stack of <paramref name="maxStackSize"/> bytes and waits for
    /// it; an exception thrown there (a failed assertion included) is thrown again here, so the test fails instead of
    /// the test process.
    /// </summary>
    public static void OnThreadWithStack(int maxStackSize, Action body)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try { body(); }
            catch (Exception exception) { failure = ExceptionDispatchInfo.Capture(exception); }
        }, maxStackSize);
        thread.Start();
        thread.Join();
        failure?.Throw();
    }

    public static ulong I32(int value) => (uint)value;

    public static ulong I64(long value) => (ulong)value;

    public static ulong F32(float value) => BitConverter.SingleToUInt32Bits(value);

    public static ulong F64(double value) => BitConverter.DoubleToUInt64Bits(value);
}
