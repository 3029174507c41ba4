using static Wasmbed.Tests.Api.WatModules;

namespace Wasmbed.Tests.Api;

/// <summary>Calling WebAssembly functions through typed delegates and through untyped values.</summary>
public sealed class TypedFunctionTests
{
    private readonly Engine _engine = new();
    private readonly Store _store;
    private readonly Instance _instance;

    public TypedFunctionTests()
    {
        _store = new Store(_engine);
        _instance = new Linker(_engine).Instantiate(_store, Compile(_engine, """
            (module
              (func (export "add") (param i32 i32) (result i32) (i32.add (local.get 0) (local.get 1)))
              (func (export "mix") (param i64 f32 f64 v128) (result f64)
                (f64.add (f64.convert_i64_s (local.get 0))
                  (f64.add (f64.promote_f32 (local.get 1))
                    (f64.add (local.get 2) (f64x2.extract_lane 1 (local.get 3))))))
              (func (export "unsigned") (param i32) (result i64) (i64.extend_i32_u (local.get 0)))
              (func (export "swap") (param i32 i64) (result i64 i32) (local.get 1) (local.get 0))
              (func (export "eight") (param i32 i32 i32 i32 i32 i32 i32 i32) (result i32)
                (i32.sub (local.get 0) (local.get 7)))
              (global (export "g") (mut i32) (i32.const 0))
              (func (export "set") (param i32) (global.set 0 (local.get 0))))
            """));
    }

    [Fact]
    public void TypedFunc()
    {
        var add = _instance.GetFunction<int, int, int>("add");
        var mix = _instance.GetFunction<long, float, double, V128, double>("mix");
        var unsigned = _instance.GetFunction<uint, ulong>("unsigned");
        var eight = _instance.GetFunction<int, int, int, int, int, int, int, int, int>("eight");

        Assert.Equal(5, add(2, 3));
        Assert.Equal(int.MinValue, add(int.MaxValue, 1));
        Assert.Equal(1 + 0.5 + 0.25 + 4.0, mix(1, 0.5f, 0.25, V128.FromF64x2(3.0, 4.0)));
        Assert.Equal(uint.MaxValue, unsigned(uint.MaxValue));
        Assert.Equal(-7, eight(1, 2, 3, 4, 5, 6, 7, 8));
    }

    [Fact]
    public void TypedAction()
    {
        var set = _instance.GetAction<int>("set");

        set(12);

        Assert.Equal(12, _instance.GetGlobal("g")!.Value.AsInt32());
    }

    [Fact]
    public void TypedWrappersCheckTheSignatureOnce()
    {
        Assert.Throws<InvalidCastException>(() => _instance.GetFunction<long, long, long>("add"));
        Assert.Throws<InvalidCastException>(() => _instance.GetAction<int, int>("add"));
        Assert.Throws<InvalidCastException>(() => _instance.GetFunction<int, int>("add"));
        Assert.Throws<KeyNotFoundException>(() => _instance.GetFunction<int>("missing"));
        Assert.Throws<KeyNotFoundException>(() => _instance.GetAction("g"));
    }

    [Fact]
    public void FunctionAsFuncIsTheSameAsGetFunction()
    {
        var add = _instance.GetFunction("add")!.AsFunc<int, int, int>();

        Assert.Equal(9, add(4, 5));
    }

    [Fact]
    public void UntypedInvokeChecksArgumentsAndReturnsAllResults()
    {
        var swap = _instance.GetFunction("swap")!;

        Assert.Equal("[i32 i64] -> [i64 i32]", swap.Type.ToString());
        Assert.Equal([Value.I64(2), Value.I32(1)], swap.Invoke(Value.I32(1), Value.I64(2)));
        Assert.Throws<ArgumentException>(() => swap.Invoke(Value.I32(1)));
        Assert.Throws<ArgumentException>(() => swap.Invoke(Value.I64(1), Value.I64(2)));

        Assert.Throws<ArgumentException>(() => swap.Invoke([Value.I32(1), Value.I64(2)], new Value[1]));
    }

    [Fact]
    public void TrapsSurfaceAsTrapExceptions()
    {
        var instance = new Linker(_engine).Instantiate(_store, Compile(_engine, """
            (module (func (export "div") (param i32 i32) (result i32) (i32.div_s (local.get 0) (local.get 1))))
            """));
        var div = instance.GetFunction<int, int, int>("div");

        Assert.Equal(TrapCode.IntegerDivideByZero, Assert.Throws<TrapException>(() => div(1, 0)).Code);
        Assert.Equal(TrapCode.IntegerOverflow, Assert.Throws<TrapException>(() => div(int.MinValue, -1)).Code);
        Assert.Equal(-2, div(4, -2));
    }

    [Fact]
    public void FunctionReferencesRoundTrip()
    {
        var instance = new Linker(_engine).Instantiate(_store, Compile(_engine, """
            (module
              (func $f (export "f"))
              (func (export "id") (param funcref) (result funcref) (local.get 0))
              (func (export "get") (result funcref) (ref.func $f))
              (elem declare func $f))
            """));
        var f = instance.GetFunction("f")!;
        var id = instance.GetFunction("id")!;
        var host = Function.FromCallback(_store, FunctionType.Empty, (_, _, _) => { });

        Assert.Same(f, instance.GetFunction("get")!.Invoke()[0].AsFunction());
        Assert.Same(host, id.Invoke(Value.FuncRef(host))[0].AsFunction());
        Assert.True(id.Invoke(Value.Null(ValueType.FuncRef))[0].IsNull);

        var otherStore = new Store(_engine);
        var foreign = Function.FromCallback(otherStore, FunctionType.Empty, (_, _, _) => { });
        Assert.Throws<ArgumentException>(() => id.Invoke(Value.FuncRef(foreign)));
    }
}
