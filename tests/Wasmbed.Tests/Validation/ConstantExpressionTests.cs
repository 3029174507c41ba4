using Wasmbed.Format;
using static Wasmbed.Tests.Validation.ValidationAssert;

namespace Wasmbed.Tests.Validation;

/// <summary>Global initializers (global.wast): which instructions are constant and which globals they may read.</summary>
public class ConstantExpressionTests
{
    private static TestModuleBuilder Global(ValueType type, params object[] initializer) =>
        new TestModuleBuilder().AddGlobal(type, mutable: false, Code.Of([.. initializer, Opcode.End]));

    [Fact]
    public void ConstantsOfEveryKind_AreValid()
    {
        Valid(Global(ValueType.I32, Opcode.I32Const, -1));
        Valid(Global(ValueType.I64, Opcode.I64Const, long.MinValue));
        Valid(Global(ValueType.F32, Opcode.F32Const, new byte[4]));
        Valid(Global(ValueType.F64, Opcode.F64Const, new byte[8]));
        Valid(Global(ValueType.V128, Opcode.V128Const, new byte[16]));
        Valid(Global(ValueType.ExternRef, Opcode.RefNull, ValueType.ExternRef));
    }

    [Fact]
    public void NonConstantInstructions_AreRejected()
    {
        Invalid(Global(ValueType.F32, Opcode.F32Const, new byte[4], Opcode.F32Neg), "constant expression required");
        Invalid(Global(ValueType.I32, Opcode.I32Const, 0, Opcode.Nop), "constant expression required");
        Invalid(Global(ValueType.I32, Opcode.Nop), "constant expression required");
        Invalid(Global(ValueType.F32, Opcode.LocalGet, 0), "constant expression required");
    }

    [Fact]
    public void ResultMustBeExactlyOneValueOfTheGlobalType()
    {
        Invalid(Global(ValueType.I32, Opcode.F32Const, new byte[4]), "type mismatch");
        Invalid(Global(ValueType.I32, Opcode.I32Const, 0, Opcode.I32Const, 0), "type mismatch");
        Invalid(Global(ValueType.I32), "type mismatch");
        Invalid(Global(ValueType.FuncRef, Opcode.RefNull, ValueType.ExternRef), "type mismatch");
    }

    [Fact]
    public void GlobalGet_OnlyOfImportedImmutableGlobals()
    {
        Valid(new TestModuleBuilder().ImportGlobal(ValueType.I32, false).AddGlobal(ValueType.I32, false, Code.Of(Opcode.GlobalGet, 0, Opcode.End)));
        Invalid(new TestModuleBuilder().ImportGlobal(ValueType.I32, true).AddGlobal(ValueType.I32, false, Code.Of(Opcode.GlobalGet, 0, Opcode.End)), "constant expression required");
        Invalid(new TestModuleBuilder().ImportGlobal(ValueType.ExternRef, false).AddGlobal(ValueType.FuncRef, false, Code.Of(Opcode.GlobalGet, 0, Opcode.End)), "type mismatch");
        // A defined global is not visible to initializers, even an earlier one.
        Invalid(new TestModuleBuilder().AddGlobal(ValueType.I32, false, Code.Of(Opcode.I32Const, 0, Opcode.End))
            .AddGlobal(ValueType.I32, false, Code.Of(Opcode.GlobalGet, 0, Opcode.End)), "unknown global");
        Invalid(Global(ValueType.I32, Opcode.GlobalGet, 0), "unknown global");
        // ...nor to segment offsets.
        Invalid(new TestModuleBuilder().AddMemory(1).AddGlobal(ValueType.I32, false, Code.Of(Opcode.I32Const, 0, Opcode.End))
            .AddActiveData(0, Code.Of(Opcode.GlobalGet, 0, Opcode.End)), "unknown global");
    }

    [Fact]
    public void RefFunc_NeedsExistingFunction()
    {
        Invalid(Global(ValueType.FuncRef, Opcode.RefFunc, 0), "unknown function");
        Valid(Function(Code.Of(Opcode.End)).AddGlobal(ValueType.FuncRef, false, Code.Of(Opcode.RefFunc, 0, Opcode.End)));
    }
}
