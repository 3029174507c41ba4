namespace Wasmbed.Tests.Api;

public sealed class ValueTests
{
    [Fact]
    public void FactoriesAndAccessors()
    {
        Assert.Equal(-1, Value.I32(-1).AsInt32());
        Assert.Equal(uint.MaxValue, Value.I32(-1).AsUInt32());
        Assert.Equal(long.MinValue, Value.I64(long.MinValue).AsInt64());
        Assert.Equal(1.25f, Value.F32(1.25f).AsSingle());
        Assert.Equal(-0.0, Value.F64(-0.0).AsDouble());
        Assert.Equal(0x7fc00001u, Value.F32FromBits(0x7fc00001).AsSingleBits());
        Assert.Equal(new V128(1, 2), Value.V128(new V128(1, 2)).AsV128());
        Assert.Equal(ValueType.ExternRef, Value.Null(ValueType.ExternRef).Type);
        Assert.Throws<ArgumentException>(() => Value.Null(ValueType.I32));
        Assert.Throws<InvalidCastException>(() => Value.I32(1).AsInt64());
    }

    [Fact]
    public void EqualityIsByTypeAndBits()
    {
        Assert.Equal(Value.I32(5), Value.I32(5));
        Assert.NotEqual(Value.I32(5), Value.I64(5));
        Assert.Equal(Value.F32(float.NaN), Value.F32(float.NaN));
        Assert.NotEqual(Value.F64(0.0), Value.F64(-0.0));
        Assert.Equal(Value.ExternRef(7), Value.ExternRef(7));
        Assert.NotEqual(Value.Null(ValueType.FuncRef), Value.Null(ValueType.ExternRef));
        Assert.True(Value.I32(1) == 1);
    }

    [Fact]
    public void DefaultsAreZeroAndNull()
    {
        Assert.Equal(Value.I32(0), Value.Default(ValueType.I32));
        Assert.Equal(Value.V128(default), Value.Default(ValueType.V128));
        Assert.True(Value.Default(ValueType.FuncRef).IsNull);
    }

    [Fact]
    public void ToStringShowsTypeAndValue()
    {
        Assert.Equal("i32:-3", Value.I32(-3).ToString());
        Assert.Equal("f64:1.5", Value.F64(1.5).ToString());
        Assert.Equal("externref:null", Value.Null(ValueType.ExternRef).ToString());
        Assert.Equal("v128:0x00000000000000020000000000000001", Value.V128(new V128(1, 2)).ToString());
    }
}
