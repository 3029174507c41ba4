namespace Wasmbed.Tests.Interpreter;

using static TestInstance;

/// <summary>
/// The translated code of small functions, as disassembly. These pin the translator's register allocation
/// and peephole rules; when a change improves the code, review the new listing and update the expectation.
/// </summary>
public class TranslatorGoldenTests
{
    private static void AssertCode(string wat, string export, string expected)
    {
        var actual = Create(wat).Disassemble(export);
        Assert.Equal(expected.ReplaceLineEndings("\n").Trim(), actual.Trim());
    }

    [Fact]
    public void Fibonacci_FusesTheComparisonAndUsesImmediates()
    {
        AssertCode("""
            (module
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
            """, "fib", """
            function 0: params 1, locals 1, frame 4, results 1
               0: BrIfI32GeSImm $0, 2, @8
               4: Copy $1 = $0 ; Br @24
               8: I32AddImm $1 = $0, -1 ; CallInternal func 0, $1
              14: I32AddImm $2 = $0, -2 ; CallInternal func 0, $2
              20: I32Add $1 = $1, $2
              24: ReturnValue $1
            """);
    }

    [Fact]
    public void Loop_WritesResultsStraightIntoLocalsAndFusesTheLoad()
    {
        AssertCode("""
            (module
              (memory 1)
              (func (export "sum") (param $p i32) (param $n i32) (result i32) (local $s i32)
                (block $done
                  (loop $next
                    (br_if $done (i32.eqz (local.get $n)))
                    (local.set $s (i32.add (local.get $s) (i32.load (local.get $p))))
                    (local.set $p (i32.add (local.get $p) (i32.const 4)))
                    (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                    (br $next)))
                (local.get $s)))
            """, "sum", """
            function 0: params 2, locals 3, frame 5, results 1
               0: BrIfNot $1, @17
               3: I32AddLoad $2 = $2, $0, +0
               8: I32AddImm $0 = $0, 4 ; I32AddImm $1 = $1, -1
              15: Br @0
              17: ReturnValue $2
            """);
    }

    [Fact]
    public void Select_MirrorsAComparisonWithAConstantOnTheLeft()
    {
        AssertCode("""
            (module
              (func (export "select") (param i64 i64) (result i64)
                (select (local.get 0) (i64.const 5000000000) (i64.gt_s (i64.const 3) (local.get 1)))))
            """, "select", """
            function 0: params 2, locals 2, frame 6, results 1
               0: I64LtSImm $4 = $1, 3
               4: Const64 $3 = 0x12a05f200
               8: Select $2 = $0, $3, $4
              13: ReturnValue $2
            """);
    }

    [Fact]
    public void BrTable_JumpsDirectlyWhereNoValuesMove()
    {
        AssertCode("""
            (module
              (func (export "table") (param i32) (result i32)
                (block $a (block $b (br_table $a $b $a (local.get 0))) (return (i32.const 1))) (i32.const 2)))
            """, "table", """
            function 0: params 1, locals 1, frame 2, results 1
               0: BrTable $0, [@10 @6 @10]
               6: Const32 $0 = 1
               9: Return
              10: Const32 $0 = 2
              13: Return
            """);
    }

    [Fact]
    public void DeadCodeAfterBranchesIsNotTranslated()
    {
        AssertCode("""
            (module
              (func (export "dead") (param i32) (result i32)
                (block (br 0) (i32.const 1) (drop) (loop (br 0)) (unreachable))
                (return (local.get 0))
                (i32.const 7)))
            """, "dead", """
            function 0: params 1, locals 1, frame 2, results 1
               0: Br @2
               2: ReturnValue $0
            """);
    }

    [Fact]
    public void LoadFeedingAnArithmeticOperationIsFused()
    {
        AssertCode("""
            (module
              (memory 1)
              (func (export "dot") (param $a i32) (param $b i32) (result f64)
                (f64.add (f64.const 1) (f64.mul (f64.load (local.get $a)) (f64.load offset=8 (local.get $b))))))
            """, "dot", """
            function 0: params 2, locals 2, frame 5, results 1
               0: Load64 $3 = $0, +0
               4: F64MulLoad $3 = $3, $1, +8
               9: Const64 $2 = 0x3ff0000000000000
              13: F64Add $2 = $2, $3
              17: ReturnValue $2
            """);
    }

    [Fact]
    public void ZeroStoresBeforeAnyLabelToUnwrittenLocalsAreDropped()
    {
        const string Wat = """
            (module
              (func (export "count") (param $n i32) (result i32) (local $s i32) (local $i i32)
                (local.set $s (i32.const 0))
                (local.set $i (i32.const 0))
                (loop $next
                  (local.set $s (i32.add (local.get $s) (local.get $i)))
                  (local.set $i (i32.add (local.get $i) (i32.const 1)))
                  (br_if $next (i32.lt_s (local.get $i) (local.get $n))))
                (local.set $i (i32.const 0))
                (i32.add (local.get $s) (local.get $i)))
              (func (export "zeroes") (param $p i32) (result i32) (local $s i32)
                (local.set $p (i32.const 0))
                (local.set $s (i32.const 5))
                (local.set $s (i32.const 0))
                (i32.add (local.get $p) (local.get $s))))
            """;
        // Kept: the store after the loop (a label), to a parameter, and to a local written before.
        AssertCode(Wat, "count", """
            function 0: params 1, locals 3, frame 5, results 1
               0: I32Add $1 = $1, $2 ; I32AddImm $2 = $2, 1
               7: BrIfI32LtS $2, $0, @0
              11: Const32 $2 = 0
              14: I32Add $3 = $1, $2 ; ReturnValue $3
            """);
        AssertCode(Wat, "zeroes", """
            function 1: params 1, locals 2, frame 4, results 1
               0: Const32 $0 = 0
               3: Const32 $1 = 5
               6: Const32 $1 = 0
               9: I32Add $2 = $0, $1 ; ReturnValue $2
            """);
        var test = Create(Wat);
        Assert.Equal(45, test.CallI32("count", I32(10)));
        Assert.Equal(0, test.CallI32("zeroes", I32(7)));
    }
}
