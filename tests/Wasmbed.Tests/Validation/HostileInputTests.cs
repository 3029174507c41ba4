using Wasmbed.Format;
using static Wasmbed.Tests.Validation.ValidationAssert;

namespace Wasmbed.Tests.Validation;

/// <summary>Shapes of input meant to exhaust a validator: deep nesting, huge local counts, huge branch tables.</summary>
public class HostileInputTests
{
    [Fact]
    public void TenThousandNestedBlocks_AreValidated()
    {
        const int depth = 10_000;
        var code = new List<byte>();
        for (int i = 0; i < depth; i++) code.AddRange(Code.Of(Opcode.Block, (byte)0x40));
        code.AddRange(Code.Of(Opcode.Br, (uint)(depth - 1)));
        for (int i = 0; i < depth; i++) code.Add((byte)Opcode.End);
        code.Add((byte)Opcode.End);
        Valid(Function(code.ToArray()));

        code.InsertRange(2 * depth, Code.Of(Opcode.Br, (uint)depth + 1));
        Invalid(Function(code.ToArray()), "unknown label");
    }

    [Fact]
    public void HugeLocalRuns_AreLookedUpWithoutExpansion()
    {
        var locals = new[] { new LocalRun(50_000, ValueType.I32), new LocalRun(uint.MaxValue - 50_001, ValueType.F64) };
        Valid(Function([], [ValueType.F64], Code.Of(Opcode.LocalGet, 49_999u, Opcode.Drop, Opcode.LocalGet, uint.MaxValue - 2, Opcode.End), locals));
        Invalid(Function([], [ValueType.F64], Code.Of(Opcode.LocalGet, 49_999u, Opcode.End), locals), "type mismatch");
        Invalid(Function([], [ValueType.F64], Code.Of(Opcode.LocalGet, uint.MaxValue - 1, Opcode.End), locals), "unknown local");
    }

    [Fact]
    public void HundredThousandEntryBrTable_IsValidated()
    {
        const int targets = 100_000;
        var code = new List<byte>(Code.Of(Opcode.Block, (byte)0x40, Opcode.Block, (byte)0x40, Opcode.I32Const, 0, Opcode.BrTable, (uint)targets));
        for (int i = 0; i < targets; i++) code.Add((byte)(i % 2));
        code.AddRange(Code.Of(0, Opcode.End, Opcode.End, Opcode.End));
        Valid(Function(code.ToArray()));

        code[code.Count - 4 - targets + targets / 2] = 3;   // one target in the middle points beyond the function
        Invalid(Function(code.ToArray()), "unknown label");
    }

    [Fact]
    public void ManyFunctions_ReuseOneValidator()
    {
        var builder = new TestModuleBuilder();
        uint type = (uint)builder.AddType([ValueType.I32], [ValueType.I32]);
        for (int i = 0; i < 1000; i++)
            builder.AddFunction(type, Code.Of(Opcode.Block, ValueType.I32, Opcode.LocalGet, 0, Opcode.End, Opcode.End), new LocalRun((uint)i, ValueType.I64));
        Valid(builder);
    }
}
