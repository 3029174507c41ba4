using Wasmbed.Text;

namespace Wasmbed.Tests.Text;

public sealed class WatErrorTests
{
    [Theory]
    [InlineData("(func (br $missing))", "unknown label")]
    [InlineData("(func (call $missing))", "unknown func")]
    [InlineData("(func (local.get $missing))", "unknown local")]
    [InlineData("(func (call_indirect (type $missing)))", "unknown type")]
    [InlineData("(func (global.get $g))", "unknown global")]
    [InlineData("(func $f) (func $f)", "duplicate func")]
    [InlineData("(func (param $x i32) (local $x i32))", "duplicate local")]
    [InlineData("(memory $m 1) (memory $m 1)", "duplicate memory")]
    [InlineData("(func (i32.frobnicate))", "unknown operator")]
    [InlineData("(func (drop (i32.const0)))", "unknown operator")]
    [InlineData("(func block $a end $b)", "mismatching label")]
    [InlineData("(func block end $b)", "mismatching label")]
    [InlineData("(func (i32.const 0x100000000) drop)", "constant out of range")]
    [InlineData("(func (f32.const 1e39) drop)", "constant out of range")]
    [InlineData("(func (f64.const nan:0x0) drop)", "constant out of range")]
    [InlineData("(type $t (func)) (func (type $t) (param i32))", "inline function type")]
    [InlineData("(func) (import \"a\" \"b\" (func))", "import after function")]
    [InlineData("(memory 0) (global (import \"a\" \"b\") i32)", "import after memory")]
    [InlineData("(func $a) (start $a) (start $a)", "multiple start sections")]
    [InlineData("(func (export \"\\ff\"))", "malformed UTF-8 encoding")]
    [InlineData("(memory 0x1_0000_0000)", "i32 constant out of range")]
    [InlineData("(memory 1) (func (drop (i32.load align=3 (i32.const 0))))", "alignment")]
    [InlineData("(func (param v128) (drop (i8x16.extract_lane_s 256 (local.get 0))))", "malformed lane index")]
    [InlineData("(func (drop (v128.const i32x4 1 2 3)))", "wrong number of lane literals")]
    [InlineData("(func (block (param $x i32)))", "unexpected token")]
    [InlineData("(func (result i32) (param i32))", "unexpected token")]
    [InlineData("(data $l\"a\")", "unexpected token")]
    [InlineData("(func) (; unclosed", "unclosed comment")]
    [InlineData("(data \"abc)", "unclosed string")]
    [InlineData("(data \"\\q\")", "illegal escape")]
    [InlineData("(func", "unbalanced")]
    [InlineData("(module (func)) (func)", "expected end of input")]
    [InlineData("(frob)", "unknown module field")]
    public void MalformedTextThrowsFormatException(string text, string expected)
    {
        var error = Assert.Throws<WasmFormatException>(() => Wat.ToBinary(text));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void ErrorsCarryLineColumnAndCharacterOffset()
    {
        string text = "(module\n  (func\n    (call $nowhere)))";
        var error = Assert.Throws<WasmFormatException>(() => Wat.ToBinary(text));
        Assert.StartsWith("3:11: unknown func $nowhere", error.Reason);
        Assert.Equal(text.IndexOf("$nowhere", StringComparison.Ordinal), error.Offset);
    }
}
