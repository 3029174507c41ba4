namespace Wasmbed.Tests.Api;

/// <summary>Memories, tables and globals created by the host, used without any module.</summary>
public sealed class HostExternTests
{
    private readonly Engine _engine = new();
    private readonly Store _store;

    public HostExternTests()
    {
        _store = new Store(_engine);
    }

    [Fact]
    public void MemoryReadsAndWritesLittleEndian()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, 3)));

        memory.Write(0, 0x0102030405060708L);
        memory.Write(8, 1.5f);
        memory.Write(12, V128.FromI32x4(1, 2, 3, 4));

        Assert.Equal(65536, memory.Length);
        Assert.Equal(1u, memory.Pages);
        Assert.Equal(new byte[] { 8, 7, 6, 5, 4, 3, 2, 1 }, memory.GetSpan(0, 8).ToArray());
        Assert.Equal(0x05060708, memory.Read<int>(0));
        Assert.Equal(1.5f, memory.Read<float>(8));
        Assert.Equal(3, memory.Read<int>(20));
        Assert.Equal(V128.FromI32x4(1, 2, 3, 4), memory.Read<V128>(12));
    }

    [Fact]
    public void MemoryChecksBounds()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, null)));

        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Read<int>(65533));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Read<byte>(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.GetSpan(65536, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => memory.Write(long.MaxValue, 1));
        Assert.Equal(0, memory.GetSpan(65536, 0).Length);
        memory.Write(65532, 7);
        Assert.Equal(7, memory.Read<int>(65532));
    }

    [Fact]
    public void MemoryStrings()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, null)));

        int written = memory.WriteString(10, "héllo");

        Assert.Equal(6, written);
        Assert.Equal("héllo", memory.ReadString(10, written));
        Assert.Equal("héllo", memory.ReadNullTerminatedString(10));
    }

    [Fact]
    public void MemoryGrowsWithinItsMaximum()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(1, 2)));
        memory.Write(0, 42);

        Assert.Equal(1u, memory.Grow(1));
        Assert.Equal(2u, memory.Pages);
        Assert.Equal(42, memory.Read<int>(0));
        Assert.Equal(0, memory.Read<int>(65536));
        Assert.False(memory.TryGrow(1, out _));
        Assert.Throws<InvalidOperationException>(() => memory.Grow(1));
        Assert.Equal(new MemoryType(new Limits(2, 2)), memory.Type);
    }

    [Fact]
    public void InvalidMemoryTypesAreRefused()
    {
        Assert.Throws<ArgumentException>(() => new Memory(_store, new MemoryType(new Limits(2, 1))));
        Assert.Throws<ArgumentException>(() => new Memory(_store, new MemoryType(new Limits(0, 65537))));
        Assert.Throws<WasmLinkException>(() => new Memory(new Store(_engine, new StoreLimits { MaxMemoryPages = 1 }), new MemoryType(new Limits(2, null))));
    }

    [Fact]
    public void TableGetSetGrow()
    {
        var table = new Table(_store, new TableType(ValueType.ExternRef, new Limits(2, 4)), Value.ExternRef("init"));
        var thing = new object();

        table.Set(1, Value.ExternRef(thing));

        Assert.Equal(2u, table.Size);
        Assert.Equal("init", table.Get(0).AsExternRef());
        Assert.Same(thing, table.Get(1).AsExternRef());
        Assert.Equal(2u, table.Grow(2, Value.Null(ValueType.ExternRef)));
        Assert.True(table.Get(3).IsNull);
        Assert.False(table.TryGrow(1, Value.Null(ValueType.ExternRef), out _));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Get(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => table.Set(4, Value.Null(ValueType.ExternRef)));
        Assert.Throws<ArgumentException>(() => table.Set(0, Value.Null(ValueType.FuncRef)));
        Assert.Throws<ArgumentException>(() => table.Set(0, Value.I32(0)));
    }

    [Fact]
    public void FuncRefTableHoldsFunctionsOfItsStore()
    {
        var table = new Table(_store, new TableType(ValueType.FuncRef, new Limits(1, null)), Value.Null(ValueType.FuncRef));
        var function = Function.FromCallback(_store, FunctionType.Empty, (_, _, _) => { });
        var foreign = Function.FromCallback(new Store(_engine), FunctionType.Empty, (_, _, _) => { });

        table.Set(0, Value.FuncRef(function));

        Assert.Same(function, table.Get(0).AsFunction());
        Assert.Throws<ArgumentException>(() => table.Set(0, Value.FuncRef(foreign)));
    }

    [Fact]
    public void GlobalValueAndMutability()
    {
        var constant = new Global(_store, new GlobalType(ValueType.F64, false), Value.F64(2.5));
        var variable = new Global(_store, new GlobalType(ValueType.V128, true), Value.V128(new V128(1, 2)));

        variable.Value = Value.V128(new V128(3, 4));

        Assert.Equal(2.5, constant.Value.AsDouble());
        Assert.Equal(new V128(3, 4), variable.Value.AsV128());
        Assert.Throws<InvalidOperationException>(() => constant.Value = Value.F64(1));
        Assert.Throws<ArgumentException>(() => variable.Value = Value.I32(1));
        Assert.Throws<ArgumentException>(() => new Global(_store, new GlobalType(ValueType.I32, false), Value.I64(1)));
    }

    [Fact]
    public void ExternTypesDescribeTheItems()
    {
        var global = new Global(_store, new GlobalType(ValueType.I32, true), Value.I32(0));
        var function = Function.FromCallback(_store, new FunctionType([ValueType.I32], []), (_, _, _) => { });

        Assert.Equal("global (mut i32)", global.ExternType.ToString());
        Assert.Equal("func [i32] -> []", function.ExternType.ToString());
        Assert.Equal(ExternalKind.Function, function.Kind);
        Assert.Same(_store, function.Store);
    }
}
