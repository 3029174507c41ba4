using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

public class CompiledControlFlowTests
{
    [Fact]
    public void BrTable_Picks_Targets_And_Default_With_Values()
    {
        var m = Create("""
            (module
              (func (export "classify") (param i32) (result i32)
                (block $default (result i32)
                  (block $two (result i32)
                    (block $one (result i32)
                      (block $zero (result i32)
                        (i32.const 100) (local.get 0)
                        (br_table $zero $one $two $default))
                      (return (i32.add (i32.const 10))))
                    (return (i32.add (i32.const 20))))
                  (return (i32.add (i32.const 30))))
                (i32.add (i32.const 40)))
              (func (export "loop-table") (param i32) (result i32) (local i32)
                (block $out
                  (loop $top
                    (local.set 1 (i32.add (local.get 1) (i32.const 1)))
                    (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
                    (br_table $top $out (i32.eqz (local.get 0)))))
                (local.get 1)))
            """);
        Assert.Equal(110, m.CallI32("classify", I32(0)));
        Assert.Equal(120, m.CallI32("classify", I32(1)));
        Assert.Equal(130, m.CallI32("classify", I32(2)));
        Assert.Equal(140, m.CallI32("classify", I32(3)));
        Assert.Equal(140, m.CallI32("classify", I32(-1)));
        Assert.Equal(7, m.CallI32("loop-table", I32(7)));
    }

    [Fact]
    public void Branches_Discard_Values_Below_Their_Results()
    {
        var m = Create("""
            (module
              (func (export "br-extra") (param i32) (result i32)
                (block (result i32)
                  (i32.const 1) (i32.const 2) (i32.const 3)
                  (br_if 0 (i32.const 42) (local.get 0))
                  (drop) (drop) (drop) (drop)
                  (i32.const 7)))
              (func (export "value-under-block") (result i32)
                (i32.const 5)
                (block (result i32) (i32.const 6))
                (loop (result i32) (i32.const 1))
                (i32.add) (i32.add)))
            """);
        Assert.Equal(42, m.CallI32("br-extra", I32(1)));
        Assert.Equal(7, m.CallI32("br-extra", I32(0)));
        Assert.Equal(12, m.CallI32("value-under-block"));
    }

    [Fact]
    public void MultiValue_Blocks_Loops_And_Calls()
    {
        var m = Create("""
            (module
              (func $swap (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
              (func (export "swap-sub") (result i64)
                (call $swap (i32.const 3) (i64.const 10))
                (drop))
              (func (export "swap-second") (result i32) (local i32)
                (call $swap (i32.const 3) (i64.const 10))
                (local.set 0) (drop) (local.get 0))
              (func (export "swap-both") (result i64 i32)
                (call $swap (i32.const 3) (i64.const 10)))
              (func (export "sum-to") (param i32) (result i32)
                (i32.const 0) (local.get 0)
                (loop $l (param i32 i32) (result i32)
                  (local.set 0)
                  (i32.add (local.get 0))
                  (i32.sub (local.get 0) (i32.const 1))
                  (local.tee 0)
                  (local.get 0)
                  (br_if $l)
                  (drop)))
              (func (export "if-params") (param i32) (result i32 i32)
                (i32.const 8) (i32.const 2)
                (if (param i32 i32) (result i32 i32) (local.get 0)
                  (then (i32.add) (i32.const 1))
                  (else (i32.sub) (i32.const 0)))))
            """);
        Assert.Equal(10, m.CallI64("swap-sub"));
        Assert.Equal(3, m.CallI32("swap-second"));
        Assert.Equal([10UL, 3UL], m.Call("swap-both"));
        Assert.Equal(55, m.CallI32("sum-to", I32(10)));
        Assert.Equal([10UL, 1UL], m.Call("if-params", I32(1)));
        Assert.Equal([6UL, 0UL], m.Call("if-params", I32(0)));
    }

    [Fact]
    public void Select_And_Unreachable()
    {
        var m = Create("""
            (module
              (func (export "select") (param i32) (result f64)
                (select (f64.const 1.5) (f64.const -2.5) (local.get 0)))
              (func (export "trap") (result i32) (unreachable)))
            """);
        Assert.Equal(1.5, m.CallF64("select", I32(9)));
        Assert.Equal(-2.5, m.CallF64("select", I32(0)));
        Assert.Equal(TrapCode.Unreachable, m.Trap("trap"));
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 0)]
    [InlineData(-1, 7)]
    [InlineData(int.MinValue, 3)]
    [InlineData(0x10000, 1)]
    public void Integer_Select_Keeps_Its_Meaning_For_Every_Kind_Of_Condition(int a, int b)
    {
        // Conditions known to be 0 or 1 (comparisons, masks with 1, bitwise ops of those, the sign bit shifted down)
        // take a shorter branch-free path than arbitrary ones; each is checked against the plain definition.
        var m = Create("""
            (module
              (func (export "any") (param i32 i32) (result i32) (select (i32.const 11) (i32.const 22) (local.get 0)))
              (func (export "lt") (param i32 i32) (result i32) (select (i32.const 11) (i32.const 22) (i32.lt_s (local.get 0) (local.get 1))))
              (func (export "eqz64") (param i32 i32) (result i64)
                (select (i64.const -5) (i64.const 0x123456789) (i64.eqz (i64.extend_i32_s (local.get 0)))))
              (func (export "and1") (param i32 i32) (result i64) (select (i64.const -1) (i64.const 2) (i32.and (local.get 0) (i32.const 1))))
              (func (export "sign") (param i32 i32) (result i32) (select (local.get 0) (local.get 1) (i32.shr_u (local.get 0) (i32.const 31))))
              (func (export "or") (param i32 i32) (result i32)
                (select (i32.const 11) (i32.const 22) (i32.or (i32.eqz (local.get 0)) (i32.gt_u (local.get 1) (i32.const 2)))))
              (func (export "and-any") (param i32 i32) (result i32)
                (select (i32.const 11) (i32.const 22) (i32.and (local.get 0) (local.get 1))))
              (func (export "neg") (param i32 i32) (result i32) (select (local.get 1) (local.get 0) (i32.lt_s (local.get 0) (i32.const 0))))
              (func (export "neg64") (param i32 i32) (result i64)
                (select (i64.const 0x1021) (i64.const -7) (i64.lt_s (i64.shl (i64.extend_i32_s (local.get 0)) (i64.const 32)) (i64.const 0))))
              (func (export "neg-f64") (param i32 i32) (result f64) (select (f64.const 1.5) (f64.const -2.5) (i32.lt_s (local.get 0) (i32.const 0))))
              (func (export "neg-kept") (param i32 i32) (result i32) (i32.lt_s (local.get 0) (i32.const 0))))
            """);
        Assert.Equal(a != 0 ? 11 : 22, m.CallI32("any", I32(a), I32(b)));
        Assert.Equal(a < b ? 11 : 22, m.CallI32("lt", I32(a), I32(b)));
        Assert.Equal(a == 0 ? -5 : 0x123456789, m.CallI64("eqz64", I32(a), I32(b)));
        Assert.Equal((a & 1) != 0 ? -1 : 2, m.CallI64("and1", I32(a), I32(b)));
        Assert.Equal(a < 0 ? a : b, m.CallI32("sign", I32(a), I32(b)));
        Assert.Equal(a == 0 || (uint)b > 2 ? 11 : 22, m.CallI32("or", I32(a), I32(b)));
        Assert.Equal((a & b) != 0 ? 11 : 22, m.CallI32("and-any", I32(a), I32(b)));
        // x < 0 right before a select becomes the select's mask (the sign bit spread); elsewhere it stays 0 or 1.
        Assert.Equal(a < 0 ? b : a, m.CallI32("neg", I32(a), I32(b)));
        Assert.Equal(a < 0 ? 0x1021 : -7, m.CallI64("neg64", I32(a), I32(b)));
        Assert.Equal(a < 0 ? 1.5 : -2.5, m.CallF64("neg-f64", I32(a), I32(b)));
        Assert.Equal(a < 0 ? 1 : 0, m.CallI32("neg-kept", I32(a), I32(b)));
    }

    [Fact]
    public void CallIndirect_Checks_Bounds_Null_And_Type()
    {
        var m = Create("""
            (module
              (type $ii (func (param i32) (result i32)))
              (table 4 funcref)
              (elem (i32.const 0) $double $square $other)
              (func $double (type $ii) (i32.mul (local.get 0) (i32.const 2)))
              (func $square (type $ii) (i32.mul (local.get 0) (local.get 0)))
              (func $other (result i64) (i64.const 1))
              (func (export "apply") (param i32 i32) (result i32)
                (call_indirect (type $ii) (local.get 1) (local.get 0))))
            """);
        Assert.Equal(14, m.CallI32("apply", I32(0), I32(7)));
        Assert.Equal(49, m.CallI32("apply", I32(1), I32(7)));
        Assert.Equal(TrapCode.IndirectCallTypeMismatch, m.Trap("apply", I32(2), I32(7)));
        Assert.Equal(TrapCode.UninitializedElement, m.Trap("apply", I32(3), I32(7)));
        Assert.Equal(TrapCode.UndefinedElement, m.Trap("apply", I32(4), I32(7)));
    }

    [Fact]
    public void Host_Imports_Are_Called_Through_Slots_With_The_Calling_Instance()
    {
        bool sawInstance = false;
        var m = Create("""
            (module
              (import "env" "add3" (func $add3 (param i32 f64) (result i32 f64)))
              (memory 1)
              (func (export "run") (result f64) (local $d f64)
                (call $add3 (i32.const 4) (f64.const 0.5))
                (local.set $d)
                (f64.convert_i32_s)
                (f64.add (local.get $d))
                (f64.add (f64.convert_i32_s (i32.load (i32.const 0))))))
            """, imports: (name, type) => (caller, slots) =>
            {
                sawInstance = caller.InstanceData is not null;
                // Grow and write memory: compiled code must see the new array after the call.
                caller.InstanceData!.Memories[0].Grow(1);
                caller.InstanceData.Memories[0].Bytes[0] = 100;
                slots[0] = (uint)((int)slots[0] + 3);
                slots[1] = BitConverter.DoubleToUInt64Bits(BitConverter.UInt64BitsToDouble(slots[1]) + 3);
            });
        Assert.Equal(7 + 3.5 + 100, m.CallF64("run"));
        Assert.True(sawInstance);
    }
}
