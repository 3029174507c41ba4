using System.Runtime.CompilerServices;
using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// A function of a store: exported by an instance or created by the host. Call it with
/// <see cref="Invoke(Value[])"/>, or get a typed delegate with <c>AsFunc</c>/<c>AsAction</c> for calls that do not allocate.
/// </summary>
public sealed partial class Function : Extern
{
    private Function(Store store, FunctionInstance inner) : base(store)
    {
        Inner = inner;
    }

    internal FunctionInstance Inner { get; }

    internal override object InnerObject => Inner;

    public override ExternalKind Kind => ExternalKind.Function;

    public override ExternType ExternType => ExternType.Of(Type);

    /// <summary>The function's signature.</summary>
    public FunctionType Type => Inner.Type;

    /// <summary>The name from the module's name section or the host definition, if any.</summary>
    public string? Name => Inner.DisplayName;

    /// <summary>
    /// Creates a host function in <paramref name="store"/> that calls <paramref name="callback"/> with untyped values
    /// (any signature, including several results).
    /// </summary>
    public static Function FromCallback(Store store, FunctionType type, HostCallback callback, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        var function = new CallbackHostFunction(store.Engine.Intern(type), name, callback);
        store.Register(function);
        return Wrap(function);
    }

    /// <summary>The one public wrapper of a registered function.</summary>
    internal static Function Wrap(FunctionInstance function) =>
        function.Wrapper ??= new Function(function.Store ?? throw new InvalidOperationException("the function is not in a store"), function);

    /// <summary>Calls the function with untyped arguments and returns its results (empty when it has none).</summary>
    /// <exception cref="ArgumentException">The arguments do not match <see cref="Type"/>.</exception>
    /// <exception cref="TrapException">Execution trapped.</exception>
    public Value[] Invoke(params Value[] arguments)
    {
        var results = Type.Results.Count == 0 ? [] : new Value[Type.Results.Count];
        Invoke(arguments, results);
        return results;
    }

    /// <summary>Calls the function; <paramref name="results"/> must have room for exactly its results.</summary>
    public void Invoke(ReadOnlySpan<Value> arguments, Span<Value> results)
    {
        var type = Type;
        if (results.Length != type.Results.Count)
            throw new ArgumentException($"{Describe()} returns {type.Results.Count} results, not {results.Length}", nameof(results));
        CheckArguments(arguments);

        int slotCount = Math.Max(Inner.ParameterSlots, Inner.ResultSlots);
        Span<ulong> slots = slotCount <= 32 ? stackalloc ulong[32].Slice(0, slotCount) : new ulong[slotCount];
        int index = 0;
        foreach (var argument in arguments) argument.WriteSlots(Store, slots, ref index);
        Invocation.Call(Store, Inner, slots);
        index = 0;
        for (int i = 0; i < results.Length; i++) results[i] = Value.ReadSlots(Store, type.Results[i], slots, ref index);
    }

    /// <summary>
    /// Calls the function so that, if the store runs out of fuel, the call stops instead of failing and can be
    /// resumed once fuel is added (<see cref="ResumableCall.Resume"/>). Running out inside a host function's
    /// own call back into WebAssembly still traps, since the host's .NET frames cannot be kept.
    /// </summary>
    /// <exception cref="ArgumentException">The arguments do not match <see cref="Type"/>.</exception>
    /// <exception cref="NotSupportedException">The engine's tier is not the interpreter.</exception>
    /// <exception cref="TrapException">Execution trapped for another reason than fuel.</exception>
    public ResumableCall InvokeResumable(params Value[] arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        if (Store.Engine.Options.Tier != ExecutionTier.Interpreter)
            throw new NotSupportedException("only the interpreter can resume a call that ran out of fuel");
        CheckArguments(arguments);
        var slots = new ulong[Math.Max(Inner.ParameterSlots, Inner.ResultSlots)];
        int index = 0;
        foreach (var argument in arguments) argument.WriteSlots(Store, slots, ref index);
        if (Inner is WasmFunction wasm && wasm.Instance.IsDisposed) throw new ObjectDisposedException(nameof(Instance));
        var suspended = Invocation.WithCallBounds(Store, () => Interpreter.Executor.InvokeResumable(Store, Inner, slots));
        return new ResumableCall(this, slots, suspended);
    }

    private void CheckArguments(ReadOnlySpan<Value> arguments)
    {
        var type = Type;
        if (arguments.Length != type.Parameters.Count)
            throw new ArgumentException($"{Describe()} takes {type.Parameters.Count} arguments, not {arguments.Length}", nameof(arguments));
        for (int i = 0; i < arguments.Length; i++)
        {
            if (arguments[i].Type != type.Parameters[i])
                throw new ArgumentException($"argument {i} of {Describe()} must be {type.Parameters[i].ToText()}, not {arguments[i].Type.ToText()}", nameof(arguments));
        }
    }

    private string Describe() => Name is { } name ? $"function {name}" : "the function";

    public override string ToString() => Name is { } name ? $"func {name} {Type}" : $"func {Type}";
}

/// <summary>How a call enters a function from the host: wasm functions through the execution tier, host functions directly.</summary>
internal static class Invocation
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Call(Store store, FunctionInstance function, Span<ulong> slots)
    {
        if (store.HasCallBounds) CallWithBounds(store, function, slots);
        else CallUnbounded(store, function, slots);
    }

    /// <summary>An outermost call runs inside the store's deadline and cancellation watch; nested ones share it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CallWithBounds(Store store, FunctionInstance function, Span<ulong> slots)
    {
        if (!store.ArmCallBounds())
        {
            CallUnbounded(store, function, slots);
            return;
        }
        try
        {
            CallUnbounded(store, function, slots);
        }
        finally
        {
            store.DisarmCallBounds();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CallUnbounded(Store store, FunctionInstance function, Span<ulong> slots)
    {
        if (function is HostFunction host)
        {
            host.Invoke(new Caller(store, null), slots);
            return;
        }
        var wasm = (WasmFunction)function;
        if (wasm.Instance.IsDisposed) ThrowDisposed();
        if (store.Engine.CodeGenerator is { } generator) generator.Invoke(store, wasm, slots);
        else Interpreter.Executor.Invoke(store, function, slots);
    }

    /// <summary>Runs <paramref name="call"/> inside the store's deadline and cancellation watch, as <see cref="Call"/> does.</summary>
    internal static T WithCallBounds<T>(Store store, Func<T> call)
    {
        if (!store.HasCallBounds || !store.ArmCallBounds()) return call();
        try
        {
            return call();
        }
        finally
        {
            store.DisarmCallBounds();
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowDisposed() => throw new ObjectDisposedException(nameof(Instance));
}
