using static Wasmbed.Tests.Api.WatModules;

namespace Wasmbed.Tests.Api;

/// <summary>Import resolution and type matching (spec 4.5.2–4.5.4) through <see cref="Linker"/>.</summary>
public sealed class LinkingTests
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Linker _linker;

    public LinkingTests()
    {
        _store = new Store(_engine);
        _linker = new Linker(_engine);
    }

    [Fact]
    public void MissingImportIsAnUnknownImport()
    {
        var module = Compile(_engine, """(module (import "env" "missing" (func)))""");

        var error = Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));

        Assert.Contains("unknown import", error.Message);
        Assert.Contains("\"env\" \"missing\"", error.Message);
    }

    [Fact]
    public void FunctionTypesMustBeEqual()
    {
        _linker.Define("env", "f", (int a) => (long)a);
        var module = Compile(_engine, """(module (import "env" "f" (func (param i32) (result i32))))""");

        var error = Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));

        Assert.Contains("incompatible import type", error.Message);
        Assert.Contains("\"env\" \"f\"", error.Message);
    }

    [Fact]
    public void KindMustMatch()
    {
        _linker.Define("env", "thing", new Global(_store, new GlobalType(ValueType.I32, false), Value.I32(1)));
        var module = Compile(_engine, """(module (import "env" "thing" (func)))""");

        var error = Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));

        Assert.Contains("incompatible import type", error.Message);
    }

    [Theory]
    [InlineData(1u, null, "(memory 1)", true)]
    [InlineData(2u, null, "(memory 1)", true)]
    [InlineData(0u, null, "(memory 1)", false)]           // minimum too small
    [InlineData(1u, null, "(memory 1 2)", false)]         // a maximum is expected, the memory has none
    [InlineData(1u, 2u, "(memory 1 2)", true)]
    [InlineData(1u, 3u, "(memory 1 2)", false)]           // maximum larger than expected
    [InlineData(1u, 1u, "(memory 0 2)", true)]
    public void MemoryLimitsMatchBySubtyping(uint minimum, uint? maximum, string importedType, bool matches)
    {
        _linker.Define("env", "memory", new Memory(_store, new MemoryType(new Limits(minimum, maximum))));
        var module = Compile(_engine, $"""(module (import "env" "memory" {importedType}))""");

        if (matches) _linker.Instantiate(_store, module);
        else Assert.Contains("incompatible import type", Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module)).Message);
    }

    [Fact]
    public void MemoryLimitsUseTheCurrentSize()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, 5)));
        _linker.Define("env", "memory", memory);
        var module = Compile(_engine, """(module (import "env" "memory" (memory 3)))""");
        Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));

        memory.Grow(2);

        _linker.Instantiate(_store, module);
    }

    [Theory]
    [InlineData(ValueType.FuncRef, 2u, null, "(table 1 funcref)", true)]
    [InlineData(ValueType.ExternRef, 2u, null, "(table 1 funcref)", false)]  // element types differ
    [InlineData(ValueType.FuncRef, 2u, 4u, "(table 1 4 funcref)", true)]
    [InlineData(ValueType.FuncRef, 2u, 5u, "(table 1 4 funcref)", false)]
    [InlineData(ValueType.FuncRef, 0u, 4u, "(table 1 4 funcref)", false)]
    public void TableTypesMatchByElementTypeAndLimits(ValueType element, uint minimum, uint? maximum, string importedType, bool matches)
    {
        _linker.Define("env", "table", new Table(_store, new TableType(element, new Limits(minimum, maximum)), Value.Null(element)));
        var module = Compile(_engine, $"""(module (import "env" "table" {importedType}))""");

        if (matches) _linker.Instantiate(_store, module);
        else Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));
    }

    [Theory]
    [InlineData(ValueType.I32, false, "(global i32)", true)]
    [InlineData(ValueType.I32, true, "(global (mut i32))", true)]
    [InlineData(ValueType.I32, true, "(global i32)", false)]        // mutability must be equal
    [InlineData(ValueType.I32, false, "(global (mut i32))", false)]
    [InlineData(ValueType.I64, false, "(global i32)", false)]
    public void GlobalTypesMustBeEqual(ValueType type, bool mutable, string importedType, bool matches)
    {
        _linker.Define("env", "g", new Global(_store, new GlobalType(type, mutable), Value.Default(type)));
        var module = Compile(_engine, $"""(module (import "env" "g" {importedType}))""");

        if (matches) _linker.Instantiate(_store, module);
        else Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));
    }

    [Fact]
    public void AnItemOfAnotherStoreIsRefused()
    {
        var otherStore = new Store(_engine);
        _linker.Define("env", "f", Function.FromCallback(otherStore, FunctionType.Empty, (_, _, _) => { }));
        var module = Compile(_engine, """(module (import "env" "f" (func)))""");

        var error = Assert.Throws<WasmLinkException>(() => _linker.Instantiate(_store, module));

        Assert.Contains("another store", error.Message);
    }

    [Fact]
    public void HostFunctionsDefinedOnceServeEveryStore()
    {
        int calls = 0;
        _linker.Define("env", "tick", () => { calls++; });
        var module = Compile(_engine, """(module (import "env" "tick" (func $tick)) (start $tick))""");

        _linker.Instantiate(new Store(_engine), module);
        _linker.Instantiate(new Store(_engine), module);

        Assert.Equal(2, calls);
        Assert.Same(_linker.Get(_store, "env", "tick"), _linker.Get(_store, "env", "tick"));
    }

    [Fact]
    public void DefiningANameTwiceNeedsShadowing()
    {
        _linker.Define("env", "f", () => 1);

        Assert.Throws<InvalidOperationException>(() => _linker.Define("env", "f", () => 2));

        _linker.AllowShadowing = true;
        _linker.Define("env", "f", () => 2);
        var f = (Function)_linker.Get(_store, "env", "f")!;
        Assert.Equal([Value.I32(2)], f.Invoke());
    }

    [Fact]
    public void DefineInstanceRegistersEveryExport()
    {
        var provider = Compile(_engine, """
            (module
              (func (export "one") (result i32) (i32.const 1))
              (memory (export "mem") 1)
              (table (export "tab") 1 funcref)
              (global (export "glob") i32 (i32.const 42)))
            """);
        var consumer = Compile(_engine, """
            (module
              (import "provider" "one" (func $one (result i32)))
              (import "provider" "mem" (memory 1))
              (import "provider" "tab" (table 1 funcref))
              (import "provider" "glob" (global $g i32))
              (func (export "sum") (result i32) (i32.add (call $one) (global.get $g))))
            """);
        _linker.DefineInstance("provider", _linker.Instantiate(_store, provider));

        var instance = _linker.Instantiate(_store, consumer);

        Assert.Equal(43, instance.GetFunction<int>("sum")());
    }

    [Fact]
    public void ImportsCanBeGivenInOrderWithoutALinker()
    {
        var module = Compile(_engine, """
            (module
              (import "a" "b" (global $g i32))
              (func (export "get") (result i32) (global.get $g)))
            """);

        var instance = new Instance(_store, module, new Global(_store, new GlobalType(ValueType.I32, false), Value.I32(5)));

        Assert.Equal(5, instance.GetFunction<int>("get")());
        Assert.Throws<WasmLinkException>(() => new Instance(_store, module));
    }

    [Fact]
    public void AModuleOfAnotherEngineIsRefused()
    {
        using var otherEngine = new Engine();
        var module = Compile(otherEngine, "(module)");

        Assert.Throws<ArgumentException>(() => _linker.Instantiate(_store, module));
    }
}
