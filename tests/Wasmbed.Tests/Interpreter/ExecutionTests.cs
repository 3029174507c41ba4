using Wasmbed.Runtime;

namespace Wasmbed.Tests.Interpreter;

using static TestInstance;

public class ExecutionTests
{
    private const string Fibonacci = """
        (module
          (func $fib (export "fib") (param i32) (result i32)
            (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
              (then (local.get 0))
              (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                             (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
        """;

    [Fact]
    public void RecursiveFibonacci()
    {
        var test = Create(Fibonacci);
        Assert.Equal(55, test.CallI32("fib", I32(10)));
        Assert.Equal(6765, test.CallI32("fib", I32(20)));
    }

    [Fact]
    public void EagerTranslationGivesTheSameResults()
    {
        var test = Create(Fibonacci, options: new EngineOptions { Translation = TranslationMode.Eager });
        Assert.NotNull(test.Module.Translations[0]);
        Assert.Equal(6765, test.CallI32("fib", I32(20)));
    }

    [Fact]
    public void LoopWithLocalsAndMemory()
    {
        // Sums the bytes 0..n-1 stored at addresses 0..n-1.
        var test = Create("""
            (module
              (memory 1)
              (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
                (block $done
                  (loop $fill
                    (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
                    (i32.store8 (local.get $i) (local.get $i))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $fill)))
                (local.set $i (i32.const 0))
                (block $done
                  (loop $sum
                    (br_if $done (i32.eq (local.get $i) (local.get $n)))
                    (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $i))))
                    (local.set $i (i32.add (local.get $i) (i32.const 1)))
                    (br $sum)))
                (local.get $sum)))
            """);
        Assert.Equal(Enumerable.Range(0, 200).Sum(i => i & 0xFF), test.CallI32("run", I32(200)));
    }

    [Fact]
    public void LocalGetSurvivesALaterLocalSet()
    {
        // The deferred read of $x must see the value before the set (spec: operands are values, not references).
        var test = Create("""
            (module
              (func (export "run") (param $x i32) (result i32)
                (local.get $x)
                (local.set $x (i32.const 100))
                (local.get $x)
                (i32.sub)))
            """);
        Assert.Equal(7 - 100, test.CallI32("run", I32(7)));
    }

    [Fact]
    public void LocalTeeAndSwapThroughTheStack()
    {
        var test = Create("""
            (module
              (func (export "swap") (param $a i32) (param $b i32) (result i32 i32)
                (local.get $b)
                (local.get $a)
                (local.set $b)
                (local.set $a)
                (local.get $a)
                (local.get $b))
              (func (export "tee") (param $a i32) (result i32)
                (i32.mul (local.tee $a (i32.add (local.get $a) (i32.const 1))) (local.get $a))))
            """);
        Assert.Equal([2UL, 1UL], test.Call("swap", I32(1), I32(2)));
        Assert.Equal(36, test.CallI32("tee", I32(5)));
    }

    [Fact]
    public void MultiValueBlocksAndReturns()
    {
        var test = Create("""
            (module
              (func $pair (param i64) (result i64 i64) (local.get 0) (i64.mul (local.get 0) (local.get 0)))
              (func (export "run") (param i64) (result i64 i64 i64)
                (i64.const 1)
                (block (param i64) (result i64 i64) (call $pair (local.get 0)) (drop))
                (call $pair (local.get 0))
                (drop))
              (func (export "loop") (result i32)
                (local $n i32)
                (i32.const 0)
                (loop $l (param i32) (result i32)
                  (i32.add (local.get $n))
                  (local.set $n (i32.add (local.get $n) (i32.const 1)))
                  (br_if $l (i32.lt_u (local.get $n) (i32.const 5))))))
            """);
        Assert.Equal([1UL, 7UL, 7UL], test.Call("run", I64(7)));
        Assert.Equal(0 + 1 + 2 + 3 + 4, test.CallI32("loop"));
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(1, 101)]
    [InlineData(2, 102)]
    [InlineData(3, 103)]
    [InlineData(-1, 103)]
    [InlineData(1000, 103)]
    public void BrTableWithValues(int index, int expected)
    {
        var test = Create("""
            (module
              (func (export "run") (param i32) (result i32)
                (block $d (result i32)
                  (block $c (result i32)
                    (block $b (result i32)
                      (block $a (result i32)
                        (i32.const 100)
                        (local.get 0)
                        (br_table $a $b $c $d))
                      (return))
                    (i32.const 1) (i32.add) (return))
                  (i32.const 2) (i32.add) (return))
                (i32.const 3) (i32.add)))
            """);
        Assert.Equal(expected, test.CallI32("run", I32(index)));
    }

    [Fact]
    public void Regression_BrTableWithManyRepeatedTargetsThatMoveValues()
    {
        // 100,000 arms to two labels that both need their value moved: one stub per label, linear time.
        string targets = string.Concat(Enumerable.Repeat("$a $b ", 50_000));
        var test = Create($$"""
            (module
              (func (export "run") (param i32) (result i32)
                (block $b (result i32)
                  (block $a (result i32)
                    (i32.const 5)
                    (i32.const 7)
                    (local.get 0)
                    (br_table {{targets}} $b)
                    (drop))
                  (i32.const 100)
                  (i32.add)
                  (return))
                (i32.const 200)
                (i32.add)))
            """);
        Assert.Equal(107, test.CallI32("run", I32(0)));
        Assert.Equal(207, test.CallI32("run", I32(99_999)));
        Assert.Equal(207, test.CallI32("run", I32(100_000)));
    }

    [Fact]
    public void BranchOutOfNestedBlocksCarriesValues()
    {
        var test = Create("""
            (module
              (func (export "run") (param i32) (result i32)
                (block $out (result i32)
                  (i32.const 1)
                  (block (result i32)
                    (i32.const 2)
                    (local.get 0)
                    (br_if $out)
                    (drop)
                    (i32.const 3))
                  (i32.add))))
            """);
        Assert.Equal(2, test.CallI32("run", I32(5)));   // taken: the block's value is the 2 below the condition
        Assert.Equal(4, test.CallI32("run", I32(0)));   // not taken: 1 + 3
    }

    [Fact]
    public void IfElseWithParameters()
    {
        var test = Create("""
            (module
              (func (export "run") (param i32 i32) (result i32)
                (local.get 1)
                (local.get 0)
                (if (param i32) (result i32)
                  (then (i32.const 10) (i32.mul))
                  (else (i32.const -10) (i32.mul)))))
            """);
        Assert.Equal(70, test.CallI32("run", I32(1), I32(7)));
        Assert.Equal(-70, test.CallI32("run", I32(0), I32(7)));
    }

    [Fact]
    public void CallIndirectChecksTypesAndElements()
    {
        var test = Create("""
            (module
              (type $i2i (func (param i32) (result i32)))
              (table 3 funcref)
              (elem (i32.const 0) $double $nothing)
              (func $double (type $i2i) (i32.mul (local.get 0) (i32.const 2)))
              (func $nothing)
              (func (export "call") (param i32 i32) (result i32)
                (call_indirect (type $i2i) (local.get 0) (local.get 1))))
            """);
        Assert.Equal(42, test.CallI32("call", I32(21), I32(0)));
        Assert.Equal(TrapCode.IndirectCallTypeMismatch, Assert.Throws<TrapException>(() => test.Call("call", I32(1), I32(1))).Code);
        Assert.Equal(TrapCode.UninitializedElement, Assert.Throws<TrapException>(() => test.Call("call", I32(1), I32(2))).Code);
        Assert.Equal(TrapCode.UndefinedElement, Assert.Throws<TrapException>(() => test.Call("call", I32(1), I32(3))).Code);
    }

    [Fact]
    public void SimdArithmeticAndLanes()
    {
        var test = Create("""
            (module
              (memory 1)
              (func (export "run") (result i32)
                (v128.store (i32.const 16) (i32x4.add (v128.const i32x4 1 2 3 4) (i32x4.splat (i32.const 10))))
                (i32x4.extract_lane 3 (v128.load (i32.const 16))))
              (func (export "sum") (param v128) (result i64)
                (i64.add (i64x2.extract_lane 0 (local.get 0)) (i64x2.extract_lane 1 (local.get 0)))))
            """);
        Assert.Equal(14, test.CallI32("run"));
        Assert.Equal(5L, test.CallI64("sum", 2, 3));
    }
}
