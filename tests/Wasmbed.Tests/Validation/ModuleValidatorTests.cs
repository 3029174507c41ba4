using Wasmbed.Format;
using static Wasmbed.Tests.Validation.ValidationAssert;

namespace Wasmbed.Tests.Validation;

public class ModuleValidatorTests
{
    private static byte[] I32Offset(int value = 0) => Code.Of(Opcode.I32Const, value, Opcode.End);

    [Fact]
    public void EmptyModule_IsValid() => Valid(new TestModuleBuilder());

    [Fact]
    public void MemoryLimits()
    {
        Valid(new TestModuleBuilder().AddMemory(0, 65536));
        Invalid(new TestModuleBuilder().AddMemory(65537), "memory size must be at most 65536 pages (4GiB)");
        Invalid(new TestModuleBuilder().AddMemory(0, 65537), "memory size must be at most 65536 pages (4GiB)");
        Invalid(new TestModuleBuilder().AddMemory(1, 0), "size minimum must not be greater than maximum");
        Invalid(new TestModuleBuilder().ImportMemory(2, 1), "size minimum must not be greater than maximum");
    }

    [Fact]
    public void AtMostOneMemory()
    {
        Invalid(new TestModuleBuilder().AddMemory(0).AddMemory(0), "multiple memories");
        Invalid(new TestModuleBuilder().ImportMemory(0).AddMemory(0), "multiple memories");
    }

    [Fact]
    public void TableLimits()
    {
        Valid(new TestModuleBuilder().AddTable(ValueType.FuncRef, 0, uint.MaxValue).AddTable(ValueType.ExternRef));
        Invalid(new TestModuleBuilder().AddTable(ValueType.FuncRef, 1, 0), "size minimum must not be greater than maximum");
    }

    [Fact]
    public void FunctionTypeIndicesInRange()
    {
        var builder = new TestModuleBuilder();
        builder.AddType([], []);
        Invalid(builder.ImportFunction(1), "unknown type");
        var defined = new TestModuleBuilder();
        defined.AddType([], []);
        Invalid(defined.AddFunction(3, Code.Of(Opcode.End)), "unknown type");
    }

    [Fact]
    public void Exports_ExistAndHaveDistinctNames()
    {
        var builder = Function(Code.Of(Opcode.End)).AddMemory(1);
        Valid(builder.AddExport("a", ExternalKind.Function, 0).AddExport("b", ExternalKind.Memory, 0));
        Invalid(Function(Code.Of(Opcode.End)).AddExport("a", ExternalKind.Function, 0).AddExport("a", ExternalKind.Function, 0), "duplicate export name");
        Invalid(Function(Code.Of(Opcode.End)).AddExport("a", ExternalKind.Function, 1), "unknown function");
        Invalid(new TestModuleBuilder().AddExport("t", ExternalKind.Table, 0), "unknown table");
        Invalid(new TestModuleBuilder().AddExport("m", ExternalKind.Memory, 0), "unknown memory");
        Invalid(new TestModuleBuilder().AddExport("g", ExternalKind.Global, 0), "unknown global");
    }

    [Fact]
    public void StartFunction_MustTakeAndReturnNothing()
    {
        Valid(Function(Code.Of(Opcode.End)).SetStart(0));
        Invalid(Function([], [ValueType.I32], Code.Of(Opcode.I32Const, 0, Opcode.End)).SetStart(0), "start function");
        Invalid(Function([ValueType.I32], [], Code.Of(Opcode.End)).SetStart(0), "start function");
        Invalid(Function(Code.Of(Opcode.End)).SetStart(1), "unknown function");
    }

    [Fact]
    public void ElementSegments()
    {
        Valid(Function(Code.Of(Opcode.End)).AddTable(ValueType.FuncRef).AddActiveElements(0, I32Offset(), ValueType.FuncRef, 0, 0));
        Invalid(Function(Code.Of(Opcode.End)).AddActiveElements(0, I32Offset(), ValueType.FuncRef, 0), "unknown table");
        Invalid(Function(Code.Of(Opcode.End)).AddTable(ValueType.FuncRef).AddActiveElements(0, I32Offset(), ValueType.FuncRef, 1), "unknown function");
        // elem.wast: a function segment cannot initialize an externref table
        Invalid(Function(Code.Of(Opcode.End)).AddTable(ValueType.ExternRef).AddActiveElements(0, I32Offset(), ValueType.FuncRef, 0), "type mismatch");
        Invalid(Function(Code.Of(Opcode.End)).AddTable(ValueType.FuncRef).AddActiveElements(0, Code.Of(Opcode.I64Const, 0L, Opcode.End), ValueType.FuncRef), "type mismatch");
        Invalid(Function(Code.Of(Opcode.End)).AddTable(ValueType.FuncRef).AddActiveElements(0, Code.Of(Opcode.I32Const, 0, Opcode.I32Ctz, Opcode.End), ValueType.FuncRef), "constant expression required");
        // Item expressions have the segment's type.
        Invalid(new TestModuleBuilder().AddElementExpressions(SegmentMode.Passive, ValueType.FuncRef, Code.Of(Opcode.RefNull, ValueType.ExternRef, Opcode.End)), "type mismatch");
        Invalid(new TestModuleBuilder().AddElementExpressions(SegmentMode.Passive, ValueType.FuncRef, Code.Of(Opcode.I32Const, 0, Opcode.End)), "type mismatch");
        Valid(new TestModuleBuilder().AddElementExpressions(SegmentMode.Passive, ValueType.ExternRef, Code.Of(Opcode.RefNull, ValueType.ExternRef, Opcode.End)));
    }

    [Fact]
    public void DataSegments()
    {
        Valid(new TestModuleBuilder().AddMemory(1).AddActiveData(0, I32Offset(8)));
        Invalid(new TestModuleBuilder().AddActiveData(0, I32Offset()), "unknown memory");
        Invalid(new TestModuleBuilder().AddMemory(1).AddActiveData(0, Code.Of(Opcode.I64Const, 0L, Opcode.End)), "type mismatch");
        Invalid(new TestModuleBuilder().AddMemory(1).AddActiveData(0, Code.Of(Opcode.Nop, Opcode.I32Const, 0, Opcode.End)), "constant expression required");
    }

    [Fact]
    public void DataCountMustMatchSegments()
    {
        Valid(new TestModuleBuilder().AddPassiveData().SetDataCount(1));
        Malformed(new TestModuleBuilder().AddPassiveData().SetDataCount(2), "data count and data section have inconsistent lengths");
    }
}
