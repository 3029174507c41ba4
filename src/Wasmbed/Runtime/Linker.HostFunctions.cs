// The typed Define overloads, one per arity (0–8), with and without a result. Those without a leading Caller
// forward to the Caller forms, so one set of adapters (CallerHostFunctionAdapters.cs) serves both.
using Wasmbed.Runtime;

namespace Wasmbed;

public sealed partial class Linker
{
    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 0 arguments and no result.</summary>
    public Linker Define(string module, string name, Action function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _) => function());
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 1 argument and no result.</summary>
    public Linker Define<T1>(string module, string name, Action<T1> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1) => function(a1));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 2 arguments and no result.</summary>
    public Linker Define<T1, T2>(string module, string name, Action<T1, T2> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2) => function(a1, a2));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 3 arguments and no result.</summary>
    public Linker Define<T1, T2, T3>(string module, string name, Action<T1, T2, T3> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3) => function(a1, a2, a3));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 4 arguments and no result.</summary>
    public Linker Define<T1, T2, T3, T4>(string module, string name, Action<T1, T2, T3, T4> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4) => function(a1, a2, a3, a4));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 5 arguments and no result.</summary>
    public Linker Define<T1, T2, T3, T4, T5>(string module, string name, Action<T1, T2, T3, T4, T5> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) => function(a1, a2, a3, a4, a5));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 6 arguments and no result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6>(string module, string name, Action<T1, T2, T3, T4, T5, T6> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) => function(a1, a2, a3, a4, a5, a6));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 7 arguments and no result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) => function(a1, a2, a3, a4, a5, a6, a7));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 8 arguments and no result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7, T8>(string module, string name, Action<T1, T2, T3, T4, T5, T6, T7, T8> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) => function(a1, a2, a3, a4, a5, a6, a7, a8));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 0 arguments and one result.</summary>
    public Linker Define<TResult>(string module, string name, Func<TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _) => function());
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 1 argument and one result.</summary>
    public Linker Define<T1, TResult>(string module, string name, Func<T1, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1) => function(a1));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 2 arguments and one result.</summary>
    public Linker Define<T1, T2, TResult>(string module, string name, Func<T1, T2, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2) => function(a1, a2));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 3 arguments and one result.</summary>
    public Linker Define<T1, T2, T3, TResult>(string module, string name, Func<T1, T2, T3, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3) => function(a1, a2, a3));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 4 arguments and one result.</summary>
    public Linker Define<T1, T2, T3, T4, TResult>(string module, string name, Func<T1, T2, T3, T4, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4) => function(a1, a2, a3, a4));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 5 arguments and one result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5) => function(a1, a2, a3, a4, a5));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 6 arguments and one result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6) => function(a1, a2, a3, a4, a5, a6));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 7 arguments and one result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7) => function(a1, a2, a3, a4, a5, a6, a7));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 8 arguments and one result.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string module, string name, Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> function)
    {
        ArgumentNullException.ThrowIfNull(function);
        return Define(module, name, (Caller _, T1 a1, T2 a2, T3 a3, T4 a4, T5 a5, T6 a6, T7 a7, T8 a8) => function(a1, a2, a3, a4, a5, a6, a7, a8));
    }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 0 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define(string module, string name, Action<Caller> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction(type, name, function), [], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 1 argument and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1>(string module, string name, Action<Caller, T1> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1>(type, name, function), [ValueMarshal.TypeOf<T1>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 2 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2>(string module, string name, Action<Caller, T1, T2> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 3 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3>(string module, string name, Action<Caller, T1, T2, T3> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2, T3>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 4 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4>(string module, string name, Action<Caller, T1, T2, T3, T4> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2, T3, T4>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 5 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5>(string module, string name, Action<Caller, T1, T2, T3, T4, T5> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2, T3, T4, T5>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 6 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6>(string module, string name, Action<Caller, T1, T2, T3, T4, T5, T6> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2, T3, T4, T5, T6>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 7 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7>(string module, string name, Action<Caller, T1, T2, T3, T4, T5, T6, T7> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2, T3, T4, T5, T6, T7>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 8 arguments and no result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7, T8>(string module, string name, Action<Caller, T1, T2, T3, T4, T5, T6, T7, T8> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostAction<T1, T2, T3, T4, T5, T6, T7, T8>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>(), ValueMarshal.TypeOf<T8>()], []);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 0 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<TResult>(string module, string name, Func<Caller, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<TResult>(type, name, function), [], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 1 argument and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, TResult>(string module, string name, Func<Caller, T1, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 2 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, TResult>(string module, string name, Func<Caller, T1, T2, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 3 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, TResult>(string module, string name, Func<Caller, T1, T2, T3, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, T3, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 4 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, TResult>(string module, string name, Func<Caller, T1, T2, T3, T4, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, T3, T4, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 5 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, TResult>(string module, string name, Func<Caller, T1, T2, T3, T4, T5, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, T3, T4, T5, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 6 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, TResult>(string module, string name, Func<Caller, T1, T2, T3, T4, T5, T6, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, T3, T4, T5, T6, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 7 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7, TResult>(string module, string name, Func<Caller, T1, T2, T3, T4, T5, T6, T7, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, T3, T4, T5, T6, T7, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>()], [ValueMarshal.TypeOf<TResult>()]);

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as a host function of 8 arguments and one result, receiving the <see cref="Caller"/> first.</summary>
    public Linker Define<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string module, string name, Func<Caller, T1, T2, T3, T4, T5, T6, T7, T8, TResult> function) =>
        DefineHostFunction(module, name, function, type => new CallerHostFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(type, name, function), [ValueMarshal.TypeOf<T1>(), ValueMarshal.TypeOf<T2>(), ValueMarshal.TypeOf<T3>(), ValueMarshal.TypeOf<T4>(), ValueMarshal.TypeOf<T5>(), ValueMarshal.TypeOf<T6>(), ValueMarshal.TypeOf<T7>(), ValueMarshal.TypeOf<T8>()], [ValueMarshal.TypeOf<TResult>()]);
}
