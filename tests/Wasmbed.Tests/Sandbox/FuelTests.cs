using Wasmbed.Runtime;

namespace Wasmbed.Tests.Sandbox;

/// <summary>Fuel: the cost model of docs/sandbox.md, exhaustion, resumption, and equal consumption on every tier.</summary>
public sealed class FuelTests
{
    private static (Store Store, Instance Instance) Load(string tier, string wat, ulong fuel)
    {
        var engine = new Engine(SandboxHarness.Options(tier, fuel: true));
        var store = new Store(engine) { };
        store.Fuel = fuel;
        return (store, new Instance(store, SandboxHarness.Compile(engine, wat)));
    }

    private static ulong FuelUsed(Store store, Action call)
    {
        ulong before = store.Fuel;
        call();
        return before - store.Fuel;
    }

    // fac: per level [local.get, i64.eqz, if] + [local.get, local.get, i64.const, i64.sub, call, i64.mul] = 9,
    // and the base case [local.get, i64.eqz, if] + [i64.const] = 4. fib: [i32.const, local.set] = 2, per
    // iteration [local.get, i32.eqz, br_if] + 13 = 16, then the last test (3) and the result (1).
    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void TheSameCallsConsumeTheDocumentedFuelOnEveryTier(string tier)
    {
        var (store, instance) = Load(tier, SandboxHarness.Fac, 1_000_000);
        var fac = instance.GetFunction<long, long>("fac");
        Assert.Equal(4UL, FuelUsed(store, () => Assert.Equal(1L, fac(0))));
        Assert.Equal(9UL * 20 + 4, FuelUsed(store, () => Assert.Equal(2432902008176640000L, fac(20))));

        (store, instance) = Load(tier, SandboxHarness.Fib, 1_000_000);
        var fib = instance.GetFunction<int, int>("fib");
        Assert.Equal(16UL * 10 + 6, FuelUsed(store, () => Assert.Equal(55, fib(10))));
        Assert.Equal(6UL, FuelUsed(store, () => Assert.Equal(0, fib(0))));
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void RunningOutTrapsAndLeavesWhatWasNotEnoughForTheNextSegment(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var (store, instance) = Load(tier, SandboxHarness.Fib, 100);
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction<int, int>("fib")(1000));
        Assert.Equal(TrapCode.OutOfFuel, trap.Code);
        // 2 + 16 * 6 = 98 consumed; the next segment (3) does not fit in the 2 left, and a failed charge takes nothing.
        Assert.Equal(2UL, store.Fuel);
        store.AddFuel(1000);
        Assert.Equal(55, instance.GetFunction<int, int>("fib")(10));
        neighbour.AssertAnswers();
    }

    [Fact]
    public void AnInfiniteLoopRunsOutOfFuel()
    {
        var (store, instance) = Load("interpreter", """(module (func (export "spin") (loop $l (br $l))))""", 1_000_000);
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction("spin")!.Invoke());
        Assert.Equal(TrapCode.OutOfFuel, trap.Code);
        Assert.True(store.Fuel < 2);
    }

    [Fact]
    public void AResumedCallContinuesWhereItStoppedAndConsumesTheSameFuelInTotal()
    {
        var (store, instance) = Load("interpreter", SandboxHarness.Fac, 1_000_000);
        var fac = instance.GetFunction("fac")!;
        ulong whole = FuelUsed(store, () => fac.Invoke(Value.I64(20)));

        store.Fuel = 10;
        var call = fac.InvokeResumable(Value.I64(20));
        int stops = 0;
        ulong given = 10, leftOver = 0;
        while (!call.IsCompleted)
        {
            Assert.Equal(TrapCode.OutOfFuel, call.OutOfFuelTrap!.Code);
            Assert.NotEmpty(call.OutOfFuelTrap.WasmBacktrace);
            Assert.True(store.Fuel < 9, "stopped with enough fuel for any segment of fac");
            leftOver += store.Fuel;
            // Other calls can run on the store while this one waits.
            store.Fuel = 1000;
            Assert.Equal(120L, fac.Invoke(Value.I64(5))[0].AsInt64());
            store.Fuel = 7;
            given += 7;
            stops++;
            call.Resume();
        }
        Assert.Equal(2432902008176640000L, call.Results[0].AsInt64());
        Assert.True(stops > 5, $"only {stops} stops");
        Assert.Equal(whole, given - leftOver - store.Fuel);
        Assert.Throws<InvalidOperationException>(call.Resume);
    }

    [Fact]
    public void AResumableCallThatCompletesAtOnceHasItsResults()
    {
        var (_, instance) = Load("interpreter", SandboxHarness.Fib, 1_000_000);
        var call = instance.GetFunction("fib")!.InvokeResumable(Value.I32(30));
        Assert.True(call.IsCompleted);
        Assert.Equal(832040, call.Results[0].AsInt32());
    }

    [Fact]
    public void RunningOutInsideAHostCallbackIsNotResumable()
    {
        var engine = new Engine(new EngineOptions { ConsumeFuel = true });
        var store = new Store(engine) { Fuel = 1_000 };
        var linker = new Linker(engine);
        Instance? instance = null;
        linker.Define("host", "reenter", () => { instance!.GetFunction("spin")!.Invoke(); });
        instance = linker.Instantiate(store, SandboxHarness.Compile(engine, """
            (module (import "host" "reenter" (func $reenter))
              (func (export "spin") (loop $l (br $l)))
              (func (export "outer") (call $reenter)))
            """));
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction("outer")!.InvokeResumable());
        Assert.Equal(TrapCode.OutOfFuel, trap.Code);
    }

    [Fact]
    public void BulkInstructionsAreChargedByTheirSize()
    {
        var (store, instance) = Load("interpreter", """
            (module (memory (export "memory") 2)
              (func (export "fill") (param i32) (memory.fill (i32.const 0) (i32.const 7) (local.get 0)))
              (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """, 1_000_000);
        var fill = instance.GetFunction("fill")!;
        // local.get + 2 consts + memory.fill = 4 static; 64 KiB / 64 = 1024 dynamic.
        Assert.Equal(4UL, FuelUsed(store, () => fill.Invoke(Value.I32(0))));
        Assert.Equal(4UL + 1024, FuelUsed(store, () => fill.Invoke(Value.I32(65536))));
        Assert.Equal(2UL + 3 * 1024, FuelUsed(store, () => instance.GetFunction("grow")!.Invoke(Value.I32(3))));

        store.Fuel = 100;
        var trap = Assert.Throws<TrapException>(() => fill.Invoke(Value.I32(65536)));
        Assert.Equal(TrapCode.OutOfFuel, trap.Code);
        // The segment's static charge was taken, the fill's own charge was not, and nothing was filled.
        Assert.Equal(96UL, store.Fuel);
    }

    [Fact]
    public void FuelIsOnlyAvailableWhenTheEngineConsumesIt()
    {
        var store = new Store(new Engine());
        Assert.Throws<InvalidOperationException>(() => store.Fuel);
        Assert.Throws<InvalidOperationException>(() => store.AddFuel(1));
        var fuelled = new Store(new Engine(new EngineOptions { ConsumeFuel = true }));
        Assert.Equal(0UL, fuelled.GetFuel());
        fuelled.AddFuel(ulong.MaxValue);
        fuelled.AddFuel(5);
        Assert.Equal((ulong)long.MaxValue, fuelled.Fuel);
    }

    [Fact]
    public void CodeWithoutFuelHasNoCharges()
    {
        const string wat = """(module (func (export "f") (param i32) (result i32) (loop $l (br_if $l (local.get 0))) (local.get 0)))""";
        string Listing(EngineOptions options)
        {
            using var engine = new Engine(options);
            using var module = SandboxHarness.Compile(engine, wat);
            return Wasmbed.Interpreter.Disassembler.Disassemble(Wasmbed.Interpreter.Translator.GetOrTranslate(module, 0));
        }
        Assert.DoesNotContain("Fuel", Listing(new EngineOptions()));
        Assert.DoesNotContain("CheckInterrupt", Listing(new EngineOptions()));
        Assert.Contains("Fuel", Listing(new EngineOptions { ConsumeFuel = true }));
        Assert.Contains("CheckInterrupt", Listing(new EngineOptions { Interruptible = true }));
    }

    [Fact]
    public void ThePlanSkipsDeadCodeAndZeroCostSegments()
    {
        using var engine = new Engine();
        using var module = SandboxHarness.Compile(engine, """
            (module (func (param i32) (result i32)
              (block (br_if 0 (local.get 0)) (br 0) (drop (i32.const 1)) (drop (i32.const 2)))
              (i32.const 3)))
            """);
        var plan = FuelPlan.Compute(module.Description, 0);
        // [block, local.get, br_if] = 2, then [br] = 1 (the drops after it are dead), then [i32.const, end] = 1.
        Assert.Equal([2, 1, 1], plan.Costs);
    }
}
