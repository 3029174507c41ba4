// Function.AsFunc/AsAction and Instance.GetFunction/GetAction, one per arity (0–8).
using Wasmbed.Runtime;

namespace Wasmbed;

public sealed partial class Function
{
    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action AsAction() => new TypedAction(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1> AsAction<T1>() => new TypedAction<T1>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2> AsAction<T1, T2>() => new TypedAction<T1, T2>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2, T3> AsAction<T1, T2, T3>() => new TypedAction<T1, T2, T3>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2, T3, T4> AsAction<T1, T2, T3, T4>() => new TypedAction<T1, T2, T3, T4>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2, T3, T4, T5> AsAction<T1, T2, T3, T4, T5>() => new TypedAction<T1, T2, T3, T4, T5>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2, T3, T4, T5, T6> AsAction<T1, T2, T3, T4, T5, T6>() => new TypedAction<T1, T2, T3, T4, T5, T6>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7> AsAction<T1, T2, T3, T4, T5, T6, T7>() => new TypedAction<T1, T2, T3, T4, T5, T6, T7>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8> AsAction<T1, T2, T3, T4, T5, T6, T7, T8>() => new TypedAction<T1, T2, T3, T4, T5, T6, T7, T8>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<TResult> AsFunc<TResult>() => new TypedFunc<TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, TResult> AsFunc<T1, TResult>() => new TypedFunc<T1, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, TResult> AsFunc<T1, T2, TResult>() => new TypedFunc<T1, T2, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, T3, TResult> AsFunc<T1, T2, T3, TResult>() => new TypedFunc<T1, T2, T3, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, T3, T4, TResult> AsFunc<T1, T2, T3, T4, TResult>() => new TypedFunc<T1, T2, T3, T4, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, TResult> AsFunc<T1, T2, T3, T4, T5, TResult>() => new TypedFunc<T1, T2, T3, T4, T5, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, T6, TResult> AsFunc<T1, T2, T3, T4, T5, T6, TResult>() => new TypedFunc<T1, T2, T3, T4, T5, T6, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, TResult> AsFunc<T1, T2, T3, T4, T5, T6, T7, TResult>() => new TypedFunc<T1, T2, T3, T4, T5, T6, T7, TResult>(this).Invoke;

    /// <summary>This function as a typed delegate; calls through it do not allocate. Throws when the signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> AsFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>() => new TypedFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(this).Invoke;
}

public sealed partial class Instance
{
    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action GetAction(string name) => RequireFunction(name).AsAction();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1> GetAction<T1>(string name) => RequireFunction(name).AsAction<T1>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2> GetAction<T1, T2>(string name) => RequireFunction(name).AsAction<T1, T2>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2, T3> GetAction<T1, T2, T3>(string name) => RequireFunction(name).AsAction<T1, T2, T3>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2, T3, T4> GetAction<T1, T2, T3, T4>(string name) => RequireFunction(name).AsAction<T1, T2, T3, T4>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2, T3, T4, T5> GetAction<T1, T2, T3, T4, T5>(string name) => RequireFunction(name).AsAction<T1, T2, T3, T4, T5>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2, T3, T4, T5, T6> GetAction<T1, T2, T3, T4, T5, T6>(string name) => RequireFunction(name).AsAction<T1, T2, T3, T4, T5, T6>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7> GetAction<T1, T2, T3, T4, T5, T6, T7>(string name) => RequireFunction(name).AsAction<T1, T2, T3, T4, T5, T6, T7>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Action<T1, T2, T3, T4, T5, T6, T7, T8> GetAction<T1, T2, T3, T4, T5, T6, T7, T8>(string name) => RequireFunction(name).AsAction<T1, T2, T3, T4, T5, T6, T7, T8>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<TResult> GetFunction<TResult>(string name) => RequireFunction(name).AsFunc<TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, TResult> GetFunction<T1, TResult>(string name) => RequireFunction(name).AsFunc<T1, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, TResult> GetFunction<T1, T2, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, T3, TResult> GetFunction<T1, T2, T3, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, T3, T4, TResult> GetFunction<T1, T2, T3, T4, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, T4, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, TResult> GetFunction<T1, T2, T3, T4, T5, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, T4, T5, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, T6, TResult> GetFunction<T1, T2, T3, T4, T5, T6, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, T4, T5, T6, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, TResult> GetFunction<T1, T2, T3, T4, T5, T6, T7, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, T4, T5, T6, T7, TResult>();

    /// <summary>The exported function <paramref name="name"/> as a typed delegate. Throws when it is missing or its signature differs.</summary>
    public Func<T1, T2, T3, T4, T5, T6, T7, T8, TResult> GetFunction<T1, T2, T3, T4, T5, T6, T7, T8, TResult>(string name) => RequireFunction(name).AsFunc<T1, T2, T3, T4, T5, T6, T7, T8, TResult>();
}
