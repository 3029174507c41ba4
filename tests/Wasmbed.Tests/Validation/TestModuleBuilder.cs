using Wasmbed.Validation;
using Wasmbed.Format;

namespace Wasmbed.Tests.Validation;

/// <summary>
/// Builds a <see cref="ModuleDescription"/> by hand for validator tests, without the binary decoder:
/// function bodies and constant expressions are assembled with <see cref="Code"/> and laid out one after
/// another in the module's byte array.
/// </summary>
internal sealed class TestModuleBuilder
{
    private readonly List<byte> _bytes = [];
    private readonly List<Action<ModuleDescription>> _steps = [];
    private int _typeCount;

    public int AddType(ValueType[] parameters, ValueType[] results)
    {
        int index = _typeCount++;
        _steps.Add(m => m.Types.Add(new FunctionType(parameters, results)));
        return index;
    }

    /// <summary>Adds a defined function with the given type, locals and instruction bytes (including the final end).</summary>
    public TestModuleBuilder AddFunction(uint typeIndex, byte[] code, params LocalRun[] locals)
    {
        int offset = Append(code);
        _steps.Add(m =>
        {
            m.FunctionTypeIndices.Add(typeIndex);
            m.Codes.Add(new FunctionBody { Locals = locals, LocalCount = (uint)locals.Sum(l => (long)l.Count), CodeOffset = offset, CodeLength = code.Length, SourceOffset = offset });
        });
        return this;
    }

    public TestModuleBuilder ImportFunction(uint typeIndex) =>
        Step(m => m.AddImport(new ImportDescription { ModuleName = "m", Name = "f", Kind = ExternalKind.Function, TypeIndex = typeIndex }));

    public TestModuleBuilder ImportGlobal(ValueType type, bool mutable) =>
        Step(m => m.AddImport(new ImportDescription { ModuleName = "m", Name = "g", Kind = ExternalKind.Global, Global = new GlobalType(type, mutable) }));

    public TestModuleBuilder ImportMemory(uint minimum, uint? maximum = null) =>
        Step(m => m.AddImport(new ImportDescription { ModuleName = "m", Name = "mem", Kind = ExternalKind.Memory, Memory = new MemoryType(new Limits(minimum, maximum)) }));

    public TestModuleBuilder AddMemory(uint minimum, uint? maximum = null) => Step(m => m.Memories.Add(new MemoryType(new Limits(minimum, maximum))));

    public TestModuleBuilder AddTable(ValueType elementType, uint minimum = 1, uint? maximum = null) =>
        Step(m => m.Tables.Add(new TableType(elementType, new Limits(minimum, maximum))));

    public TestModuleBuilder AddGlobal(ValueType type, bool mutable, byte[] initializer)
    {
        var expression = AppendExpression(initializer);
        return Step(m => m.Globals.Add(new GlobalDefinition(new GlobalType(type, mutable), expression)));
    }

    public TestModuleBuilder AddExport(string name, ExternalKind kind, uint index) => Step(m => m.Exports.Add(new ExportDescription(name, kind, index)));

    public TestModuleBuilder SetStart(uint functionIndex) => Step(m => m.StartFunction = functionIndex);

    public TestModuleBuilder SetDataCount(uint count) => Step(m => m.DataCount = count);

    public TestModuleBuilder AddActiveElements(uint table, byte[] offset, ValueType elementType, params uint[] functions)
    {
        var offsetExpression = AppendExpression(offset);
        return Step(m => m.Elements.Add(new ElementSegment { Mode = SegmentMode.Active, TableIndex = table, Offset = offsetExpression, ElementType = elementType, FunctionIndices = functions }));
    }

    public TestModuleBuilder AddElementExpressions(SegmentMode mode, ValueType elementType, params byte[][] items)
    {
        var expressions = items.Select(AppendExpression).ToArray();
        return Step(m => m.Elements.Add(new ElementSegment { Mode = mode, ElementType = elementType, Expressions = expressions }));
    }

    public TestModuleBuilder AddActiveData(uint memory, byte[] offset)
    {
        var offsetExpression = AppendExpression(offset);
        return Step(m => m.Data.Add(new DataSegment { Mode = SegmentMode.Active, MemoryIndex = memory, Offset = offsetExpression, DataOffset = 0, DataLength = 0 }));
    }

    public TestModuleBuilder AddPassiveData() => Step(m => m.Data.Add(new DataSegment { Mode = SegmentMode.Passive, DataOffset = 0, DataLength = 0 }));

    public ModuleDescription Build()
    {
        var module = new ModuleDescription { Bytes = _bytes.ToArray() };
        foreach (var step in _steps) step(module);
        return module;
    }

    /// <summary>Builds and validates.</summary>
    public void Validate() => ModuleValidator.Validate(Build());

    private TestModuleBuilder Step(Action<ModuleDescription> step)
    {
        _steps.Add(step);
        return this;
    }

    private int Append(byte[] bytes)
    {
        // A filler byte before each piece, so that no offset is 0 and pieces never touch.
        _bytes.Add(0xFF);
        int offset = _bytes.Count;
        _bytes.AddRange(bytes);
        return offset;
    }

    private ConstantExpression AppendExpression(byte[] bytes) => new(Append(bytes), bytes.Length);
}

/// <summary>
/// Assembles instruction bytes: an <see cref="Opcode"/> is its encoding, an <c>int</c> a signed LEB128
/// (i32.const operands; equal to the unsigned encoding for indices below 64), a <c>uint</c> an unsigned
/// LEB128, a <c>long</c> a signed LEB128 (i64.const), a <c>byte</c> or <see cref="ValueType"/> one raw byte,
/// a <c>byte[]</c> raw bytes.
/// </summary>
internal static class Code
{
    public static byte[] Of(params object[] items)
    {
        var bytes = new List<byte>();
        foreach (var item in items)
        {
            switch (item)
            {
                case Opcode opcode: OpcodeTable.WriteOpcode(opcode, bytes); break;
                case int value: WriteSigned(bytes, value); break;
                case long value: WriteSigned(bytes, value); break;
                case uint value: WriteUnsigned(bytes, value); break;
                case byte value: bytes.Add(value); break;
                case ValueType type: bytes.Add((byte)type); break;
                case byte[] raw: bytes.AddRange(raw); break;
                default: throw new ArgumentException($"cannot encode {item}");
            }
        }
        return bytes.ToArray();
    }

    public static void WriteUnsigned(List<byte> bytes, ulong value)
    {
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            if (value != 0) b |= 0x80;
            bytes.Add(b);
        } while (value != 0);
    }

    public static void WriteSigned(List<byte> bytes, long value)
    {
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            bytes.Add(done ? b : (byte)(b | 0x80));
            if (done) return;
        }
    }
}
