using Wasmbed.Runtime;

namespace Wasmbed.Tests.Runtime;

/// <summary>References cross into WebAssembly as store handles and come back as the same public objects.</summary>
public sealed class ReferenceHandleTests
{
    private readonly Store _store = new(new Engine());

    [Fact]
    public void FuncRefIsTheFunctionsHandle()
    {
        var function = Function.FromCallback(_store, FunctionType.Empty, (_, _, _) => { });

        var (bits, _) = Value.FuncRef(function).ToRaw(_store);

        Assert.Equal(function.Inner.Handle, bits);
        Assert.NotEqual(0UL, bits);
        Assert.Same(function, Value.FromRaw(_store, ValueType.FuncRef, bits).AsFunction());
    }

    [Fact]
    public void ExternRefKeepsOneHandlePerObject()
    {
        var thing = new object();

        var (first, _) = Value.ExternRef(thing).ToRaw(_store);
        var (second, _) = Value.ExternRef(thing).ToRaw(_store);
        var (other, _) = Value.ExternRef(new object()).ToRaw(_store);

        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
        Assert.Same(thing, Value.FromRaw(_store, ValueType.ExternRef, first).AsExternRef());
        Assert.Equal(0UL, Value.Null(ValueType.ExternRef).ToRaw(_store).Bits);
    }

    [Fact]
    public void OneInternalObjectHasOneWrapper()
    {
        var memory = new Memory(_store, new MemoryType(new Limits(0, null)));

        Assert.Same(memory, Memory.Wrap(_store, memory.Inner));
    }
}
