using Wasmbed.Text;

namespace Wasmbed.Tests.Text;

public sealed class WastScriptTests
{
    private const string Script = """
        (module $M (func (export "f") (param i32) (result i32) (local.get 0)))
        (register "m" $M)
        (invoke "f" (i32.const -1))
        (assert_return (invoke $M "f" (i32.const 7)) (i32.const 7))
        (assert_return (get "g") (f32.const nan:canonical))
        (assert_return (invoke "h" (f64.const -nan:0x1) (ref.null extern) (ref.extern 3))
          (v128.const f32x4 1.0 nan:arithmetic -0 nan:canonical) (ref.extern) (ref.null func))
        (assert_trap (invoke "f") "unreachable")
        (assert_trap (module (func $s unreachable) (start $s)) "unreachable")
        (assert_exhaustion (invoke "f") "call stack exhausted")
        (assert_malformed (module quote "(func (i32.const 0x))") "unknown operator")
        (assert_invalid (module (func (result i32) (i64.const 0))) "type mismatch")
        (assert_unlinkable (module binary "\00asm" "\01\00\00\00") "unknown import")
        (assert_uninstantiable (module (memory 0) (data (i32.const 1) "x")) "out of bounds")
        """;

    [Fact]
    public void ParsesEveryCommandKind()
    {
        var script = WastScript.Parse(Script, "sample.wast");
        Assert.Equal("sample.wast", script.FileName);
        var c = script.Commands;
        Assert.Equal(13, c.Count);

        var module = Assert.IsType<WastModuleCommand>(c[0]);
        Assert.Equal("M", module.Module.Id);
        Assert.Equal(WastModuleFormat.Text, module.Module.Format);
        Assert.Equal(1, module.Line);
        Assert.Contains((byte)7, module.Module.Encode()); // export section id appears

        var register = Assert.IsType<WastRegisterCommand>(c[1]);
        Assert.Equal(("m", "M"), (register.As, register.ModuleId));

        var invoke = Assert.IsType<WastActionCommand>(c[2]).Action;
        Assert.Equal(WastActionKind.Invoke, invoke.Kind);
        Assert.Null(invoke.ModuleId);
        Assert.Equal(WastValue.I32(-1), Assert.Single(invoke.Arguments));

        var ret = Assert.IsType<WastAssertReturn>(c[3]);
        Assert.Equal(4, ret.Line);
        Assert.Equal("M", ret.Action.ModuleId);
        Assert.Equal(WastValue.I32(7), ret.Expected.Single().Value);

        var get = Assert.IsType<WastAssertReturn>(c[4]);
        Assert.Equal(WastActionKind.Get, get.Action.Kind);
        Assert.Equal(WastResultKind.CanonicalNan, get.Expected.Single().Kind);
        Assert.Equal(ValueType.F32, get.Expected.Single().Type);

        var h = Assert.IsType<WastAssertReturn>(c[5]);
        Assert.Equal([WastValue.F64Bits(0xFFF0_0000_0000_0001), WastValue.Null(ValueType.ExternRef), WastValue.ExternRef(3)], h.Action.Arguments);
        var vector = h.Expected[0];
        Assert.Equal(WastResultKind.Vector, vector.Kind);
        Assert.Equal(WastVectorShape.F32x4, vector.Shape);
        Assert.Equal(
            [new(WastLaneKind.Exact, 0x3F800000), new(WastLaneKind.ArithmeticNan, 0), new(WastLaneKind.Exact, 0x80000000), new(WastLaneKind.CanonicalNan, 0)],
            vector.Lanes);
        Assert.Equal(WastResultKind.NonNullReference, h.Expected[1].Kind);
        Assert.Equal(WastValue.Null(ValueType.FuncRef), h.Expected[2].Value);

        Assert.NotNull(Assert.IsType<WastAssertTrap>(c[6]).Action);
        var trapModule = Assert.IsType<WastAssertTrap>(c[7]);
        Assert.Null(trapModule.Action);
        Assert.Equal("unreachable", trapModule.Message);
        Assert.NotEmpty(trapModule.Module!.Encode());
        Assert.Equal("call stack exhausted", Assert.IsType<WastAssertExhaustion>(c[8]).Message);

        var malformed = Assert.IsType<WastAssertModule>(c[9]);
        Assert.Equal(WastModuleAssertionKind.Malformed, malformed.Kind);
        Assert.Equal(WastModuleFormat.Quote, malformed.Module.Format);
        Assert.Throws<WasmFormatException>(() => malformed.Module.Encode()); // only when asked

        Assert.Equal(WastModuleAssertionKind.Invalid, Assert.IsType<WastAssertModule>(c[10]).Kind);
        Assert.NotEmpty(((WastAssertModule)c[10]).Module.Encode());
        var unlinkable = Assert.IsType<WastAssertModule>(c[11]);
        Assert.Equal(WastModuleAssertionKind.Unlinkable, unlinkable.Kind);
        Assert.Equal([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00], unlinkable.Module.Encode());
        Assert.Equal(WastModuleAssertionKind.Uninstantiable, Assert.IsType<WastAssertModule>(c[12]).Kind);
    }

    [Fact]
    public void ExpectedResultsMatchBySpecRules()
    {
        var canonical = WastExpectedResult.Nan(ValueType.F32, canonical: true);
        Assert.True(canonical.Matches(WastValue.F32Bits(0x7FC00000)));
        Assert.True(canonical.Matches(WastValue.F32Bits(0xFFC00000)));
        Assert.False(canonical.Matches(WastValue.F32Bits(0x7FC00001)));
        Assert.False(canonical.Matches(WastValue.F64Bits(0x7FF8000000000000))); // wrong type

        var arithmetic = WastExpectedResult.Nan(ValueType.F64, canonical: false);
        Assert.True(arithmetic.Matches(WastValue.F64Bits(0x7FF8000000000001)));
        Assert.False(arithmetic.Matches(WastValue.F64Bits(0x7FF0000000000001))); // signalling
        Assert.False(arithmetic.Matches(WastValue.F64Bits(0x7FF0000000000000))); // infinity

        var exactNan = WastExpectedResult.Exact(WastValue.F32Bits(0x7FC00000));
        Assert.False(exactNan.Matches(WastValue.F32Bits(0xFFC00000)));

        var script = WastScript.Parse("(assert_return (invoke \"v\") (v128.const f64x2 nan:canonical 2.0))", "v.wast");
        var vector = ((WastAssertReturn)script.Commands[0]).Expected[0];
        Assert.True(vector.Matches(WastValue.V128(0xFFF8000000000000, 0x4000000000000000)));
        Assert.False(vector.Matches(WastValue.V128(0x7FF8000000000001, 0x4000000000000000)));
        Assert.False(vector.Matches(WastValue.V128(0x7FF8000000000000, 0x4000000000000001)));

        var anyExtern = WastExpectedResult.NonNull(ValueType.ExternRef);
        Assert.True(anyExtern.Matches(WastValue.ExternRef(42)));
        Assert.False(anyExtern.Matches(WastValue.Null(ValueType.ExternRef)));
        Assert.False(anyExtern.Matches(WastValue.FuncRef(0)));
    }

    [Fact]
    public void LinesAreCountedAcrossCommentsAndStrings()
    {
        var script = WastScript.Parse(";; header\n\n(; block\n comment ;)\n(module)\n(module quote \"a\\nb\"\n  \"c\")\n\n(invoke \"x\")", "l.wast");
        Assert.Equal([5, 6, 9], script.Commands.Select(c => c.Line));
    }

    [Fact]
    public void BareModuleFieldsFormOneModule()
    {
        var script = WastScript.Parse("(func) (memory 0) (func (export \"f\"))", "inline.wast");
        var module = Assert.IsType<WastModuleCommand>(Assert.Single(script.Commands));
        Assert.Equal(Wat.ToBinary("(module (func) (memory 0) (func (export \"f\")))"), module.Module.Encode());
    }

    [Fact]
    public void MalformedScriptNamesTheFile()
    {
        var error = Assert.Throws<WasmFormatException>(() => WastScript.Parse("(assert_return (invoke \"f\" (i32.const 1))\n(bogus)", "bad.wast"));
        Assert.StartsWith("bad.wast:2:2:", error.Reason);
    }
}
