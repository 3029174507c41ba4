using Wasmbed.Compiler;
using Wasmbed.Compiler.Runtime;
using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

/// <summary>The sandbox guarantees on the compiler tier: no access outside linear memory, no host stack overflow.</summary>
public class CompiledSandboxTests
{
    private const string MemoryModule = """
        (module
          (memory 1 3)
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
          (func (export "load-offset") (param i32) (result i64) (i64.load offset=65520 (local.get 0)))
          (func (export "store") (param i32 i32) (i32.store8 (local.get 0) (local.get 1)))
          (func (export "v128-load") (param i32) (result i32) (i32x4.extract_lane 3 (v128.load (local.get 0))))
          (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
          (func (export "size") (result i32) (memory.size)))
        """;

    [Theory]
    [InlineData(65533)]
    [InlineData(65536)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    public void OutOfBounds_Loads_Trap(int address)
    {
        var m = Create(MemoryModule);
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("load", I32(address)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("v128-load", I32(address)));
    }

    [Fact]
    public void Accesses_At_The_Edge_Succeed_And_Offsets_Count()
    {
        var m = Create(MemoryModule);
        m.Call("store", I32(65535), I32(0x1FF));
        Assert.Equal(0xFF, m.Memory[65535]);
        Assert.Equal(unchecked((int)0xFF000000), m.CallI32("load", I32(65532)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("store", I32(65536), I32(1)));
        Assert.Equal(unchecked((long)0xFF00000000000000), m.CallI64("load-offset", I32(8)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("load-offset", I32(9)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("load-offset", I32(-8)));
    }

    [Fact]
    public void Grown_Memory_Is_Seen_And_Limits_Hold()
    {
        var m = Create(MemoryModule);
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("store", I32(70000), I32(5)));
        Assert.Equal(1, m.CallI32("grow", I32(1)));
        Assert.Equal(2, m.CallI32("size"));
        m.Call("store", I32(70000), I32(5));
        Assert.Equal(5, m.Memory[70000]);
        Assert.Equal(-1, m.CallI32("grow", I32(2)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("load", I32(2 * 65536 - 3)));
    }

    private const string RecursionModule = """
        (module
          (func $down (export "down") (param i64) (result i64)
            (if (result i64) (i64.eqz (local.get 0))
              (then (i64.const 0))
              (else (i64.add (i64.const 1) (call $down (i64.sub (local.get 0) (i64.const 1)))))))
          (func $forever (export "forever") (call $forever))
          (func $wide (export "wide") (param i32) (result i32)
            (local i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64 i64)
            (local v128 v128 v128 v128 v128 v128 v128 v128)
            (call $wide (local.get 0))))
        """;

    [Fact]
    public void Infinite_Recursion_Traps_And_The_Host_Continues()
    {
        var m = Create(RecursionModule);
        Assert.Equal(TrapCode.CallStackExhausted, m.Trap("forever"));
        Assert.Equal(TrapCode.CallStackExhausted, m.Trap("wide", I32(0)));
        Assert.Equal(1000, m.CallI64("down", I64(1000)));
    }

    [Fact]
    public void Infinite_Recursion_Traps_On_A_Small_Thread_Stack()
    {
        // Far less stack than the call depth limit needs: the stack guard, not the depth counter, must stop it.
        TrapCode? code = null;
        long after = 0;
        OnThreadWithStack(256 * 1024, () =>
        {
            var m = Create(RecursionModule, new StoreLimits { MaxCallDepth = 10_000_000 });
            code = Assert.Throws<TrapException>(() => m.Call("forever")).Code;
            after = m.CallI64("down", I64(100));
        });
        Assert.Equal(TrapCode.CallStackExhausted, code);
        Assert.Equal(100, after);
    }

    [Theory]
    [InlineData("small", 256 * 1024)]
    [InlineData("small", 1024 * 1024)]
    [InlineData("count", 256 * 1024)]
    [InlineData("count", 1024 * 1024)]
    public void Recursion_Through_Small_And_Large_Frames_Traps_On_A_Small_Thread_Stack(string entry, int stackSize)
    {
        // Small functions probe the stack only every few levels of depth, large ones on every entry: a cycle of large
        // frames (24 KiB of locals) each followed by fifteen small ones, ending in a large leaf (32 KiB of locals), is
        // the shape that leaves least room between probes; "count" recurses through small frames alone down to a leaf
        // of about 10 KiB, which never probes. Either must trap, never overflow the stack.
        string callerLocals = string.Concat(Enumerable.Repeat(" i64", 3000));
        string leafLocals = string.Concat(Enumerable.Repeat(" i64", 4000));
        string mediumLocals = string.Concat(Enumerable.Repeat(" i64", 600));
        string wat = $$"""
            (module
              (func $small (export "small") (param i32) (result i64)
                (if (result i64) (i32.eqz (local.get 0))
                  (then (call $leaf (local.get 0)))
                  (else (if (result i64) (i32.eqz (i32.and (local.get 0) (i32.const 15)))
                    (then (call $large (i32.sub (local.get 0) (i32.const 1))))
                    (else (i64.add (i64.const 1) (call $small (i32.sub (local.get 0) (i32.const 1)))))))))
              (func $large (param i32) (result i64) (local {{callerLocals}})
                (local.set 2999 (i64.const 1))
                (i64.add (local.get 2999) (call $small (local.get 0))))
              (func $leaf (param i32) (result i64) (local {{leafLocals}})
                (local.set 3999 (i64.extend_i32_u (local.get 0)))
                (local.get 3999))
              (func $medium (param i32) (result i64) (local {{mediumLocals}})
                (local.set 599 (i64.extend_i32_u (local.get 0)))
                (local.get 599))
              (func $count (export "count") (param i32) (result i64)
                (if (result i64) (i32.eqz (local.get 0))
                  (then (call $medium (local.get 0)))
                  (else (i64.add (i64.const 1) (call $count (i32.sub (local.get 0) (i32.const 1))))))))
            """;
        TrapCode? code = null;
        long after = 0;
        OnThreadWithStack(stackSize, () =>
        {
            var m = Create(wat, new StoreLimits { MaxCallDepth = 10_000_000 });
            code = Assert.Throws<TrapException>(() => m.Call(entry, I32(5_000_000))).Code;
            after = m.CallI64(entry, I32(40));
        });
        Assert.Equal(TrapCode.CallStackExhausted, code);
        Assert.Equal(40, after);
    }

    [Fact]
    public void Stack_Guard_Budget_Leaves_Room_For_Traps_Below_Unprobed_Frames()
    {
        // The argument in CompilerStoreState's remarks, in numbers: what may follow the last probe without probing
        // fits in the reserve of large functions, and at least 48 KiB (what every frame had before probes were
        // sampled) remain below it, whether that probe was a small function's or a large one's.
        const int guaranteed = 128 * 1024 - CompilerStoreState.LimitDistance;
        int unprobed = (CompilerStoreState.ProbeInterval - 1) * CompilerStoreState.SmallFrameBytes + CompilerStoreState.SmallLeafFrameBytes;
        Assert.True(CompilerStoreState.SampledReserve >= unprobed);
        Assert.True(guaranteed - unprobed >= 48 * 1024);
        Assert.True(guaranteed + CompilerStoreState.SampledReserve - FunctionCompiler.MaxFrameBytes - unprobed >= 48 * 1024);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(100)]
    public void Call_Depth_Limit_Is_Exact(int limit)
    {
        // "down" is small and calls: its prologue checks the depth only when it is a multiple of 16 (with the sampled
        // stack probe), which must still stop it at exactly the limit.
        var m = Create(RecursionModule, new StoreLimits { MaxCallDepth = limit });
        Assert.Equal(limit - 1, m.CallI64("down", I64(limit - 1)));
        Assert.Equal(TrapCode.CallStackExhausted, m.Trap("down", I64(limit)));
        Assert.Equal(limit - 1, m.CallI64("down", I64(limit - 1)));
    }

    [Fact]
    public void Functions_With_Huge_Frames_Run_In_The_Interpreter()
    {
        // 5000 i64 locals would take 40 KB of .NET stack per frame: too much for the stack guard's margin.
        string locals = string.Concat(Enumerable.Repeat(" i64", 5000));
        var m = Create($$"""
            (module
              (func $big (export "big") (param i32) (result i64) (local {{locals}})
                (local.set 4999 (i64.extend_i32_u (local.get 0)))
                (if (result i64) (i32.eqz (local.get 0))
                  (then (i64.const 0))
                  (else (i64.add (local.get 4999) (call $big (i32.sub (local.get 0) (i32.const 1)))))))
              (func (export "call-big") (param i32) (result i64) (call $big (local.get 0))))
            """);
        Assert.Equal(5050, m.CallI64("big", I32(100)));
        Assert.Equal(5050, m.CallI64("call-big", I32(100)));
        Assert.Equal(TrapCode.CallStackExhausted, m.Trap("call-big", I32(1_000_000)));
        Assert.Equal(55, m.CallI64("call-big", I32(10)));
    }
}
