namespace Wasmbed.Runtime;

/// <summary>
/// The shared part of the typed call wrappers in TypedCalls.cs: checks once that the CLR signature matches the
/// function's type, and keeps what each call needs.
/// </summary>
internal abstract class TypedCall
{
    /// <summary>Enough slots for 8 v128 arguments or one v128 result; the typed wrappers never need more.</summary>
    protected const int MaxSlots = 16;

    protected TypedCall(Function function, ValueType[] parameters, ValueType[] results)
    {
        ArgumentNullException.ThrowIfNull(function);
        var expected = new FunctionType(parameters, results);
        if (!function.Type.Equals(expected))
            throw new InvalidCastException($"the function has type {function.Type}, not {expected}");
        Store = function.Store;
        Target = function.Inner;
        SlotCount = Math.Max(Target.ParameterSlots, Target.ResultSlots);
    }

    protected Store Store { get; }

    protected FunctionInstance Target { get; }

    protected int SlotCount { get; }
}
