using System.Diagnostics;

namespace Wasmbed.Tests.Sandbox;

/// <summary>Deadlines, cancellation and Store.Interrupt: tight loops, start functions, recursion without loops.</summary>
public sealed class InterruptionTests
{
    private const string Spin = """
        (module
          (func (export "spin") (loop $l (br $l)))
          (func $dive (export "dive") (call $dive))
          (func (export "answer") (result i32) (i32.const 42)))
        """;

    private static (Store Store, Instance Instance) Load(string tier, string wat = Spin, StoreLimits? limits = null)
    {
        var engine = new Engine(SandboxHarness.Options(tier, interruptible: true));
        var store = new Store(engine, limits);
        return (store, new Instance(store, SandboxHarness.Compile(engine, wat)));
    }

    private static void AssertInterrupted(Action call, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var trap = Assert.Throws<TrapException>(call);
        Assert.Equal(TrapCode.Interrupted, trap.Code);
        Assert.True(clock.Elapsed < within, $"took {clock.Elapsed}");
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void ADeadlineStopsATightLoop(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var (store, instance) = Load(tier);
        store.Timeout = TimeSpan.FromMilliseconds(100);
        var clock = Stopwatch.StartNew();
        AssertInterrupted(() => instance.GetFunction("spin")!.Invoke(), TimeSpan.FromSeconds(10));
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(90), $"stopped early, after {clock.Elapsed}");
        // The store goes on: the next call gets its own budget.
        Assert.Equal(42, instance.GetFunction<int>("answer")());
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void ADeadlineStopsAnInfiniteStartFunction(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var engine = new Engine(SandboxHarness.Options(tier, interruptible: true));
        var store = new Store(engine) { Timeout = TimeSpan.FromMilliseconds(100) };
        var module = SandboxHarness.Compile(engine, "(module (func $start (loop $l (br $l))) (start $start))");
        AssertInterrupted(() => _ = new Instance(store, module), TimeSpan.FromSeconds(10));
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void CancellationFromAnotherThreadStopsACall(string tier)
    {
        var (store, instance) = Load(tier);
        using var cancellation = new CancellationTokenSource();
        store.CancellationToken = cancellation.Token;
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(50));
        AssertInterrupted(() => instance.GetFunction("spin")!.Invoke(), TimeSpan.FromSeconds(10));
        // A cancelled token stops every later call at once.
        AssertInterrupted(() => instance.GetFunction("spin")!.Invoke(), TimeSpan.FromSeconds(10));
        store.CancellationToken = CancellationToken.None;
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void InterruptStopsTheRunningCallOnce(string tier)
    {
        var (store, instance) = Load(tier);
        var stopper = new Thread(() =>
        {
            Thread.Sleep(50);
            store.Interrupt();
        });
        stopper.Start();
        AssertInterrupted(() => instance.GetFunction("spin")!.Invoke(), TimeSpan.FromSeconds(10));
        stopper.Join();
        Assert.Equal(42, instance.GetFunction<int>("answer")());
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void FunctionEntriesAreCheckedToo(string tier)
    {
        // Deep recursion with no loop at all, under a call depth too large to hit first.
        var (store, instance) = Load(tier, """
            (module
              (func $fan (export "fan") (param i32)
                (if (local.get 0) (then
                  (call $fan (i32.sub (local.get 0) (i32.const 1)))
                  (call $fan (i32.sub (local.get 0) (i32.const 1)))))))
            """);
        store.Timeout = TimeSpan.FromMilliseconds(100);
        AssertInterrupted(() => instance.GetFunction("fan")!.Invoke(Value.I32(60)), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void AHostCallbackSharesTheOuterCallsBudget()
    {
        var engine = new Engine(new EngineOptions { Interruptible = true });
        var store = new Store(engine) { Timeout = TimeSpan.FromMilliseconds(100) };
        var linker = new Linker(engine);
        Instance? instance = null;
        linker.Define("host", "reenter", () => { instance!.GetFunction("spin")!.Invoke(); });
        instance = linker.Instantiate(store, SandboxHarness.Compile(engine, """
            (module (import "host" "reenter" (func $reenter))
              (func (export "spin") (loop $l (br $l)))
              (func (export "outer") (call $reenter)))
            """));
        AssertInterrupted(() => instance.GetFunction("outer")!.Invoke(), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void InterruptionNeedsAnInterruptibleEngine()
    {
        var store = new Store(new Engine());
        Assert.Throws<InvalidOperationException>(() => store.Timeout = TimeSpan.FromSeconds(1));
        Assert.Throws<InvalidOperationException>(() => store.CancellationToken = new CancellationTokenSource().Token);
        Assert.Throws<InvalidOperationException>(store.Interrupt);
    }
}
