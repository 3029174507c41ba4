using Wasmbed.Interpreter;
using Wasmbed.Runtime;

namespace Wasmbed.Tests.Interpreter;

using static TestInstance;

public class TrapTests
{
    private static TrapException Trap(TestInstance test, string name, params ulong[] arguments) =>
        Assert.Throws<TrapException>(() => test.Call(name, arguments));

    [Fact]
    public void ArithmeticTraps()
    {
        var test = Create("""
            (module
              (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1)))
              (func (export "trunc") (param f64) (result i32) (i32.trunc_f64_s (local.get 0)))
              (func (export "unreachable") (unreachable)))
            """);
        Assert.Equal(TrapCode.IntegerDivideByZero, Trap(test, "div", I32(1), I32(0)).Code);
        Assert.Equal(TrapCode.IntegerOverflow, Trap(test, "div", I32(int.MinValue), I32(-1)).Code);
        Assert.Equal(TrapCode.InvalidConversionToInteger, Trap(test, "trunc", F64(double.NaN)).Code);
        Assert.Equal(TrapCode.IntegerOverflow, Trap(test, "trunc", F64(1e10)).Code);
        Assert.Equal(TrapCode.Unreachable, Trap(test, "unreachable").Code);
    }

    [Theory]
    [InlineData(65532, false)]
    [InlineData(65533, true)]
    [InlineData(-1, true)]
    public void MemoryAccessIsBoundsChecked(int address, bool traps)
    {
        var test = Create("""
            (module
              (memory 1)
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
              (func (export "store") (param i32) (i32.store offset=0 (local.get 0) (i32.const 1))))
            """);
        if (traps)
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Trap(test, "load", I32(address)).Code);
            Assert.Equal(TrapCode.MemoryOutOfBounds, Trap(test, "store", I32(address)).Code);
        }
        else
        {
            test.Call("store", I32(address));
            Assert.Equal(1, test.CallI32("load", I32(address)));
        }
    }

    [Fact]
    public void FusedLoadOperandsAreBoundsChecked()
    {
        var test = Create("""
            (module
              (memory 1)
              (func (export "add") (param i32) (result i64) (i64.add (i64.const 1) (i64.load (local.get 0)))))
            """);
        Assert.Equal(1L, test.CallI64("add", I32(65528)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, Trap(test, "add", I32(65529)).Code);
    }

    [Fact]
    public void OffsetsDoNotWrapAround()
    {
        var test = Create("""
            (module
              (memory 1)
              (func (export "load") (param i32) (result i32) (i32.load offset=4294967295 (local.get 0))))
            """);
        Assert.Equal(TrapCode.MemoryOutOfBounds, Trap(test, "load", I32(1)).Code);
    }

    [Fact]
    public void RunawayRecursionTrapsAndTheStoreStaysUsable()
    {
        var test = Create("""
            (module
              (func $down (export "down") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1)))))))
              (func $runaway (export "runaway") (call $runaway)))
            """, new StoreLimits { MaxCallDepth = 1000 });
        var trap = Trap(test, "runaway");
        Assert.Equal(TrapCode.CallStackExhausted, trap.Code);
        Assert.Equal(1000, trap.WasmBacktrace.Count);
        Assert.Equal(999, test.CallI32("down", I32(999)));
        Assert.Equal(TrapCode.CallStackExhausted, Trap(test, "down", I32(1000)).Code);
    }

    [Fact]
    public void ValueStackLimitTraps()
    {
        var test = Create("""
            (module
              (func $deep (export "deep") (param i64 i64 i64 i64) (result i64)
                (call $deep (local.get 0) (local.get 1) (local.get 2) (local.get 3))))
            """, new StoreLimits { MaxValueStackSlots = 10_000 });
        Assert.Equal(TrapCode.CallStackExhausted, Trap(test, "deep", 1, 2, 3, 4).Code);
    }

    [Fact]
    public void DeepRecursionDoesNotUseTheHostStack()
    {
        // 200,000 nested wasm calls would overflow the .NET stack if calls recursed on it.
        var test = Create("""
            (module
              (func $down (export "down") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0))
                  (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $down (i32.sub (local.get 0) (i32.const 1))))))))
            """, new StoreLimits { MaxCallDepth = 300_000 });
        Assert.Equal(200_000, test.CallI32("down", I32(200_000)));
    }

    [Fact]
    public void BacktraceListsFramesInnermostFirstWithNames()
    {
        var test = Create("""
            (module
              (func $inner (unreachable))
              (func $middle (call $inner))
              (func (export "outer") (call $middle)))
            """);
        var trap = Trap(test, "outer");
        Assert.Equal(TrapCode.Unreachable, trap.Code);
        Assert.Equal([0, 1, 2], trap.WasmBacktrace.Select(f => f.FunctionIndex));
        Assert.Equal("inner", trap.WasmBacktrace[0].FunctionName);
        Assert.Equal("middle", trap.WasmBacktrace[1].FunctionName);
        Assert.All(trap.WasmBacktrace, f => Assert.Equal("test", f.ModuleName));
    }

    [Fact]
    public void HostFunctionsAreCalledAndMayReenter()
    {
        TestInstance? test = null;
        test = Create("""
            (module
              (import "host" "twice" (func $twice (param i32) (result i32)))
              (func (export "square") (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
              (func (export "run") (param i32) (result i32) (i32.add (call $twice (local.get 0)) (i32.const 1))))
            """, imports: (name, type) => (caller, slots) =>
            {
                // Re-enter: twice(x) = square(x) + square(x), computed by calling back into wasm.
                var square = test!.Export("square");
                ulong[] inner = [slots[0]];
                Executor.Invoke(caller.Store, square, inner);
                slots[0] = (uint)((int)inner[0] * 2);
            });
        Assert.Equal(2 * 49 + 1, test.CallI32("run", I32(7)));
    }

    [Fact]
    public void HostExceptionsBecomeHostErrorTraps()
    {
        var test = Create("""
            (module
              (import "host" "fail" (func $fail))
              (func (export "run") (call $fail)))
            """, imports: (name, type) => (caller, slots) => throw new InvalidOperationException("boom"));
        var trap = Trap(test, "run");
        Assert.Equal(TrapCode.HostError, trap.Code);
        Assert.IsType<InvalidOperationException>(trap.InnerException);
        Assert.Equal("run", test.Module.Description.Exports[0].Name);
        Assert.Single(trap.WasmBacktrace);
    }

    [Fact]
    public void UnboundedHostReentrancyTrapsInsteadOfOverflowingTheStack()
    {
        TestInstance? test = null;
        test = Create("""
            (module
              (import "host" "again" (func $again))
              (func (export "run") (call $again)))
            """, imports: (name, type) => (caller, slots) => Executor.Invoke(caller.Store, test!.Export("run"), slots));
        Assert.Equal(TrapCode.CallStackExhausted, Trap(test, "run").Code);
        Assert.Equal(0, InterpreterStackDepth(test));
    }

    private static int InterpreterStackDepth(TestInstance test) =>
        ((InterpreterStack)test.Store.InterpreterState!).Depth + 1;
}
