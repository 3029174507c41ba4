using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

/// <summary>A host function of any signature behind an untyped <see cref="HostCallback"/>.</summary>
internal sealed class CallbackHostFunction : HostFunction
{
    private readonly HostCallback _callback;

    public CallbackHostFunction(FunctionType type, string? name, HostCallback callback) : base(type, name)
    {
        _callback = callback;
    }

    public override HostFunction CopyForStore() => new CallbackHostFunction(Type, Name, _callback);

    public override void Invoke(Caller caller, Span<ulong> slots)
    {
        var type = Type;
        var store = caller.Store;
        int parameterCount = type.Parameters.Count, resultCount = type.Results.Count;
        // Small signatures use buffers on the stack so that a call does not allocate.
        var argumentBuffer = new ValueBuffer();
        var resultBuffer = new ValueBuffer();
        Span<Value> arguments = parameterCount <= ValueBuffer.Length ? argumentBuffer[..parameterCount] : new Value[parameterCount];
        Span<Value> results = resultCount <= ValueBuffer.Length ? resultBuffer[..resultCount] : new Value[resultCount];

        int index = 0;
        for (int i = 0; i < parameterCount; i++) arguments[i] = Value.ReadSlots(store, type.Parameters[i], slots, ref index);
        for (int i = 0; i < resultCount; i++) results[i] = Value.Default(type.Results[i]);

        try
        {
            _callback(caller, arguments, results);
            index = 0;
            for (int i = 0; i < resultCount; i++)
            {
                if (results[i].Type != type.Results[i])
                    throw new InvalidOperationException($"the host function returned {results[i].Type.ToText()} as result {i}, which must be {type.Results[i].ToText()}");
                results[i].WriteSlots(store, slots, ref index);
            }
        }
        catch (Exception exception) when (exception is not WasmException)
        {
            throw HostError(exception);
        }
    }

    [InlineArray(Length)]
    private struct ValueBuffer
    {
        public const int Length = 8;
        private Value _element;
    }
}
