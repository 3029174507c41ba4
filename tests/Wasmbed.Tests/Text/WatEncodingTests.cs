using Wasmbed.Text;

namespace Wasmbed.Tests.Text;

public sealed class WatEncodingTests
{
    private static byte[] Body(string function) => BinarySections.OnlyFunctionBody(Wat.ToBinary(function));

    [Fact]
    public void EmptyModuleIsJustThePreamble()
    {
        Assert.Equal([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00], Wat.ToBinary("(module)"));
        Assert.Equal(Wat.ToBinary("(module)"), Wat.ToBinary(" ;; nothing\n (; at (; all ;) ;) "));
    }

    [Fact]
    public void BareFieldsEqualTheWrappedModule() =>
        Assert.Equal(Wat.ToBinary("(module (memory 1) (func (export \"f\")))"), Wat.ToBinary("(memory 1) (func (export \"f\"))"));

    [Theory]
    // Abbreviations (spec 6.6) encode exactly like what they abbreviate.
    [InlineData("(func (export \"f\") (result i32) (i32.const 1))",
                "(type (func (result i32))) (func (type 0) (result i32) i32.const 1) (export \"f\" (func 0))")]
    [InlineData("(func (result i32) (i32.add (i32.const 1) (i32.const 2)))",
                "(func (result i32) i32.const 1 i32.const 2 i32.add)")]
    [InlineData("(func (param i32) (result i32) (if (result i32) (local.get 0) (then (i32.const 1)) (else (i32.const 2))))",
                "(func (param i32) (result i32) local.get 0 if (result i32) i32.const 1 else i32.const 2 end)")]
    [InlineData("(func (block (loop (br 1))))", "(func block loop br 1 end end)")]
    [InlineData("(table funcref (elem 0 1)) (func) (func)", "(table 2 2 funcref) (elem (i32.const 0) func 0 1) (func) (func)")]
    [InlineData("(table funcref (elem 0 1)) (func) (func)", "(table 2 2 funcref) (elem (table 0) (offset i32.const 0) func 0 1) (func) (func)")]
    [InlineData("(memory (data \"ab\" \"c\"))", "(memory 1 1) (data (i32.const 0) \"abc\")")]
    [InlineData("(memory (data))", "(memory 0 0) (data (offset (i32.const 0)))")]
    [InlineData("(func (import \"m\" \"f\") (param i32))", "(type (func (param i32))) (import \"m\" \"f\" (func (type 0)))")]
    [InlineData("(global (export \"g\") (import \"m\" \"g\") (mut i32))", "(import \"m\" \"g\" (global (mut i32))) (export \"g\" (global 0))")]
    [InlineData("(table (export \"t\") 1 funcref)", "(table 1 funcref) (export \"t\" (table 0))")]
    [InlineData("(func (param i32 i64) (local f32 f32 i32))", "(func (param i32) (param i64) (local f32) (local f32) (local i32))")]
    [InlineData("(func (call_indirect (type 0) (i32.const 0))) (type (func)) (table 1 funcref)",
                "(type (func)) (func (call_indirect 0 (type 0) (i32.const 0))) (table 1 funcref)")]
    [InlineData("(table 1 funcref) (func (table.get (i32.const 0)) drop)", "(table 1 funcref) (func (table.get 0 (i32.const 0)) drop)")]
    [InlineData("(func (select (i32.const 1) (i32.const 2) (i32.const 0)) drop)", "(func i32.const 1 i32.const 2 i32.const 0 select drop)")]
    public void AbbreviationsEncodeLikeTheirExpansion(string abbreviated, string expanded) =>
        Assert.Equal(Wat.ToBinary(expanded), Wat.ToBinary(abbreviated));

    [Fact]
    public void ImplicitTypesAreAppendedInOrderOfUse()
    {
        // spec 6.6.3: explicit types keep their indices; new signatures are appended as they are met.
        var module = Wat.ToBinary("(func (param i32)) (type (func)) (func (result i32) (i32.const 0)) (func (param i32)) (type (func (param i32)))");
        Assert.Equal(
            [0x03, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7F, 0x00, 0x60, 0x00, 0x01, 0x7F],
            BinarySections.Get(module, 1));
        Assert.Equal([0x03, 0x01, 0x02, 0x01], BinarySections.Get(module, 3)); // uses (type 1) = explicit [i32]->[]
    }

    [Fact]
    public void BlockTypes()
    {
        Assert.Equal([0x02, 0x40, 0x0B, 0x0B], Body("(func (block))"));
        Assert.Equal([0x02, 0x7F, 0x41, 0x00, 0x0B, 0x1A, 0x0B], Body("(func (block (result i32) (i32.const 0)) drop)"));
        // multi-value block: a type index, added to the type section after the function's own type
        var module = Wat.ToBinary("(func (block (param i32) (result i32 i32) (i32.const 1)) (unreachable))");
        Assert.Equal([0x02, 0x60, 0x00, 0x00, 0x60, 0x01, 0x7F, 0x02, 0x7F, 0x7F], BinarySections.Get(module, 1));
        Assert.Equal([0x02, 0x01, 0x41, 0x01, 0x0B, 0x00, 0x0B], BinarySections.OnlyFunctionBody(module));
    }

    [Fact]
    public void LabelsResolveToRelativeDepth()
    {
        Assert.Equal(
            [0x02, 0x40, 0x03, 0x40, 0x0C, 0x01, 0x0C, 0x00, 0x41, 0x00, 0x0E, 0x02, 0x00, 0x01, 0x01, 0x0B, 0x0B, 0x0B],
            Body("(func (block $out (loop $in (br $out) (br $in) (br_table $in $out $out (i32.const 0)))))"));
        // shadowing: the innermost label of that name wins
        Assert.Equal([0x02, 0x40, 0x02, 0x40, 0x0C, 0x00, 0x0B, 0x0B, 0x0B], Body("(func (block $l (block $l (br $l))))"));
        Assert.Equal([0x02, 0x40, 0x0C, 0x00, 0x0B, 0x0B], Body("(func block $l br $l end $l)"));
    }

    [Fact]
    public void MemoryArguments()
    {
        Assert.Equal([0x41, 0x00, 0x28, 0x02, 0x00, 0x1A, 0x0B], Body("(memory 1) (func (drop (i32.load (i32.const 0))))"));
        Assert.Equal([0x41, 0x00, 0x28, 0x01, 0x10, 0x1A, 0x0B], Body("(memory 1) (func (drop (i32.load offset=0x10 align=2 (i32.const 0))))"));
        Assert.Equal([0x41, 0x00, 0x31, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x1A, 0x0B],
            Body("(memory 1) (func (drop (i64.load8_u offset=4294967295 (i32.const 0))))"));
        // too-large alignment is well-formed (the validator rejects it)
        Assert.Equal([0x41, 0x00, 0x28, 0x04, 0x00, 0x1A, 0x0B], Body("(memory 1) (func (drop (i32.load align=16 (i32.const 0))))"));
        Assert.Equal([0x3F, 0x00, 0x40, 0x00, 0x1A, 0x0B], Body("(memory 1) (func (memory.grow (memory.size)) drop)"));
    }

    [Fact]
    public void SimdInstructions()
    {
        Assert.Equal(
            [0xFD, 0x0C, 1, 0, 0, 0, 2, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0x80, 0x3F, 0x1A, 0x0B],
            Body("(func (v128.const i32x4 1 2 -1 0x3f800000) drop)"));
        Assert.Equal(Body("(func (v128.const i32x4 1 2 -1 0x3f800000) drop)"), Body("(func (v128.const f32x4 0x1p-149 0x1p-148 -nan:0x7fffff 1.0) drop)"));
        var shuffle = Body("(func (param v128) (i8x16.shuffle 0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 31 (local.get 0) (local.get 0)) drop)");
        Assert.Equal([0x20, 0x00, 0x20, 0x00, 0xFD, 0x0D, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 31, 0x1A, 0x0B], shuffle);
        Assert.Equal([0x20, 0x00, 0xFD, 0x15, 0x0F, 0x1A, 0x0B], Body("(func (param v128) (i8x16.extract_lane_s 15 (local.get 0)) drop)"));
        Assert.Equal([0x41, 0x00, 0x20, 0x00, 0xFD, 0x54, 0x00, 0x08, 0x03, 0x1A, 0x0B],
            Body("(memory 1) (func (param v128) (v128.load8_lane offset=8 3 (i32.const 0) (local.get 0)) drop)"));
        Assert.Equal([0x41, 0x00, 0xFD, 0x00, 0x03, 0x00, 0x1A, 0x0B], Body("(memory 1) (func (v128.load align=8 (i32.const 0)) drop)"));
    }

    [Fact]
    public void PrefixedAndReferenceInstructions()
    {
        Assert.Equal([0x43, 0, 0, 0x80, 0x3F, 0xFC, 0x00, 0x1A, 0x0B], Body("(func (i32.trunc_sat_f32_s (f32.const 1)) drop)"));
        Assert.Equal([0xD0, 0x6F, 0xD1, 0x1A, 0xD0, 0x70, 0x1A, 0xD2, 0x00, 0x1A, 0x0B],
            Body("(func $f (ref.is_null (ref.null extern)) drop (ref.null func) drop (ref.func $f) drop) (elem declare func $f)"));
        Assert.Equal([0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0C, 0x01, 0x02, 0xFC, 0x0D, 0x01, 0x0B],
            Body("(table $a 1 funcref) (table $b 1 funcref) (table $c 1 funcref) (elem $e func) (elem $e2 func)" +
                 "(func (table.init $c $e2 (i32.const 0) (i32.const 0) (i32.const 0)) (elem.drop $e2))"));
        Assert.Equal([0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0C, 0x01, 0x00, 0x0B],
            Body("(table 1 funcref) (elem func) (elem func) (func (table.init 1 (i32.const 0) (i32.const 0) (i32.const 0)))"));
        Assert.Equal([0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x08, 0x00, 0x00, 0xFC, 0x09, 0x00, 0x41, 0, 0x41, 0, 0x41, 0, 0xFC, 0x0A, 0x00, 0x00, 0x0B],
            Body("(memory 1) (data $d \"x\") (func (memory.init $d (i32.const 0) (i32.const 0) (i32.const 0)) (data.drop $d) (memory.copy (i32.const 0) (i32.const 0) (i32.const 0)))"));
        Assert.Equal([0x41, 0, 0x41, 0, 0x1C, 0x01, 0x7F, 0x1A, 0x0B], Body("(func (select (result i32) (i32.const 0) (i32.const 0)) drop)"));
    }

    [Theory]
    [InlineData("(table 1 funcref) (func $f) (elem (i32.const 0) $f)", 0x00)]
    [InlineData("(func $f) (elem func $f)", 0x01)]
    [InlineData("(table 1 funcref) (table $t 1 funcref) (func $f) (elem (table $t) (i32.const 0) func $f)", 0x02)]
    [InlineData("(func $f) (elem declare func $f)", 0x03)]
    [InlineData("(table 1 funcref) (func $f) (elem (i32.const 0) funcref (ref.func $f) (item ref.null func))", 0x04)]
    [InlineData("(elem externref (ref.null extern))", 0x05)]
    [InlineData("(table 1 externref) (elem (table 0) (offset (i32.const 0)) externref (item (ref.null extern)))", 0x06)]
    [InlineData("(elem declare funcref (ref.null func))", 0x07)]
    public void ElementSegmentFlags(string module, byte flag)
    {
        var elements = BinarySections.Get(Wat.ToBinary(module), 9);
        Assert.Equal(1, elements[0]);
        Assert.Equal(flag, elements[1]);
    }

    [Fact]
    public void DataSegmentForms()
    {
        Assert.Equal([0x01, 0x01, 0x02, (byte)'h', (byte)'i'], BinarySections.Get(Wat.ToBinary("(data \"h\" \"i\")"), 11));
        Assert.Equal([0x01, 0x00, 0x41, 0x08, 0x0B, 0x01, 0x00], BinarySections.Get(Wat.ToBinary("(memory 1) (data (offset (i32.const 8)) \"\\00\")"), 11));
        Assert.Equal([0x01, 0x02, 0x01, 0x41, 0x00, 0x0B, 0x00],
            BinarySections.Get(Wat.ToBinary("(memory 1) (memory $m 1) (data (memory $m) (i32.const 0))"), 11));
        // data count section (id 12) precedes code so memory.init/data.drop validate in one pass
        var ids = BinarySections.Read(Wat.ToBinary("(memory 1) (data \"\") (func)")).Select(s => s.Id).ToArray();
        Assert.Equal([1, 3, 5, 12, 10, 11], ids);
    }

    [Fact]
    public void StringEscapesProduceBytes()
    {
        var data = BinarySections.Get(Wat.ToBinary("(data \"\\n\\t\\r\\\\\\'\\\"\\00\\ff\\u{1F600}\\u{e9}é\")"), 11);
        Assert.Equal([0x01, 0x01, 16, 10, 9, 13, 92, 39, 34, 0, 0xFF, 0xF0, 0x9F, 0x98, 0x80, 0xC3, 0xA9, 0xC3, 0xA9], data);
    }

    [Fact]
    public void NameSectionCarriesModuleFunctionAndLocalNames()
    {
        var module = Wat.ToBinary("(module $m (func $imp (import \"a\" \"b\")) (func $f (param $x i32) (local i32) (local $y i64)) (func (local $z f32)))");
        var name = BinarySections.Get(module, 0);
        byte[] expected =
        [
            4, (byte)'n', (byte)'a', (byte)'m', (byte)'e',
            0, 2, 1, (byte)'m',                                                    // module name
            1, 9, 2, 0, 3, (byte)'i', (byte)'m', (byte)'p', 1, 1, (byte)'f',      // function names
            2, 14, 2, 1, 2, 0, 1, (byte)'x', 2, 1, (byte)'y', 2, 1, 0, 1, (byte)'z',                // local names
        ];
        Assert.Equal(expected, name);
    }

    [Theory]
    // Well-formed but invalid modules must encode, so the validator can reject them.
    [InlineData("(func (result i32) (i64.const 0))")]
    [InlineData("(func (call 7))")]
    [InlineData("(func (local.get 3))")]
    [InlineData("(func (br 5))")]
    [InlineData("(func (type 9))")]
    [InlineData("(memory 1) (func (drop (i32.load align=32 (i32.const 0))))")]
    [InlineData("(func (param v128) (drop (i8x16.extract_lane_s 200 (local.get 0))))")]
    [InlineData("(memory 70000)")]
    [InlineData("(start 3)")]
    [InlineData("(func (memory.init 4 (i32.const 0) (i32.const 0) (i32.const 0)))")]
    [InlineData("(export \"a\" (func 0)) (export \"a\" (func 0))")]
    public void InvalidButWellFormedModulesEncode(string text) => Assert.NotEmpty(Wat.ToBinary(text));
}
