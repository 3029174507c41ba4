using static Wasmbed.Tests.Api.WatModules;

namespace Wasmbed.Tests.Api;

/// <summary>What instantiation does after linking (spec 4.5.4): initializers, segments, the start function.</summary>
public sealed class InstantiationTests
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Linker _linker;

    public InstantiationTests()
    {
        _store = new Store(_engine);
        _linker = new Linker(_engine);
    }

    [Fact]
    public void StartFunctionRunsDuringInstantiation()
    {
        var order = new List<string>();
        _linker.Define("env", "note", (int n) => order.Add($"start {n}"));
        var module = Compile(_engine, """
            (module
              (import "env" "note" (func $note (param i32)))
              (global $g (export "g") (mut i32) (i32.const 0))
              (func $start (global.set $g (i32.const 7)) (call $note (i32.const 1)))
              (start $start))
            """);

        var instance = _linker.Instantiate(_store, module);

        Assert.Equal(["start 1"], order);
        Assert.Equal(7, instance.GetGlobal("g")!.Value.AsInt32());
    }

    [Fact]
    public void TrapInStartFunctionPropagates()
    {
        var module = Compile(_engine, "(module (func $s unreachable) (start $s))");

        var trap = Assert.Throws<TrapException>(() => _linker.Instantiate(_store, module));

        Assert.Equal(TrapCode.Unreachable, trap.Code);
    }

    [Fact]
    public void HostErrorInStartFunctionIsATrapWithTheHostException()
    {
        _linker.Define("env", "fail", () => throw new FormatException("bad"));
        var module = Compile(_engine, """(module (import "env" "fail" (func $f)) (start $f))""");

        var trap = Assert.Throws<TrapException>(() => _linker.Instantiate(_store, module));

        Assert.Equal(TrapCode.HostError, trap.Code);
        Assert.IsType<FormatException>(trap.InnerException);
    }

    [Fact]
    public void GlobalInitializersReadImportedGlobalsAndTakeFunctionReferences()
    {
        _linker.Define("env", "base", new Global(_store, new GlobalType(ValueType.I64, false), Value.I64(-5)));
        var module = Compile(_engine, """
            (module
              (import "env" "base" (global $base i64))
              (global (export "copy") i64 (global.get $base))
              (global (export "f32") f32 (f32.const 1.5))
              (global (export "f64") f64 (f64.const -0.25))
              (global (export "vec") v128 (v128.const i32x4 1 2 3 4))
              (global (export "null") externref (ref.null extern))
              (global (export "fn") funcref (ref.func $f))
              (func $f (export "f")))
            """);

        var instance = _linker.Instantiate(_store, module);

        Assert.Equal(Value.I64(-5), instance.GetGlobal("copy")!.Value);
        Assert.Equal(Value.F32(1.5f), instance.GetGlobal("f32")!.Value);
        Assert.Equal(Value.F64(-0.25), instance.GetGlobal("f64")!.Value);
        Assert.Equal(V128.FromI32x4(1, 2, 3, 4), instance.GetGlobal("vec")!.Value.AsV128());
        Assert.True(instance.GetGlobal("null")!.Value.IsNull);
        Assert.Same(instance.GetFunction("f"), instance.GetGlobal("fn")!.Value.AsFunction());
    }

    [Fact]
    public void ActiveSegmentsAreApplied()
    {
        _linker.Define("env", "at", new Global(_store, new GlobalType(ValueType.I32, false), Value.I32(2)));
        var module = Compile(_engine, """
            (module
              (import "env" "at" (global $at i32))
              (memory (export "memory") 1)
              (table (export "table") 4 funcref)
              (func $a (result i32) (i32.const 10))
              (func $b (result i32) (i32.const 20))
              (elem (global.get $at) $a $b)
              (elem (i32.const 0) funcref (ref.null func) (ref.func $b))
              (data (i32.const 8) "\01\02\03")
              (data (i32.const 9) "\ff"))
            """);

        var instance = _linker.Instantiate(_store, module);

        var table = instance.GetTable("table")!;
        Assert.True(table.Get(0).IsNull);
        Assert.Equal([Value.I32(20)], table.Get(1).AsFunction()!.Invoke());
        Assert.Equal([Value.I32(10)], table.Get(2).AsFunction()!.Invoke());
        Assert.Same(table.Get(1).AsFunction(), table.Get(3).AsFunction());
        Assert.Equal(new byte[] { 0, 1, 0xff, 3, 0 }, instance.GetMemory("memory")!.GetSpan(7, 5).ToArray());
    }

    [Fact]
    public void OutOfBoundsDataSegmentTrapsAndEarlierSegmentsStayApplied()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, null)));
        _linker.Define("env", "memory", memory);
        var module = Compile(_engine, """
            (module
              (import "env" "memory" (memory 1))
              (data (i32.const 0) "a")
              (data (i32.const 65535) "bc"))
            """);

        var trap = Assert.Throws<TrapException>(() => _linker.Instantiate(_store, module));

        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
        Assert.Contains("out of bounds memory access", trap.Message);
        Assert.Equal((byte)'a', memory.GetSpan()[0]);
        Assert.Equal(0, memory.GetSpan()[65535]);
    }

    [Fact]
    public void OutOfBoundsElementSegmentTrapsBeforeAnyDataSegment()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, null)));
        var table = new Table(_store, new TableType(ValueType.FuncRef, new Limits(2, null)), Value.Null(ValueType.FuncRef));
        _linker.Define("env", "memory", memory).Define("env", "table", table);
        var module = Compile(_engine, """
            (module
              (import "env" "memory" (memory 1))
              (import "env" "table" (table 2 funcref))
              (func $f)
              (elem (i32.const 0) $f)
              (elem (i32.const 2) $f)
              (data (i32.const 0) "x"))
            """);

        var trap = Assert.Throws<TrapException>(() => _linker.Instantiate(_store, module));

        Assert.Equal(TrapCode.TableOutOfBounds, trap.Code);
        Assert.False(table.Get(0).IsNull);       // the first segment stays applied
        Assert.Equal(0, memory.GetSpan()[0]);    // data segments come after element segments
    }

    [Fact]
    public void EmptySegmentPastTheEndStillTraps()
    {
        var module = Compile(_engine, """(module (memory 1) (data (i32.const 65537) ""))""");

        var trap = Assert.Throws<TrapException>(() => _linker.Instantiate(_store, module));

        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
    }

    [Fact]
    public void PassiveSegmentsAreKeptAndDeclarativeOnesDropped()
    {
        var module = Compile(_engine, """
            (module
              (memory (export "memory") 1)
              (table (export "table") 2 funcref)
              (func $f (result i32) (i32.const 5))
              (elem $passive funcref (ref.func $f))
              (elem $declared declare func $f)
              (data $bytes "xyz")
              (func (export "init")
                (table.init $passive (i32.const 1) (i32.const 0) (i32.const 1))
                (memory.init $bytes (i32.const 100) (i32.const 0) (i32.const 3)))
              (func (export "initDeclared")
                (table.init $declared (i32.const 0) (i32.const 0) (i32.const 1))))
            """);
        var instance = _linker.Instantiate(_store, module);

        instance.GetAction("init")();

        Assert.Equal([Value.I32(5)], instance.GetTable("table")!.Get(1).AsFunction()!.Invoke());
        Assert.Equal("xyz", instance.GetMemory("memory")!.ReadString(100, 3));
        var trap = Assert.Throws<TrapException>(() => instance.GetAction("initDeclared")());
        Assert.Equal(TrapCode.TableOutOfBounds, trap.Code);
    }

    [Fact]
    public void MemoryBeyondTheStoreLimitFailsToInstantiate()
    {
        var store = new Store(_engine, new StoreLimits { MaxMemoryPages = 2 });
        var module = Compile(_engine, "(module (memory 3))");

        Assert.Throws<WasmLinkException>(() => _linker.Instantiate(store, module));
    }

    [Fact]
    public void MemoryGrowthStopsAtTheStoreLimit()
    {
        var store = new Store(_engine, new StoreLimits { MaxMemoryPages = 2 });
        var module = Compile(_engine, """
            (module (memory 1) (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0))))
            """);
        var grow = _linker.Instantiate(store, module).GetFunction<int, int>("grow");

        Assert.Equal(1, grow(1));
        Assert.Equal(-1, grow(1));
    }

    [Fact]
    public void ExportsOfAllFourKinds()
    {
        var module = Compile(_engine, """
            (module
              (func (export "f"))
              (table (export "t") 1 externref)
              (memory (export "m") 1 2)
              (global (export "g") (mut f64) (f64.const 0)))
            """);

        var instance = _linker.Instantiate(_store, module);

        Assert.Equal(
            [("f", ExternalKind.Function), ("t", ExternalKind.Table), ("m", ExternalKind.Memory), ("g", ExternalKind.Global)],
            instance.Exports.Select(e => (e.Name, e.Item.Kind)));
        Assert.Equal(new MemoryType(new Limits(1, 2)), instance.GetMemory("m")!.Type);
        Assert.Equal(new TableType(ValueType.ExternRef, new Limits(1, null)), instance.GetTable("t")!.Type);
        Assert.Equal(new GlobalType(ValueType.F64, true), instance.GetGlobal("g")!.Type);
        Assert.Null(instance.GetFunction("t"));
        Assert.Null(instance.GetExport("nope"));
        Assert.Same(instance.GetExport("m"), instance.GetMemory("m"));
    }
}
