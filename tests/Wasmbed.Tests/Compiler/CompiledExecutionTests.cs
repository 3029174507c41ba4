using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

public class CompiledExecutionTests
{
    [Fact]
    public void Factorial_Recursive_And_Iterative()
    {
        var m = Create("""
            (module
              (func $fac (export "fac") (param i64) (result i64)
                (if (result i64) (i64.eqz (local.get 0))
                  (then (i64.const 1))
                  (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1)))))))
              (func (export "fac-iter") (param i64) (result i64) (local i64)
                (local.set 1 (i64.const 1))
                (block $done
                  (loop $next
                    (br_if $done (i64.eqz (local.get 0)))
                    (local.set 1 (i64.mul (local.get 0) (local.get 1)))
                    (local.set 0 (i64.sub (local.get 0) (i64.const 1)))
                    (br $next)))
                (local.get 1)))
            """);
        Assert.Equal(3628800, m.CallI64("fac", I64(10)));
        Assert.Equal(2432902008176640000, m.CallI64("fac-iter", I64(20)));
    }

    /// <summary>
    /// Calls to helpers (f64.min, i64.rem_s) are emitted by cached token, which leaves the IL generator's stack count
    /// above the true depth (TokenCachingILGenerator): with hundreds of them, past the point where that stops, and 200
    /// operands on the stack at once, the method must still be valid and compute the interpreter's results.
    /// </summary>
    [Fact]
    public void Long_Chains_Of_Helper_Calls_Over_A_Deep_Operand_Stack()
    {
        const int depth = 200;
        var pushes = string.Concat(Enumerable.Range(0, depth).Select(i => $"(f64.add (local.get 0) (f64.const {i}))\n"));
        var minimums = string.Concat(Enumerable.Repeat("f64.min\n", depth - 1));
        var remainders = string.Concat(Enumerable.Range(0, depth).Select(i => $"(local.set 1 (i64.add (i64.rem_s (local.get 1) (i64.const {i + 7})) (local.get 1)))\n"));
        var wat = $$"""
            (module
              (func (export "min") (param f64) (result f64) {{pushes}} {{minimums}})
              (func (export "rem") (param i64) (result i64) (local i64) (local.set 1 (local.get 0)) {{remainders}} (local.get 1)))
            """;
        var compiled = Create(wat);
        Assert.Equal(-2.5, compiled.CallF64("min", F64(-2.5)));
        long expected = 123456789;
        for (int i = 0; i < depth; i++) expected = expected % (i + 7) + expected;
        Assert.Equal(expected, compiled.CallI64("rem", I64(123456789)));
    }

    [Fact]
    public void Fib_Recursion()
    {
        var m = Create("""
            (module
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
            """);
        Assert.Equal(6765, m.CallI32("fib", I32(20)));
    }

    [Fact]
    public void Traps_Carry_A_WebAssembly_Backtrace()
    {
        var m = Create("""
            (module
              (memory 1)
              (func $inner (param i32) (result i32) (i32.load (local.get 0)))
              (func $middle (param i32) (result i32) (call $inner (local.get 0)))
              (func $outer (export "outer") (param i32) (result i32) (call $middle (local.get 0))))
            """);
        var trap = Assert.Throws<TrapException>(() => m.Call("outer", I32(-1)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
        // Small functions may be inlined by the JIT (here all three are), so only the order of the frames that remain,
        // and the outermost one, are certain.
        var names = trap.WasmBacktrace.Select(f => f.FunctionName).ToList();
        Assert.NotEmpty(names);
        Assert.Equal("test", trap.WasmBacktrace[0].ModuleName);
        var expected = new string?[] { "inner", "middle", "outer" }.Where(names.Contains).ToList();
        Assert.Equal(expected, names.Where(n => n is "inner" or "middle" or "outer").ToList());
        Assert.Equal("outer", names[^1]);
    }

    [Fact]
    public void Compiled_Code_Is_Collected_With_Its_Module()
    {
        var code = CompileAndForget();
        for (int i = 0; i < 20 && code.IsAlive; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        Assert.False(code.IsAlive);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static WeakReference CompileAndForget()
    {
        var m = Create("(module (func (export \"f\") (result i32) (i32.const 7)))");
        Assert.Equal(7, m.CallI32("f"));
        var type = m.Instance.CompiledState!.GetType();
        Assert.True(type.Assembly.IsCollectible);
        return new WeakReference(type);
    }
}
