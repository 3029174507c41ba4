namespace Wasmbed.Tests.Runtime;

/// <summary>Typed host functions and typed calls move values without boxing: a warmed-up call allocates nothing.</summary>
public sealed class HostCallAllocationTests
{
    [Fact]
    public void TypedCallOfATypedHostFunctionDoesNotAllocate()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.Define("env", "mix", (int a, long b, double c, V128 d) => a + b + (long)c + (long)d.High);
        var mix = ((Function)linker.Get(store, "env", "mix")!).AsFunc<int, long, double, V128, long>();

        Assert.Equal(10, mix(1, 2, 3.0, new V128(0, 4)));
        long before = GC.GetAllocatedBytesForCurrentThread();
        long sum = 0;
        for (int i = 0; i < 1000; i++) sum += mix(i, 1, 1.0, default);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(499_500 + 2000, sum);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void RawCallbackWithFewValuesDoesNotAllocatePerCall()
    {
        var engine = new Engine();
        var store = new Store(engine);
        var type = new FunctionType([ValueType.I32, ValueType.I32], [ValueType.I32]);
        var add = Function.FromCallback(store, type, (_, args, results) => results[0] = Value.I32(args[0].AsInt32() + args[1].AsInt32()))
            .AsFunc<int, int, int>();

        Assert.Equal(3, add(1, 2));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) add(i, i);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }
}
