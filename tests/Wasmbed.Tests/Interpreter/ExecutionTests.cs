namespace Wasmbed.Tests.Interpreter;

using static TestInstance;

public class ExecutionTests
{
    [Fact]
    public void RecursiveFibonacci()
    {
        var test = Create("""
            (module
              (func $fib (export "fib") (param i32) (result i32)
                (if (result i32) (i32.lt_s (local.get 0) (i32.const 2))
                  (then (local.get 0))
                  (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                                 (call $fib (i32.sub (local.get 0) (i32.const 2))))))))
            """);
        Assert.Equal(55, test.CallI32("fib", I32(10)));
        Assert.Equal(6765, test.CallI32("fib", I32(20)));
    }
}
