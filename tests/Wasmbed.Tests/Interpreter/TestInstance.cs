using Wasmbed.Format;
using Wasmbed.Interpreter;
using Wasmbed.Runtime;
using Wasmbed.Text;
using Wasmbed.Validation;

namespace Wasmbed.Tests.Interpreter;

internal delegate void SlotCallback(Caller caller, Span<ulong> slots);

/// <summary>A host function for tests.</summary>
internal sealed class TestHostFunction(FunctionType type, SlotCallback callback, string? name = null) : HostFunction(type, name)
{
    public override void Invoke(Caller caller, Span<ulong> slots) => callback(caller, slots);

    public override HostFunction CopyForStore() => new TestHostFunction(Type, callback, Name);
}

/// <summary>
/// A minimal instantiation of a WAT module straight on the runtime's internal objects, enough to exercise
/// the interpreter in isolation: imported functions come from the host, everything else is defined.
/// </summary>
internal sealed class TestInstance
{
    private TestInstance(Store store, ModuleInstance instance)
    {
        Store = store;
        Instance = instance;
    }

    public Store Store { get; }

    public ModuleInstance Instance { get; }

    public Module Module => Instance.Module;

    public static TestInstance Create(string wat, StoreLimits? limits = null, Func<string, FunctionType, SlotCallback>? imports = null,
        EngineOptions? options = null)
    {
        var engine = new Engine(options);
        return Create(new Store(engine, limits), wat, imports);
    }

    public static TestInstance Create(Store store, string wat, Func<string, FunctionType, SlotCallback>? imports = null) =>
        FromBinary(store, Wat.ToBinary(wat), imports);

    public static TestInstance FromBinary(Store store, byte[] binary, Func<string, FunctionType, SlotCallback>? imports = null)
    {
        var engine = store.Engine;
        var description = ModuleReader.Read(binary);
        ModuleValidator.Validate(description);
        var module = new Module(engine, description);
        if (engine.Options.Translation == TranslationMode.Eager) Translator.TranslateAll(module);
        var instance = new ModuleInstance(module, store) { Name = "test" };
        instance.Types = description.Types.Select(engine.Intern).ToArray();

        var functions = new List<FunctionInstance>();
        foreach (var import in description.Imports)
        {
            if (import.Kind != ExternalKind.Function) throw new NotSupportedException("tests import functions only");
            var type = instance.Types[(int)import.TypeIndex];
            var callback = imports?.Invoke(import.Name, type) ?? throw new InvalidOperationException($"missing import {import.Name}");
            functions.Add(new TestHostFunction(type, callback, import.Name));
        }
        for (int i = 0; i < description.FunctionTypeIndices.Count; i++)
        {
            uint index = (uint)(description.ImportedFunctionCount + i);
            functions.Add(new WasmFunction(instance.Types[(int)description.FunctionTypeIndices[i]], instance, index, i));
        }
        foreach (var function in functions) store.Register(function);
        instance.Functions = [.. functions];
        instance.Memories = description.Memories.Select(m => new MemoryInstance(m)).ToArray();
        instance.Globals = description.Globals.Select(g => new GlobalInstance(g.Type)).ToArray();
        for (int i = 0; i < description.Globals.Count; i++)
        {
            var (low, high) = Evaluate(description, instance, description.Globals[i].Initializer);
            instance.Globals[i].Bits = low;
            instance.Globals[i].HighBits = high;
        }
        instance.Tables = description.Tables.Select(t => new TableInstance(t)).ToArray();
        instance.ElementSegments = description.Elements.Select(segment => segment.FunctionIndices is { } indices
            ? indices.Select(f => instance.Functions[f].Handle).ToArray()
            : segment.Expressions!.Select(e => Evaluate(description, instance, e).Low).ToArray()).ToArray();
        instance.DataSegments = description.Data.Select(d => (ReadOnlyMemory<byte>)description.Bytes.Slice(d.DataOffset, d.DataLength).ToArray()).ToArray();

        // spec: 4.5.4 instantiation — active segments are copied, then dropped, in order.
        for (int i = 0; i < description.Elements.Count; i++)
        {
            var segment = description.Elements[i];
            if (segment.Mode == SegmentMode.Active)
            {
                uint offset = (uint)Evaluate(description, instance, segment.Offset!.Value).Low;
                var table = instance.Tables[segment.TableIndex];
                if ((ulong)offset + (ulong)segment.Count > table.Size) throw new TrapException(TrapCode.TableOutOfBounds);
                instance.ElementSegments[i].CopyTo(table.Elements, offset);
            }
            if (segment.Mode != SegmentMode.Passive) instance.ElementSegments[i] = [];
        }
        for (int i = 0; i < description.Data.Count; i++)
        {
            var segment = description.Data[i];
            if (segment.Mode != SegmentMode.Active) continue;
            uint offset = (uint)Evaluate(description, instance, segment.Offset!.Value).Low;
            var memory = instance.Memories[0].Bytes;
            if ((ulong)offset + (ulong)segment.DataLength > (ulong)memory.Length) throw new TrapException(TrapCode.MemoryOutOfBounds);
            instance.DataSegments[i].Span.CopyTo(memory.AsSpan((int)offset));
            instance.DataSegments[i] = ReadOnlyMemory<byte>.Empty;
        }
        var result = new TestInstance(store, instance);
        if (description.StartFunction is { } start) Executor.Invoke(store, instance.Functions[start], []);
        return result;
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
        var export = Module.Description.Exports.Single(e => e.Name == name && e.Kind == ExternalKind.Function);
        return Instance.Functions[export.Index];
    }

    /// <summary>Calls an exported function with raw slot values; returns the result slots.</summary>
    public ulong[] Call(string name, params ulong[] arguments)
    {
        var function = Export(name);
        var slots = new ulong[Math.Max(Math.Max(function.ParameterSlots, function.ResultSlots), arguments.Length)];
        arguments.CopyTo(slots, 0);
        Executor.Invoke(Store, function, slots);
        return slots[..function.ResultSlots];
    }

    public int CallI32(string name, params ulong[] arguments) => (int)Call(name, arguments)[0];

    public long CallI64(string name, params ulong[] arguments) => (long)Call(name, arguments)[0];

    public double CallF64(string name, params ulong[] arguments) => BitConverter.UInt64BitsToDouble(Call(name, arguments)[0]);

    public string Disassemble(string name)
    {
        var function = (WasmFunction)Export(name);
        return Disassembler.Disassemble(Translator.GetOrTranslate(Module, function.DefinedIndex));
    }

    public static ulong I32(int value) => (uint)value;

    public static ulong I64(long value) => (ulong)value;

    public static ulong F64(double value) => BitConverter.DoubleToUInt64Bits(value);

    public static ulong F32(float value) => BitConverter.SingleToUInt32Bits(value);
}
