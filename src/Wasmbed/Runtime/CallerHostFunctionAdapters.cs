// The typed host function adapters, one per arity (0–8), with and without a result and with a leading Caller.
// All follow one pattern: read the arguments from the slots, call the delegate, write the result to slot 0.
using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

internal sealed class CallerHostAction : HostFunction
{
    private readonly Action<Caller> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        try
        {
            _function(caller);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1> : HostFunction
{
    private readonly Action<Caller, T1> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        try
        {
            _function(caller, a1);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2> : HostFunction
{
    private readonly Action<Caller, T1, T2> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        try
        {
            _function(caller, a1, a2);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2, T3> : HostFunction
{
    private readonly Action<Caller, T1, T2, T3> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2, T3> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2, T3>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        var a3 = ValueMarshal.Read<T3>(slots, ref index);
        try
        {
            _function(caller, a1, a2, a3);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2, T3, T4> : HostFunction
{
    private readonly Action<Caller, T1, T2, T3, T4> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2, T3, T4> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2, T3, T4>(Type, Name, _function);

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
            _function(caller, a1, a2, a3, a4);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2, T3, T4, T5> : HostFunction
{
    private readonly Action<Caller, T1, T2, T3, T4, T5> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2, T3, T4, T5> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2, T3, T4, T5>(Type, Name, _function);

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
            _function(caller, a1, a2, a3, a4, a5);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2, T3, T4, T5, T6> : HostFunction
{
    private readonly Action<Caller, T1, T2, T3, T4, T5, T6> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2, T3, T4, T5, T6> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2, T3, T4, T5, T6>(Type, Name, _function);

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
            _function(caller, a1, a2, a3, a4, a5, a6);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2, T3, T4, T5, T6, T7> : HostFunction
{
    private readonly Action<Caller, T1, T2, T3, T4, T5, T6, T7> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2, T3, T4, T5, T6, T7> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2, T3, T4, T5, T6, T7>(Type, Name, _function);

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
            _function(caller, a1, a2, a3, a4, a5, a6, a7);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostAction<T1, T2, T3, T4, T5, T6, T7, T8> : HostFunction
{
    private readonly Action<Caller, T1, T2, T3, T4, T5, T6, T7, T8> _function;

    public CallerHostAction(FunctionType type, string? name, Action<Caller, T1, T2, T3, T4, T5, T6, T7, T8> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostAction<T1, T2, T3, T4, T5, T6, T7, T8>(Type, Name, _function);

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
            _function(caller, a1, a2, a3, a4, a5, a6, a7, a8);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }
}

internal sealed class CallerHostFunc<TResult> : HostFunction
{
    private readonly Func<Caller, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        TResult result;
        try
        {
            result = _function(caller);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, TResult> : HostFunction
{
    private readonly Func<Caller, T1, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        TResult result;
        try
        {
            result = _function(caller, a1);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, TResult>(Type, Name, _function);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        int index = 0;
        var a1 = ValueMarshal.Read<T1>(slots, ref index);
        var a2 = ValueMarshal.Read<T2>(slots, ref index);
        TResult result;
        try
        {
            result = _function(caller, a1, a2);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, T3, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, T3, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, T3, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, T3, TResult>(Type, Name, _function);

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
            result = _function(caller, a1, a2, a3);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, T3, T4, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, T3, T4, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, T3, T4, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, T3, T4, TResult>(Type, Name, _function);

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
            result = _function(caller, a1, a2, a3, a4);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, T3, T4, T5, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, T3, T4, T5, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, T3, T4, T5, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, T3, T4, T5, TResult>(Type, Name, _function);

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
            result = _function(caller, a1, a2, a3, a4, a5);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, T3, T4, T5, T6, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, T3, T4, T5, T6, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, T3, T4, T5, T6, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, T3, T4, T5, T6, TResult>(Type, Name, _function);

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
            result = _function(caller, a1, a2, a3, a4, a5, a6);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, T3, T4, T5, T6, T7, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, T3, T4, T5, T6, T7, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, T3, T4, T5, T6, T7, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, T3, T4, T5, T6, T7, TResult>(Type, Name, _function);

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
            result = _function(caller, a1, a2, a3, a4, a5, a6, a7);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}

internal sealed class CallerHostFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult> : HostFunction
{
    private readonly Func<Caller, T1, T2, T3, T4, T5, T6, T7, T8, TResult> _function;

    public CallerHostFunc(FunctionType type, string? name, Func<Caller, T1, T2, T3, T4, T5, T6, T7, T8, TResult> function) : base(type, name)
    {
        _function = function;
    }

    public override HostFunction CopyForStore() => new CallerHostFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(Type, Name, _function);

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
            result = _function(caller, a1, a2, a3, a4, a5, a6, a7, a8);
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
        index = 0;
        ValueMarshal.Write(slots, ref index, result);
    }
}
