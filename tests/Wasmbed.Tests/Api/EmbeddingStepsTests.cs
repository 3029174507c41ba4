using Wasmbed.Text;

namespace Wasmbed.Tests.Api;

/// <summary>
/// The seven steps of embedding Wasmbed, one test each, using only the public API. The README shows this code.
/// </summary>
public sealed class EmbeddingStepsTests
{
    private const string Calculator = """
        (module $calculator
          (import "env" "add" (func $add (param i32 i32) (result i32)))
          (import "env" "log" (func $log (param i32 i32)))
          (memory (export "memory") 1)
          (global $calls (export "calls") (mut i32) (i32.const 0))
          (table (export "table") 2 funcref)
          (elem (i32.const 0) $triple)
          (data (i32.const 16) "hello from wasm")
          (func $triple (export "triple") (param i32) (result i32)
            (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
            (call $add (local.get 0) (call $add (local.get 0) (local.get 0))))
          (func (export "greet")
            (call $log (i32.const 16) (i32.const 15))))
        """;

    [Fact]
    public void Step1_CreateAnEngine()
    {
        using var engine = new Engine(new EngineOptions { Translation = TranslationMode.Lazy });

        Assert.Equal(ExecutionTier.Interpreter, engine.Options.Tier);
    }

    [Fact]
    public void Step2_LoadAModule()
    {
        using var engine = new Engine();
        byte[] wasm = Wat.ToBinary(Calculator);   // or File.ReadAllBytes("calculator.wasm")

        using var module = Module.FromBytes(engine, wasm);

        Assert.Equal("calculator", module.Name);
        Assert.Equal(["env.add: func [i32 i32] -> [i32]", "env.log: func [i32 i32] -> []"],
            module.Imports.Select(i => $"{i.Module}.{i.Name}: {i.Type}"));
        Assert.Equal(["memory", "calls", "table", "triple", "greet"], module.Exports.Select(e => e.Name));
    }

    [Fact]
    public void Step3_CreateAStore()
    {
        using var engine = new Engine();

        var store = new Store(engine, new StoreLimits { MaxMemoryPages = 16 });

        Assert.Same(engine, store.Engine);
        Assert.Equal(16u, store.Limits.MaxMemoryPages);
    }

    [Fact]
    public void Step4_DefineHostFunctions()
    {
        using var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        var log = new List<string>();

        // Typed: parameters and result are taken from the delegate's signature.
        linker.Define("env", "add", (int a, int b) => a + b);
        // A host function that reads the caller's memory.
        linker.Define("env", "log", (Caller caller, int offset, int length) =>
            log.Add(caller.Memory!.ReadString(offset, length)));
        // Raw: any signature, several results, untyped values.
        linker.DefineFunction("env", "divmod", new FunctionType([ValueType.I32, ValueType.I32], [ValueType.I32, ValueType.I32]),
            (caller, args, results) =>
            {
                results[0] = Value.I32(args[0].AsInt32() / args[1].AsInt32());
                results[1] = Value.I32(args[0].AsInt32() % args[1].AsInt32());
            });

        var divmod = linker.Get(store, "env", "divmod") as Function;
        Assert.Equal([Value.I32(3), Value.I32(2)], divmod!.Invoke(Value.I32(17), Value.I32(5)));
    }

    [Fact]
    public void Step5_Instantiate()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, Wat.ToBinary(Calculator));
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.Define("env", "add", (int a, int b) => a + b);
        linker.Define("env", "log", (int offset, int length) => { });

        using var instance = linker.Instantiate(store, module);

        Assert.Equal(["memory", "calls", "table", "triple", "greet"], instance.Exports.Select(e => e.Name));
        Assert.IsType<Memory>(instance.GetExport("memory"));
    }

    [Fact]
    public void Step6_CallFunctionsAndUseMemoryTablesAndGlobals()
    {
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, Wat.ToBinary(Calculator));
        var store = new Store(engine);
        var linker = new Linker(engine);
        var log = new List<string>();
        linker.Define("env", "add", (int a, int b) => a + b);
        linker.Define("env", "log", (Caller caller, int offset, int length) => log.Add(caller.Memory!.ReadString(offset, length)));
        using var instance = linker.Instantiate(store, module);

        // Typed call: no boxing, no allocation per call.
        Func<int, int> triple = instance.GetFunction<int, int>("triple");
        Assert.Equal(21, triple(7));

        // Untyped call.
        Function greet = instance.GetFunction("greet")!;
        Assert.Empty(greet.Invoke());
        Assert.Equal(["hello from wasm"], log);

        // Memory.
        Memory memory = instance.GetMemory("memory")!;
        Assert.Equal("hello", memory.ReadString(16, 5));
        memory.Write(100, 0x12345678);
        Assert.Equal(0x78, memory.GetSpan(100, 4)[0]);   // little-endian
        Assert.Equal(0x12345678, memory.Read<int>(100));

        // Globals.
        Global calls = instance.GetGlobal("calls")!;
        Assert.Equal(Value.I32(1), calls.Value);
        calls.Value = Value.I32(10);

        // Tables hold function references.
        Table table = instance.GetTable("table")!;
        Function fromTable = table.Get(0).AsFunction()!;
        Assert.Same(instance.GetFunction("triple"), fromTable);
        Assert.Equal([Value.I32(6)], fromTable.Invoke(Value.I32(2)));
        Assert.Equal(11, calls.Value.AsInt32());
        Assert.True(table.Get(1).IsNull);
    }

    [Fact]
    public void Step7_Dispose()
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, Wat.ToBinary("(module (func (export \"f\")))"));
        var store = new Store(engine);
        var linker = new Linker(engine);
        var instance = linker.Instantiate(store, module);
        var f = instance.GetFunction("f")!;

        instance.Dispose();
        Assert.Throws<ObjectDisposedException>(() => instance.GetExport("f"));
        Assert.Throws<ObjectDisposedException>(() => f.Invoke());

        module.Dispose();
        Assert.Throws<ObjectDisposedException>(() => linker.Instantiate(store, module));

        engine.Dispose();
        Assert.Throws<ObjectDisposedException>(() => Module.FromBytes(engine, Wat.ToBinary("(module)")));
        Assert.Throws<ObjectDisposedException>(() => new Store(engine));
    }
}
