using static Wasmbed.Tests.Api.WatModules;

namespace Wasmbed.Tests.Api;

/// <summary>Host functions: typed delegates of every supported type and arity, the caller, raw callbacks, errors.</summary>
public sealed class HostFunctionTests
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Linker _linker;

    public HostFunctionTests()
    {
        _store = new Store(_engine);
        _linker = new Linker(_engine);
    }

    private Function Get(string name) => (Function)_linker.Get(_store, "host", name)!;

    [Fact]
    public void SignatureComesFromTheDelegate()
    {
        _linker.Define("host", "none", () => { });
        _linker.Define("host", "mixed", (int a, uint b, long c, ulong d, float e, double f, V128 g) => f);
        _linker.Define("host", "eight", (int a, int b, int c, int d, int e, int f, int g, int h) => (long)a + h);
        _linker.Define("host", "caller", (Caller caller, V128 v) => v);

        Assert.Equal(FunctionType.Empty, Get("none").Type);
        Assert.Equal("[i32 i32 i64 i64 f32 f64 v128] -> [f64]", Get("mixed").Type.ToString());
        Assert.Equal("[i32 i32 i32 i32 i32 i32 i32 i32] -> [i64]", Get("eight").Type.ToString());
        Assert.Equal("[v128] -> [v128]", Get("caller").Type.ToString());
    }

    [Fact]
    public void UnsupportedClrTypesAreRefused()
    {
        Assert.Throws<NotSupportedException>(() => _linker.Define("host", "s", (string s) => 1));
        Assert.Throws<NotSupportedException>(() => _linker.Define("host", "b", () => true));
    }

    [Fact]
    public void ValuesCrossTheBoundaryBitForBit()
    {
        _linker.Define("host", "echo", (int a, uint b, long c, ulong d, float e, double f, V128 g, int h) =>
            $"{a} {b} {c} {d} {BitConverter.SingleToUInt32Bits(e):x} {BitConverter.DoubleToUInt64Bits(f):x} {g.Low:x}/{g.High:x} {h}".Length);
        _linker.Define("host", "v128", (V128 v) => new V128(v.High, v.Low));
        _linker.Define("host", "uint", (uint v) => v + 1);
        _linker.Define("host", "nan", (float v) => v);
        var module = Compile(_engine, """
            (module
              (import "host" "v128" (func $v128 (param v128) (result v128)))
              (import "host" "uint" (func $uint (param i32) (result i32)))
              (import "host" "nan" (func $nan (param f32) (result f32)))
              (func (export "swap") (result v128) (call $v128 (v128.const i64x2 1 2)))
              (func (export "wrap") (result i32) (call $uint (i32.const -1)))
              (func (export "nan") (result i32) (i32.reinterpret_f32 (call $nan (f32.const nan:0x200001)))))
            """);
        var instance = _linker.Instantiate(_store, module);

        Assert.Equal(new V128(2, 1), instance.GetFunction<V128>("swap")());
        Assert.Equal(0, instance.GetFunction<int>("wrap")());
        Assert.Equal(0x7fa00001, instance.GetFunction<int>("nan")());
    }

    [Fact]
    public void AllArities()
    {
        var module = Compile(_engine, """
            (module
              (import "host" "f0" (func $f0 (result i32)))
              (import "host" "f8" (func $f8 (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)))
              (import "host" "a8" (func $a8 (param i64 i64 i64 i64 i64 i64 i64 i64)))
              (import "host" "c8" (func $c8 (param f64 f64 f64 f64 f64 f64 f64 f64) (result f64)))
              (func (export "run") (result i32)
                (call $a8 (i64.const 1) (i64.const 2) (i64.const 3) (i64.const 4) (i64.const 5) (i64.const 6) (i64.const 7) (i64.const 8))
                (i32.add (call $f0)
                  (call $f8 (i32.const 1) (i32.const 2) (i32.const 3) (i32.const 4) (i32.const 5) (i32.const 6) (i32.const 7) (i32.const 8))))
              (func (export "c8") (result f64)
                (call $c8 (f64.const 1) (f64.const 2) (f64.const 3) (f64.const 4) (f64.const 5) (f64.const 6) (f64.const 7) (f64.const 8))))
            """);
        long sum = 0;
        _linker.Define("host", "f0", () => 100);
        _linker.Define("host", "f8", (int a, int b, int c, int d, int e, int f, int g, int h) => a * 10000000 + b * 1000000 + c * 100000 + d * 10000 + e * 1000 + f * 100 + g * 10 + h);
        _linker.Define("host", "a8", (long a, long b, long c, long d, long e, long f, long g, long h) => { sum = a + b + c + d + e + f + g + h; });
        _linker.Define("host", "c8", (Caller caller, double a, double b, double c, double d, double e, double f, double g, double h) => a - h);
        var instance = _linker.Instantiate(_store, module);

        Assert.Equal(12345678 + 100, instance.GetFunction<int>("run")());
        Assert.Equal(36, sum);
        Assert.Equal(-7.0, instance.GetFunction<double>("c8")());
    }

    [Fact]
    public void CallerGivesAccessToTheCallingInstance()
    {
        _linker.Define("host", "poke", (Caller caller, int address) =>
        {
            caller.Memory!.Write(address, (byte)0xAB);
            var counter = caller.GetGlobal("counter")!;
            counter.Value = Value.I32(counter.Value.AsInt32() + 1);
            return caller.GetFunction("secret")!.Invoke()[0].AsInt32();
        });
        var module = Compile(_engine, """
            (module
              (import "host" "poke" (func $poke (param i32) (result i32)))
              (memory 1)
              (global (export "counter") (mut i32) (i32.const 0))
              (func (export "secret") (result i32) (i32.const 99))
              (func (export "run") (result i32) (call $poke (i32.const 3)))
              (func (export "peek") (result i32) (i32.load8_u (i32.const 3))))
            """);
        var instance = _linker.Instantiate(_store, module);

        Assert.Equal(99, instance.GetFunction<int>("run")());
        Assert.Equal(0xAB, instance.GetFunction<int>("peek")());
        Assert.Equal(1, instance.GetGlobal("counter")!.Value.AsInt32());
    }

    [Fact]
    public void CallerCalledFromTheHostHasNoInstance()
    {
        bool sawMemory = true;
        _linker.Define("host", "f", (Caller caller) => { sawMemory = caller.Memory is not null || caller.GetExport("x") is not null; });

        Get("f").Invoke();

        Assert.False(sawMemory);
    }

    [Fact]
    public void RawCallbackHandlesAnySignatureIncludingMultipleResults()
    {
        var type = new FunctionType([ValueType.I64, ValueType.ExternRef], [ValueType.ExternRef, ValueType.I64, ValueType.F32]);
        _linker.DefineFunction("host", "swap", type, (caller, args, results) =>
        {
            results[0] = args[1];
            results[1] = Value.I64(args[0].AsInt64() * 2);
            results[2] = Value.F32(0.5f);
        });
        var module = Compile(_engine, """
            (module
              (import "host" "swap" (func $swap (param i64 externref) (result externref i64 f32)))
              (func (export "run") (param externref) (result externref i64 f32)
                (call $swap (i64.const 21) (local.get 0))))
            """);
        var instance = _linker.Instantiate(_store, module);
        var token = new object();

        var results = instance.GetFunction("run")!.Invoke(Value.ExternRef(token));

        Assert.Equal([Value.ExternRef(token), Value.I64(42), Value.F32(0.5f)], results);
        Assert.Same(token, results[0].AsExternRef());
    }

    [Fact]
    public void RawCallbackResultsStartAsDefaultsAndMustKeepTheirTypes()
    {
        var type = new FunctionType([], [ValueType.I32, ValueType.FuncRef]);
        var untouched = Function.FromCallback(_store, type, (_, _, _) => { });
        var wrongType = Function.FromCallback(_store, type, (_, _, results) => results[0] = Value.I64(1));

        Assert.Equal([Value.I32(0), Value.Null(ValueType.FuncRef)], untouched.Invoke());
        var trap = Assert.Throws<TrapException>(() => wrongType.Invoke());
        Assert.Equal(TrapCode.HostError, trap.Code);
        Assert.IsType<InvalidOperationException>(trap.InnerException);
    }

    [Fact]
    public void HostExceptionsBecomeHostErrorTraps()
    {
        var failure = new InvalidOperationException("the host gave up");
        _linker.Define("host", "fail", (int x) => x > 0 ? throw failure : x);
        var module = Compile(_engine, """
            (module
              (import "host" "fail" (func $fail (param i32) (result i32)))
              (func (export "run") (param i32) (result i32) (call $fail (local.get 0))))
            """);
        var run = _linker.Instantiate(_store, module).GetFunction<int, int>("run");

        var trap = Assert.Throws<TrapException>(() => run(1));

        Assert.Equal(TrapCode.HostError, trap.Code);
        Assert.Same(failure, trap.InnerException);
        Assert.Contains("the host gave up", trap.Message);
        Assert.Equal(0, run(0));   // the store is usable after a trap
    }

    [Fact]
    public void WasmExceptionsFromHostCodePassThroughUnchanged()
    {
        var inner = Compile(_engine, """(module (func (export "boom") unreachable))""");
        var boom = _linker.Instantiate(_store, inner).GetAction("boom");
        _linker.Define("host", "reenter", () => boom());
        var module = Compile(_engine, """
            (module (import "host" "reenter" (func $r)) (func (export "run") (call $r)))
            """);
        var run = _linker.Instantiate(_store, module).GetAction("run");

        var trap = Assert.Throws<TrapException>(() => run());

        Assert.Equal(TrapCode.Unreachable, trap.Code);
    }

    [Fact]
    public void HostFunctionsCanBeExportedAgainAndPutInTables()
    {
        _linker.Define("host", "seven", () => 7);
        var module = Compile(_engine, """
            (module
              (import "host" "seven" (func $seven (result i32)))
              (table (export "table") 1 funcref)
              (elem (i32.const 0) $seven)
              (export "again" (func $seven))
              (type $t (func (result i32)))
              (func (export "indirect") (result i32) (call_indirect (type $t) (i32.const 0))))
            """);
        var instance = _linker.Instantiate(_store, module);

        Assert.Same(Get("seven"), instance.GetFunction("again"));
        Assert.Same(Get("seven"), instance.GetTable("table")!.Get(0).AsFunction());
        Assert.Equal(7, instance.GetFunction<int>("indirect")());
    }
}
