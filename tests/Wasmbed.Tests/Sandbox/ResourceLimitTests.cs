namespace Wasmbed.Tests.Sandbox;

/// <summary>Store limits: memory and table growth bombs, per-store totals, counts, the resource limiter, huge segments.</summary>
public sealed class ResourceLimitTests
{
    private const string MemoryBomb = """
        (module (memory (export "memory") 1)
          (func (export "bomb") (result i32)
            (loop $more (br_if $more (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
            (memory.size)))
        """;

    private const string TableBomb = """
        (module (table (export "table") 0 funcref)
          (func (export "bomb") (result i32)
            (loop $more (br_if $more (i32.ne (table.grow (ref.null func) (i32.const 1000)) (i32.const -1))))
            (table.size)))
        """;

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void AMemoryGrowBombStopsAtThePageLimit(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine, new StoreLimits { MaxMemoryPages = 64 });
        var instance = new Instance(store, SandboxHarness.Compile(engine, MemoryBomb));
        Assert.Equal(64, instance.GetFunction<int>("bomb")());
        Assert.Equal(64u, instance.GetMemory("memory")!.Pages);
        neighbour.AssertAnswers();
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void AllMemoriesOfAStoreShareItsByteLimit(string tier)
    {
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine, new StoreLimits { MaxStoreMemoryBytes = 40 * 65536 });
        var module = SandboxHarness.Compile(engine, MemoryBomb);
        var first = new Instance(store, module);
        Assert.Equal(40, first.GetFunction<int>("bomb")());
        // The store is full: a second instance cannot even get its one page.
        Assert.Throws<WasmLinkException>(() => new Instance(store, module));
        Assert.Throws<WasmLinkException>(() => new Memory(store, new MemoryType(new Limits(1, null))));
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void TheResourceLimiterDecidesEachGrowth(string tier)
    {
        var engine = new Engine(SandboxHarness.Options(tier));
        var limiter = new RecordingLimiter { MaxMemoryBytes = 5 * 65536, MaxTableElements = 3000 };
        var store = new Store(engine, new StoreLimits { ResourceLimiter = limiter });
        var memory = new Instance(store, SandboxHarness.Compile(engine, MemoryBomb));
        Assert.Equal(5, memory.GetFunction<int>("bomb")());
        Assert.Equal((0L, 65536L, (long?)null), limiter.MemoryCalls[0]);   // the memory's creation
        Assert.Equal((5 * 65536L, 6 * 65536L, (long?)null), limiter.MemoryCalls[^1]);   // the refused growth
        var table = new Instance(store, SandboxHarness.Compile(engine, TableBomb));
        Assert.Equal(3000, table.GetFunction<int>("bomb")());
        Assert.False(table.GetTable("table")!.TryGrow(1, Value.Null(ValueType.FuncRef), out _));
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void ATableGrowBombStopsAtTheElementLimit(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine, new StoreLimits { MaxTableElements = 10_000 });
        var instance = new Instance(store, SandboxHarness.Compile(engine, TableBomb));
        Assert.Equal(10_000, instance.GetFunction<int>("bomb")());
        neighbour.AssertAnswers();
    }

    [Fact]
    public void GrowingPastWhatTheHostCanAllocateReturnsMinusOneNotAHostError()
    {
        // The implementation's own cap (just under 2 GiB) applies whatever the store allows.
        var engine = new Engine();
        var store = new Store(engine);
        var instance = new Instance(store, SandboxHarness.Compile(engine, """
            (module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """));
        Assert.Equal(-1, instance.GetFunction<int, int>("grow")(65535));
        Assert.Equal(1, instance.GetFunction<int, int>("grow")(1));
    }

    [Fact]
    public void InstancesTablesAndMemoriesPerStoreAreCounted()
    {
        var engine = new Engine();
        var store = new Store(engine, new StoreLimits { MaxInstances = 2, MaxMemories = 2, MaxTables = 1 });
        var empty = SandboxHarness.Compile(engine, "(module)");
        var withMemory = SandboxHarness.Compile(engine, "(module (memory 1))");
        var withTable = SandboxHarness.Compile(engine, "(module (table 1 funcref))");
        _ = new Memory(store, new MemoryType(new Limits(1, null)));
        _ = new Instance(store, withMemory);
        Assert.Contains("memories", Assert.Throws<WasmLinkException>(() => new Memory(store, new MemoryType(new Limits(0, null)))).Message);
        _ = new Instance(store, withTable);
        Assert.Contains("instances", Assert.Throws<WasmLinkException>(() => new Instance(store, empty)).Message);
        var other = new Store(engine, new StoreLimits { MaxTables = 1 });
        _ = new Table(other, new TableType(ValueType.FuncRef, new Limits(0, null)), Value.Null(ValueType.FuncRef));
        Assert.Contains("tables", Assert.Throws<WasmLinkException>(() => new Instance(other, withTable)).Message);
    }

    [Theory]
    [MemberData(nameof(SandboxHarness.Tiers), MemberType = typeof(SandboxHarness))]
    public void HugeDataAndElementSegmentsFailCleanly(string tier)
    {
        using var neighbour = new Neighbour(tier);
        var engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(engine, new StoreLimits { MaxMemoryPages = 16, MaxTableElements = 10_000 });

        // 1 MiB of data into one page: the segment does not fit.
        string data = SandboxHarness.Repeat("\\ff", 1 << 20);
        var trap = Assert.Throws<TrapException>(() => new Instance(store, SandboxHarness.Compile(engine, $"(module (memory 1) (data (i32.const 0) \"{data}\"))")));
        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
        // A memory big enough for it is past the store's limit.
        Assert.Throws<WasmLinkException>(() => new Instance(store, SandboxHarness.Compile(engine, $"(module (memory 17) (data (i32.const 0) \"{data}\"))")));

        // 100,000 element entries into a table of 10.
        string elements = SandboxHarness.Repeat(" $f", 100_000);
        trap = Assert.Throws<TrapException>(() => new Instance(store, SandboxHarness.Compile(engine, $"(module (table 10 funcref) (func $f) (elem (i32.const 0) func{elements}))")));
        Assert.Equal(TrapCode.TableOutOfBounds, trap.Code);
        Assert.Throws<WasmLinkException>(() => new Instance(store, SandboxHarness.Compile(engine, $"(module (table 100000 funcref) (func $f) (elem (i32.const 0) func{elements}))")));

        // The store still works.
        var fine = new Instance(store, SandboxHarness.Compile(engine, SandboxHarness.Fac));
        Assert.Equal(120L, fine.GetFunction<long, long>("fac")(5));
        neighbour.AssertAnswers();
    }

    private sealed class RecordingLimiter : IResourceLimiter
    {
        public long MaxMemoryBytes { get; init; }
        public uint MaxTableElements { get; init; }
        public List<(long Current, long Desired, long? Maximum)> MemoryCalls { get; } = [];

        public bool MemoryGrowing(long currentBytes, long desiredBytes, long? maximumBytes)
        {
            MemoryCalls.Add((currentBytes, desiredBytes, maximumBytes));
            return desiredBytes <= MaxMemoryBytes;
        }

        public bool TableGrowing(uint currentElements, uint desiredElements, uint? maximumElements) => desiredElements <= MaxTableElements;
    }
}
