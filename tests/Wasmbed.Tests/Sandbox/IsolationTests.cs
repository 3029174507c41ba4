namespace Wasmbed.Tests.Sandbox;

/// <summary>Host errors are traps of their call; instances share only what was linked; a trapped instance can be dropped.</summary>
public sealed class IsolationTests
{
    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void AThrowingHostFunctionTrapsOnlyItsCall(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine);
        var linker = new Linker(engine);
        var failure = new InvalidOperationException("sensor unplugged");
        linker.Define("host", "read", (int which) => which == 0 ? throw failure : which * 2);
        var instance = linker.Instantiate(store, SandboxHarness.Compile(engine, """
            (module (import "host" "read" (func $read (param i32) (result i32)))
              (func (export "read") (param i32) (result i32) (i32.add (call $read (local.get 0)) (i32.const 1))))
            """));
        var read = instance.GetFunction<int, int>("read");
        var trap = Assert.Throws<TrapException>(() => read(0));
        Assert.Equal(TrapCode.HostError, trap.Code);
        Assert.Same(failure, trap.InnerException);
        Assert.NotEmpty(trap.WasmBacktrace);
        Assert.Equal(7, read(3));
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void ATrappedInstanceIsDiscardedWhileTheOthersKeepWorking(string tier)
    {
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine);
        const string wat = """
            (module (memory 1) (global $g (mut i32) (i32.const 0))
              (func (export "bump") (result i32) (global.set $g (i32.add (global.get $g) (i32.const 1))) (i32.store (i32.const 0) (global.get $g)) (global.get $g))
              (func (export "crash") (unreachable)))
            """;
        var module = SandboxHarness.Compile(engine, wat);
        var hostile = new Instance(store, module);
        var other = new Instance(store, module);
        Assert.Equal(1, hostile.GetFunction<int>("bump")());
        Assert.Equal(2, hostile.GetFunction<int>("bump")());
        Assert.Equal(TrapCode.Unreachable, Assert.Throws<TrapException>(() => hostile.GetFunction("crash")!.Invoke()).Code);
        hostile.Dispose();
        Assert.Throws<ObjectDisposedException>(() => hostile.GetFunction("bump"));
        // Nothing was shared: the other instance has its own global and memory.
        Assert.Equal(1, other.GetFunction<int>("bump")());
        Assert.Equal(1, new Instance(store, module).GetFunction<int>("bump")());
    }
}
