namespace Wasmbed.Tests.Sandbox;

/// <summary>Call depth and value-stack limits, and modules whose shape alone is hostile.</summary>
public sealed class StackLimitTests
{
    private const string Recursion = """
        (module
          (func $count (export "count") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0))
              (then (i32.const 0))
              (else (i32.add (i32.const 1) (call $count (i32.sub (local.get 0) (i32.const 1)))))))
          (func $forever (export "forever") (call $forever)))
        """;

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void UnboundedRecursionTrapsAtTheStoresCallDepth(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine, new StoreLimits { MaxCallDepth = 1000 });
        var instance = new Instance(store, SandboxHarness.Compile(engine, Recursion));
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction("forever")!.Invoke());
        Assert.Equal(TrapCode.CallStackExhausted, trap.Code);
        var count = instance.GetFunction<int, int>("count");
        Assert.Equal(999, count(999));   // 1000 frames
        Assert.Equal(TrapCode.CallStackExhausted, Assert.Throws<TrapException>(() => count(1000)).Code);
        Assert.Equal(10, count(10));
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void FiftyThousandLocalsRunAndRespectTheValueStackLimit(string tier)
    {
        using var neighbour = new Neighbour(tier);
        string wat = $$"""
            (module (func (export "f") (param i32) (result i32) (local {{SandboxHarness.Repeat(" i32", 50_000)}})
              (local.set 49999 (local.get 0))
              (i32.add (local.get 49999) (local.get 25000))))
            """;
        var engine = new Engine(SandboxHarness.Options(tier));
        var module = SandboxHarness.Compile(engine, wat);
        var roomy = new Instance(new Store(engine), module);
        Assert.Equal(7, roomy.GetFunction<int, int>("f")(7));
        var tight = new Instance(new Store(engine, new StoreLimits { MaxValueStackSlots = 10_000 }), module);
        Assert.Equal(TrapCode.CallStackExhausted, Assert.Throws<TrapException>(() => tight.GetFunction<int, int>("f")(7)).Code);
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void TenThousandNestedBlocksRun(string tier)
    {
        using var neighbour = new Neighbour(tier);
        // Plain (not folded) instructions, so no parser recursion; the innermost branch leaves every block at once.
        string wat = $$"""
            (module (func (export "f") (param i32) (result i32)
              {{SandboxHarness.Repeat("block\n", 10_000)}}
              (br_if 9999 (local.get 0))
              {{SandboxHarness.Repeat("end\n", 10_000)}}
              (i32.add (local.get 0) (i32.const 1))))
            """;
        var engine = new Engine(SandboxHarness.Options(tier, fuel: true));
        var store = new Store(engine) { Fuel = 1_000 };
        var instance = new Instance(store, SandboxHarness.Compile(engine, wat));
        Assert.Equal(6, instance.GetFunction<int, int>("f")(5));
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void AHundredThousandEntryBrTableRuns(string tier)
    {
        using var neighbour = new Neighbour(tier);
        string targets = SandboxHarness.Repeat(" 0 1", 50_000);
        string wat = $$"""
            (module (func (export "f") (param i32) (result i32)
              (block (block (br_table {{targets}} 1 (local.get 0))) (return (i32.const 10))) (i32.const 11)))
            """;
        var engine = new Engine(SandboxHarness.Options(tier));
        var instance = new Instance(new Store(engine), SandboxHarness.Compile(engine, wat));
        var f = instance.GetFunction<int, int>("f");
        Assert.Equal(10, f(0));
        Assert.Equal(11, f(99_999));
        Assert.Equal(11, f(-1));
        neighbour.AssertAnswers();
    }
}
