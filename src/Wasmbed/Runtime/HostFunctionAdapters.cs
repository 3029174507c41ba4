// The typed host function adapters, one per arity (0–8), with and without a result.
// All follow one pattern: read the arguments from the slots, call the delegate, write the result to slot 0.
using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

internal sealed class HostAction : HostFunction
{
    private readonly Action _function;

    public HostAction(FunctionType type, string? name, Action function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        try
        {
            _function();
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1> : HostFunction
{
    private readonly Action<T1> _function;

    public HostAction(FunctionType type, string? name, Action<T1> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        try
        {
            _function(a1);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2> : HostFunction
{
    private readonly Action<T1, T2> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        try
        {
            _function(a1, a2);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2, T3> : HostFunction
{
    private readonly Action<T1, T2, T3> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2, T3> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2, T3>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        try
        {
            _function(a1, a2, a3);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2, T3, T4> : HostFunction
{
    private readonly Action<T1, T2, T3, T4> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2, T3, T4> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2, T3, T4>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        try
        {
            _function(a1, a2, a3, a4);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2, T3, T4, T5> : HostFunction
{
    private readonly Action<T1, T2, T3, T4, T5> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2, T3, T4, T5> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2, T3, T4, T5>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        try
        {
            _function(a1, a2, a3, a4, a5);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2, T3, T4, T5, T6> : HostFunction
{
    private readonly Action<T1, T2, T3, T4, T5, T6> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2, T3, T4, T5, T6> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2, T3, T4, T5, T6>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        var a6 = ValueMarshal.Read<T6>(slots, ref index);
        try
        {
            _function(a1, a2, a3, a4, a5, a6);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2, T3, T4, T5, T6, T7> : HostFunction
{
    private readonly Action<T1, T2, T3, T4, T5, T6, T7> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2, T3, T4, T5, T6, T7> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2, T3, T4, T5, T6, T7>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        var a6 = ValueMarshal.Read<T6>(slots, ref index);
        var a7 = ValueMarshal.Read<T7>(slots, ref index);
        try
        {
            _function(a1, a2, a3, a4, a5, a6, a7);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostAction<T1, T2, T3, T4, T5, T6, T7, T8> : HostFunction
{
    private readonly Action<T1, T2, T3, T4, T5, T6, T7, T8> _function;

    public HostAction(FunctionType type, string? name, Action<T1, T2, T3, T4, T5, T6, T7, T8> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostAction<T1, T2, T3, T4, T5, T6, T7, T8>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        var a6 = ValueMarshal.Read<T6>(slots, ref index);
        var a7 = ValueMarshal.Read<T7>(slots, ref index);
        var a8 = ValueMarshal.Read<T8>(slots, ref index);
        try
        {
            _function(a1, a2, a3, a4, a5, a6, a7, a8);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class HostFunc<TResult> : HostFunction
{
    private readonly Func<TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        TResult result;
        try
        {
            result = _function();
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, TResult> : HostFunction
{
    private readonly Func<T1, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, TResult> : HostFunction
{
    private readonly Func<T1, T2, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, T3, TResult> : HostFunction
{
    private readonly Func<T1, T2, T3, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, T3, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, T3, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2, a3);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, T3, T4, TResult> : HostFunction
{
    private readonly Func<T1, T2, T3, T4, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, T3, T4, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, T3, T4, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2, a3, a4);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, T3, T4, T5, TResult> : HostFunction
{
    private readonly Func<T1, T2, T3, T4, T5, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, T3, T4, T5, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, T3, T4, T5, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2, a3, a4, a5);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, T3, T4, T5, T6, TResult> : HostFunction
{
    private readonly Func<T1, T2, T3, T4, T5, T6, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, T3, T4, T5, T6, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, T3, T4, T5, T6, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        var a6 = ValueMarshal.Read<T6>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2, a3, a4, a5, a6);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, T3, T4, T5, T6, T7, TResult> : HostFunction
{
    private readonly Func<T1, T2, T3, T4, T5, T6, T7, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, T3, T4, T5, T6, T7, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, T3, T4, T5, T6, T7, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        var a6 = ValueMarshal.Read<T6>(slots, ref index);
        var a7 = ValueMarshal.Read<T7>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2, a3, a4, a5, a6, a7);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class HostFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult> : HostFunction
{
    private readonly Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> _function;

    public HostFunc(FunctionType type, string? name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new HostFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        var a4 = ValueMarshal.Read<T4>(slots, ref index);
        var a5 = ValueMarshal.Read<T5>(slots, ref index);
        var a6 = ValueMarshal.Read<T6>(slots, ref index);
        var a7 = ValueMarshal.Read<T7>(slots, ref index);
        var a8 = ValueMarshal.Read<T8>(slots, ref index);
        TResult result;
        try
        {
            result = _function(a1, a2, a3, a4, a5, a6, a7, a8);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}
