using Wasmbed.Format;
using Wasmbed.Validation;
using static Wasmbed.Tests.Validation.ValidationAssert;

namespace Wasmbed.Tests.Validation;

public class FunctionValidatorTests
{
    private static readonly ValueType[] None = [];
    private static readonly ValueType[] I32 = [ValueType.I32];

    [Fact]
    public void AddOfTwoParameters_IsValid() =>
        Valid(Function([ValueType.I32, ValueType.I32], I32, Code.Of(Opcode.LocalGet, 0, Opcode.LocalGet, 1, Opcode.I32Add, Opcode.End)));

    [Fact]
    public void BinaryOperatorWithWrongOperandType_IsTypeMismatch() =>
        Invalid(Function(None, I32, Code.Of(Opcode.I32Const, 1, Opcode.I64Const, 2L, Opcode.I32Add, Opcode.End)), "type mismatch");

    [Fact]
    public void MissingResult_IsTypeMismatch() =>
        Invalid(Function(None, I32, Code.Of(Opcode.End)), "type mismatch");

    [Fact]
    public void ExtraValueAtEnd_IsTypeMismatch() =>
        Invalid(Function(Code.Of(Opcode.I32Const, 1, Opcode.End)), "type mismatch");

    [Fact]
    public void PopBelowBlockHeight_IsTypeMismatch() =>
        Invalid(Function(Code.Of(Opcode.I32Const, 1, Opcode.Block, (byte)0x40, Opcode.Drop, Opcode.End, Opcode.Drop, Opcode.End)), "type mismatch");

    [Fact]
    public void ErrorCarriesFunctionIndexAndInstructionOffset()
    {
        var builder = new TestModuleBuilder();
        uint type = (uint)builder.AddType([], []);
        builder.ImportFunction(type);
        builder.AddFunction(type, Code.Of(Opcode.Nop, Opcode.End));
        builder.AddFunction(type, Code.Of(Opcode.Nop, Opcode.I32Add, Opcode.End));
        var module = builder.Build();
        var error = Assert.Throws<WasmValidationException>(() => ModuleValidator.Validate(module));
        Assert.Equal(2, error.FunctionIndex);   // one import, then the second defined function
        Assert.Equal(module.Codes[1].CodeOffset + 1, error.InstructionOffset);
    }

    [Fact]
    public void Unreachable_MakesStackPolymorphic()
    {
        Valid(Function(None, I32, Code.Of(Opcode.Unreachable, Opcode.I32Add, Opcode.End)));
        Valid(Function(Code.Of(Opcode.Unreachable, Opcode.Drop, Opcode.Drop, Opcode.End)));
        // Values pushed after unreachable are still typed.
        Invalid(Function(None, I32, Code.Of(Opcode.Unreachable, Opcode.I64Const, 0L, Opcode.I32Add, Opcode.End)), "type mismatch");
        Invalid(Function(None, I32, Code.Of(Opcode.Unreachable, Opcode.I64Const, 0L, Opcode.End)), "type mismatch");
    }

    [Fact]
    public void UnknownIndices_AreReported()
    {
        Invalid(Function(Code.Of(Opcode.LocalGet, 0, Opcode.Drop, Opcode.End)), "unknown local");
        Invalid(Function(Code.Of(Opcode.GlobalGet, 0, Opcode.Drop, Opcode.End)), "unknown global");
        Invalid(Function(Code.Of(Opcode.Call, 5, Opcode.End)), "unknown function");
        Invalid(Function(Code.Of(Opcode.Br, 1, Opcode.End)), "unknown label");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.TableGet, 0, Opcode.Drop, Opcode.End)), "unknown table");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.I32Load, 2, 0, Opcode.Drop, Opcode.End)), "unknown memory");
        Invalid(Function(Code.Of(Opcode.Block, 7, Opcode.End, Opcode.End)), "unknown type");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.CallIndirect, 3, 0, Opcode.End)), "unknown type");
    }

    [Fact]
    public void LocalsAreLookedUpAcrossRuns()
    {
        var locals = new[] { new LocalRun(3, ValueType.I64), new LocalRun(0, ValueType.F32), new LocalRun(2, ValueType.F64) };
        // parameter 0: i32; locals 1-3: i64; 4-5: f64
        Valid(Function(I32, None, Code.Of(
            Opcode.LocalGet, 0, Opcode.Drop,
            Opcode.LocalGet, 3, Opcode.I64Eqz, Opcode.Drop,
            Opcode.LocalGet, 4, Opcode.F64Neg, Opcode.LocalSet, 5,
            Opcode.End), locals));
        Invalid(Function(I32, None, Code.Of(Opcode.LocalGet, 4, Opcode.I64Eqz, Opcode.Drop, Opcode.End), locals), "type mismatch");
        Invalid(Function(I32, None, Code.Of(Opcode.LocalGet, 6, Opcode.Drop, Opcode.End), locals), "unknown local");
    }

    [Fact]
    public void BlockResultsAndBranches()
    {
        // (block (result i32) (br 0 (i32.const 1)))
        Valid(Function(None, I32, Code.Of(Opcode.Block, ValueType.I32, Opcode.I32Const, 1, Opcode.Br, 0, Opcode.End, Opcode.End)));
        // A branch to a loop carries the loop's parameters, not its results.
        var loop = new TestModuleBuilder();
        uint function = (uint)loop.AddType([], [ValueType.I32]);
        uint loopType = (uint)loop.AddType([ValueType.I64], [ValueType.I32]);
        Valid(loop.AddFunction(function, Code.Of(Opcode.I64Const, 0L, Opcode.Loop, (int)loopType, Opcode.Br, 0, Opcode.End, Opcode.End)));
        var wrongLoop = new TestModuleBuilder();
        function = (uint)wrongLoop.AddType([], [ValueType.I32]);
        loopType = (uint)wrongLoop.AddType([ValueType.I64], [ValueType.I32]);
        Invalid(wrongLoop.AddFunction(function, Code.Of(Opcode.I64Const, 0L, Opcode.Loop, (int)loopType, Opcode.Drop, Opcode.I32Const, 1, Opcode.Br, 0, Opcode.End, Opcode.End)), "type mismatch");
        // br_if keeps the label's values on the stack.
        Valid(Function(None, I32, Code.Of(Opcode.Block, ValueType.I32, Opcode.I32Const, 1, Opcode.I32Const, 0, Opcode.BrIf, 0, Opcode.End, Opcode.End)));
        Invalid(Function(None, I32, Code.Of(Opcode.Block, ValueType.I32, Opcode.I64Const, 1L, Opcode.I32Const, 0, Opcode.BrIf, 0, Opcode.Drop, Opcode.I32Const, 0, Opcode.End, Opcode.End)), "type mismatch");
        // return checks the function's results.
        Invalid(Function(None, I32, Code.Of(Opcode.I64Const, 1L, Opcode.Return, Opcode.End)), "type mismatch");
    }

    [Fact]
    public void BlockTypeIndex_PassesParameters()
    {
        var builder = new TestModuleBuilder();
        uint function = (uint)builder.AddType([], [ValueType.I32]);
        uint block = (uint)builder.AddType([ValueType.I32, ValueType.I32], [ValueType.I32]);
        // (i32.const 1) (i32.const 2) (block (type 1) (i32.add))
        builder.AddFunction(function, Code.Of(Opcode.I32Const, 1, Opcode.I32Const, 2, Opcode.Block, (int)block, Opcode.I32Add, Opcode.End, Opcode.End));
        Valid(builder);

        var missing = new TestModuleBuilder();
        function = (uint)missing.AddType([], [ValueType.I32]);
        block = (uint)missing.AddType([ValueType.I32, ValueType.I32], [ValueType.I32]);
        missing.AddFunction(function, Code.Of(Opcode.I32Const, 1, Opcode.Block, (int)block, Opcode.I32Add, Opcode.End, Opcode.End));
        Invalid(missing, "type mismatch");
    }

    [Fact]
    public void IfWithoutElse_MustHaveEqualParametersAndResults()
    {
        Invalid(Function(None, I32, Code.Of(Opcode.I32Const, 1, Opcode.If, ValueType.I32, Opcode.I32Const, 1, Opcode.End, Opcode.End)), "type mismatch");
        Valid(Function(None, I32, Code.Of(Opcode.I32Const, 1, Opcode.If, ValueType.I32, Opcode.I32Const, 1, Opcode.Else, Opcode.I32Const, 2, Opcode.End, Opcode.End)));
        // Both branches are checked.
        Invalid(Function(None, I32, Code.Of(Opcode.I32Const, 1, Opcode.If, ValueType.I32, Opcode.I32Const, 1, Opcode.Else, Opcode.I64Const, 2L, Opcode.End, Opcode.End)), "type mismatch");
        // The condition must be i32.
        Invalid(Function(Code.Of(Opcode.I64Const, 1L, Opcode.If, (byte)0x40, Opcode.End, Opcode.End)), "type mismatch");
    }

    [Fact]
    public void BrTable_TargetsMustAgree()
    {
        // (block (result i32) (block (result i32) (br_table 0 1 (i32.const 1) (i32.const 0)))): both carry i32
        Valid(Function(None, I32, Code.Of(
            Opcode.Block, ValueType.I32, Opcode.Block, ValueType.I32,
            Opcode.I32Const, 1, Opcode.I32Const, 0, Opcode.BrTable, 1, 0, 1,
            Opcode.End, Opcode.End, Opcode.End)));
        // Arity differs: the outer block carries nothing.
        Invalid(Function(Code.Of(
            Opcode.Block, (byte)0x40, Opcode.Block, ValueType.I32,
            Opcode.I32Const, 1, Opcode.I32Const, 0, Opcode.BrTable, 1, 0, 1,
            Opcode.End, Opcode.Drop, Opcode.End, Opcode.End)), "type mismatch");
        // Same arity, different types, with values on the stack: invalid.
        Invalid(Function(Code.Of(
            Opcode.Block, ValueType.F32, Opcode.Block, ValueType.I32,
            Opcode.I32Const, 1, Opcode.I32Const, 0, Opcode.BrTable, 1, 0, 1,
            Opcode.End, Opcode.Drop, Opcode.F32Const, new byte[4], Opcode.End, Opcode.Drop, Opcode.End)), "type mismatch");
        // Same arity, different types, on a polymorphic stack: valid (spec br_table.wast "unreachable" cases).
        Valid(Function(Code.Of(
            Opcode.Block, ValueType.F32, Opcode.Block, ValueType.I32,
            Opcode.Unreachable, Opcode.I32Const, 0, Opcode.BrTable, 1, 0, 1,
            Opcode.End, Opcode.Drop, Opcode.F32Const, new byte[4], Opcode.End, Opcode.Drop, Opcode.End)));
        // ...unless a concrete value is on the stack that matches neither.
        Invalid(Function(Code.Of(
            Opcode.Block, ValueType.F32, Opcode.Block, ValueType.I32,
            Opcode.Unreachable, Opcode.I64Const, 0L, Opcode.I32Const, 0, Opcode.BrTable, 1, 0, 1,
            Opcode.End, Opcode.Drop, Opcode.F32Const, new byte[4], Opcode.End, Opcode.Drop, Opcode.End)), "type mismatch");
        // Arity must agree even where the stack is polymorphic (unreached-invalid.wast).
        Invalid(Function(Code.Of(
            Opcode.Block, (byte)0x40, Opcode.Block, ValueType.I32,
            Opcode.Unreachable, Opcode.BrTable, 1, 0, 1,
            Opcode.End, Opcode.Drop, Opcode.End, Opcode.End)), "type mismatch");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.BrTable, 1, 0, 3, Opcode.End)), "unknown label");
    }

    [Fact]
    public void BrIf_OnPolymorphicStack_LeavesLabelTypes()
    {
        // br_if pushes back the label's types, not Unknown: i64.eqz then sees an i32.
        Invalid(Function(Code.Of(Opcode.Block, ValueType.I32, Opcode.Unreachable, Opcode.BrIf, 0, Opcode.I64Eqz, Opcode.End, Opcode.Drop, Opcode.End)), "type mismatch");
        Valid(Function(Code.Of(Opcode.Block, ValueType.I32, Opcode.Unreachable, Opcode.BrIf, 0, Opcode.I32Eqz, Opcode.End, Opcode.Drop, Opcode.End)));
    }

    [Fact]
    public void Select_UntypedOnlyForNumbersAndVectors()
    {
        Valid(Function(None, I32, Code.Of(Opcode.I32Const, 1, Opcode.I32Const, 2, Opcode.I32Const, 0, Opcode.Select, Opcode.End)));
        Invalid(Function(Code.Of(Opcode.RefNull, ValueType.FuncRef, Opcode.RefNull, ValueType.FuncRef, Opcode.I32Const, 0, Opcode.Select, Opcode.Drop, Opcode.End)), "type mismatch");
        Invalid(Function(Code.Of(Opcode.I32Const, 1, Opcode.I64Const, 2L, Opcode.I32Const, 0, Opcode.Select, Opcode.Drop, Opcode.End)), "type mismatch");
        // On a polymorphic stack the unknown operand takes the other's type.
        Valid(Function(None, I32, Code.Of(Opcode.Unreachable, Opcode.I32Const, 0, Opcode.Select, Opcode.End)));
        Invalid(Function(Code.Of(Opcode.Unreachable, Opcode.RefNull, ValueType.ExternRef, Opcode.I32Const, 0, Opcode.Select, Opcode.Drop, Opcode.End)), "type mismatch");
        // Typed select: references allowed, exactly one type.
        Valid(Function(Code.Of(Opcode.RefNull, ValueType.FuncRef, Opcode.RefNull, ValueType.FuncRef, Opcode.I32Const, 0, Opcode.SelectTyped, 1, ValueType.FuncRef, Opcode.Drop, Opcode.End)));
        Invalid(Function(Code.Of(Opcode.I32Const, 1, Opcode.I32Const, 1, Opcode.I32Const, 0, Opcode.SelectTyped, 0, Opcode.Drop, Opcode.End)), "invalid result arity");
        Invalid(Function(Code.Of(Opcode.I32Const, 1, Opcode.I32Const, 1, Opcode.I32Const, 0, Opcode.SelectTyped, 2, ValueType.I32, ValueType.I32, Opcode.Drop, Opcode.End)), "invalid result arity");
    }

    [Fact]
    public void Globals_SetNeedsMutable()
    {
        var builder = new TestModuleBuilder().AddGlobal(ValueType.F32, mutable: false, Code.Of(Opcode.F32Const, new byte[4], Opcode.End));
        uint type = (uint)builder.AddType([], []);
        builder.AddFunction(type, Code.Of(Opcode.F32Const, new byte[4], Opcode.GlobalSet, 0, Opcode.End));
        Invalid(builder, "global is immutable");

        var mutable = new TestModuleBuilder().AddGlobal(ValueType.F32, mutable: true, Code.Of(Opcode.F32Const, new byte[4], Opcode.End));
        type = (uint)mutable.AddType([], []);
        mutable.AddFunction(type, Code.Of(Opcode.F32Const, new byte[4], Opcode.GlobalSet, 0, Opcode.End));
        Valid(mutable);
    }

    [Fact]
    public void Memory_AlignmentAtMostNatural()
    {
        Valid(Function(Code.Of(Opcode.I32Const, 0, Opcode.I32Load, 2, 0, Opcode.Drop, Opcode.End)).AddMemory(1));
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.I32Load, 3, 0, Opcode.Drop, Opcode.End)).AddMemory(1), "alignment must not be larger than natural");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.I32Load8U, 1, 0, Opcode.Drop, Opcode.End)).AddMemory(1), "alignment must not be larger than natural");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.V128Load, 5, 0, Opcode.Drop, Opcode.End)).AddMemory(1), "alignment must not be larger than natural");
        Invalid(Function(Code.Of(Opcode.MemorySize, (byte)0, Opcode.Drop, Opcode.End)), "unknown memory");
    }

    [Fact]
    public void Simd_LaneIndicesBoundedByShape()
    {
        byte[] zero = new byte[16];
        Valid(Function(None, I32, Code.Of(Opcode.V128Const, zero, Opcode.I8x16ExtractLaneS, (byte)15, Opcode.End)));
        Invalid(Function(None, I32, Code.Of(Opcode.V128Const, zero, Opcode.I8x16ExtractLaneS, (byte)16, Opcode.End)), "invalid lane index");
        Invalid(Function(None, I32, Code.Of(Opcode.V128Const, zero, Opcode.I32x4ExtractLane, (byte)4, Opcode.End)), "invalid lane index");
        Invalid(Function([], [ValueType.V128], Code.Of(Opcode.V128Const, zero, Opcode.F64Const, new byte[8], Opcode.F64x2ReplaceLane, (byte)2, Opcode.End)), "invalid lane index");
        byte[] lanes = Enumerable.Range(16, 16).Select(i => (byte)i).ToArray();
        Valid(Function([], [ValueType.V128], Code.Of(Opcode.V128Const, zero, Opcode.V128Const, zero, Opcode.I8x16Shuffle, lanes, Opcode.End)));
        lanes[15] = 32;
        Invalid(Function([], [ValueType.V128], Code.Of(Opcode.V128Const, zero, Opcode.V128Const, zero, Opcode.I8x16Shuffle, lanes, Opcode.End)), "invalid lane index");
        // Lane loads: the lane count follows from the access width.
        Valid(Function([], [ValueType.V128], Code.Of(Opcode.I32Const, 0, Opcode.V128Const, zero, Opcode.V128Load16Lane, 1, 0, (byte)7, Opcode.End)).AddMemory(1));
        Invalid(Function([], [ValueType.V128], Code.Of(Opcode.I32Const, 0, Opcode.V128Const, zero, Opcode.V128Load16Lane, 1, 0, (byte)8, Opcode.End)).AddMemory(1), "invalid lane index");
    }

    [Fact]
    public void References_IsNullNeedsReference()
    {
        Valid(Function(None, I32, Code.Of(Opcode.RefNull, ValueType.ExternRef, Opcode.RefIsNull, Opcode.End)));
        Invalid(Function(None, I32, Code.Of(Opcode.I32Const, 0, Opcode.RefIsNull, Opcode.End)), "type mismatch");
        Valid(Function(None, I32, Code.Of(Opcode.Unreachable, Opcode.RefIsNull, Opcode.End)));
    }

    [Fact]
    public void RefFunc_NeedsDeclaredFunction()
    {
        Invalid(Function(Code.Of(Opcode.RefFunc, 0, Opcode.Drop, Opcode.End)), "undeclared function reference");
        // The start function does not declare a reference (ref_func.wast).
        Invalid(Function(Code.Of(Opcode.RefFunc, 0, Opcode.Drop, Opcode.End)).SetStart(0), "undeclared function reference");
        Valid(Function(Code.Of(Opcode.RefFunc, 0, Opcode.Drop, Opcode.End)).AddExport("f", ExternalKind.Function, 0));
        Valid(Function(Code.Of(Opcode.RefFunc, 0, Opcode.Drop, Opcode.End))
            .AddElementExpressions(SegmentMode.Declarative, ValueType.FuncRef, Code.Of(Opcode.RefFunc, 0, Opcode.End)));
        Valid(Function(Code.Of(Opcode.RefFunc, 0, Opcode.Drop, Opcode.End))
            .AddGlobal(ValueType.FuncRef, false, Code.Of(Opcode.RefFunc, 0, Opcode.End)));
        Valid(Function(Code.Of(Opcode.RefFunc, 0, Opcode.Drop, Opcode.End))
            .AddTable(ValueType.FuncRef).AddActiveElements(0, Code.Of(Opcode.I32Const, 0, Opcode.End), ValueType.FuncRef, 0));
        Invalid(Function(Code.Of(Opcode.RefFunc, 1, Opcode.Drop, Opcode.End)), "unknown function");
    }

    [Fact]
    public void Tables_TypesOfOperandsAndSegments()
    {
        byte[] zeroes3 = Code.Of(Opcode.I32Const, 0, Opcode.I32Const, 0, Opcode.I32Const, 0);
        Valid(Function(Code.Of(Opcode.I32Const, 0, Opcode.RefNull, ValueType.ExternRef, Opcode.TableSet, 0, Opcode.End)).AddTable(ValueType.ExternRef));
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.RefNull, ValueType.FuncRef, Opcode.TableSet, 0, Opcode.End)).AddTable(ValueType.ExternRef), "type mismatch");
        Valid(Function(None, I32, Code.Of(Opcode.RefNull, ValueType.FuncRef, Opcode.I32Const, 1, Opcode.TableGrow, 0, Opcode.End)).AddTable(ValueType.FuncRef));
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.RefNull, ValueType.FuncRef, Opcode.I32Const, 1, Opcode.TableFill, 0, Opcode.End)).AddTable(ValueType.ExternRef), "type mismatch");
        // table.copy between tables of different element types
        Invalid(Function(Code.Of(zeroes3, Opcode.TableCopy, 0, 1, Opcode.End)).AddTable(ValueType.FuncRef).AddTable(ValueType.ExternRef), "type mismatch");
        Valid(Function(Code.Of(zeroes3, Opcode.TableCopy, 1, 0, Opcode.End)).AddTable(ValueType.FuncRef).AddTable(ValueType.FuncRef));
        // table.init: segment type must match the table (elem.wast)
        Invalid(Function(Code.Of(zeroes3, Opcode.TableInit, 0, 0, Opcode.End)).AddTable(ValueType.FuncRef)
            .AddElementExpressions(SegmentMode.Passive, ValueType.ExternRef, Code.Of(Opcode.RefNull, ValueType.ExternRef, Opcode.End)), "type mismatch");
        Invalid(Function(Code.Of(zeroes3, Opcode.TableInit, 1, 0, Opcode.End)).AddTable(ValueType.FuncRef)
            .AddElementExpressions(SegmentMode.Passive, ValueType.FuncRef, Code.Of(Opcode.RefNull, ValueType.FuncRef, Opcode.End)), "unknown elem segment");
        Invalid(Function(Code.Of(Opcode.ElemDrop, 0, Opcode.End)), "unknown elem segment");
        // call_indirect needs a funcref table
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.CallIndirect, 0, 0, Opcode.End)).AddTable(ValueType.ExternRef), "type mismatch");
        Invalid(Function(Code.Of(Opcode.I32Const, 0, Opcode.CallIndirect, 0, 0, Opcode.End)), "unknown table");
        Valid(Function(Code.Of(Opcode.I32Const, 0, Opcode.CallIndirect, 0, 0, Opcode.End)).AddTable(ValueType.FuncRef));
    }

    [Fact]
    public void BulkMemory_DataCountRequiredAndSegmentsChecked()
    {
        byte[] zeroes3 = Code.Of(Opcode.I32Const, 0, Opcode.I32Const, 0, Opcode.I32Const, 0);
        Malformed(Function(Code.Of(zeroes3, Opcode.MemoryInit, 0, (byte)0, Opcode.End)).AddMemory(1).AddPassiveData(), "data count section required");
        Malformed(Function(Code.Of(Opcode.DataDrop, 0, Opcode.End)).AddMemory(1).AddPassiveData(), "data count section required");
        Valid(Function(Code.Of(zeroes3, Opcode.MemoryInit, 0, (byte)0, Opcode.DataDrop, 0, Opcode.End)).AddMemory(1).AddPassiveData().SetDataCount(1));
        Invalid(Function(Code.Of(Opcode.DataDrop, 1, Opcode.End)).AddMemory(1).AddPassiveData().SetDataCount(1), "unknown data segment");
        Invalid(Function(Code.Of(zeroes3, Opcode.MemoryInit, 0, (byte)0, Opcode.End)).AddPassiveData().SetDataCount(1), "unknown memory");
        Invalid(Function(Code.Of(zeroes3, Opcode.MemoryFill, (byte)0, Opcode.End)), "unknown memory");
    }

    [Fact]
    public void BodyMustEndExactlyWithFunctionEnd()
    {
        Malformed(Function(Code.Of(Opcode.Block, (byte)0x40, Opcode.End)), "END opcode expected");
        Malformed(Function(Code.Of(Opcode.Nop)), "END opcode expected");
        Malformed(Function(Code.Of(Opcode.End, Opcode.Nop)), "operators remaining after end of function");
        Malformed(Function(Code.Of(Opcode.Else, Opcode.End)), "else without matching if");
    }
}
