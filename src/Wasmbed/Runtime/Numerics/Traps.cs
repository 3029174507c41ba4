using System.Diagnostics.CodeAnalysis;

namespace Wasmbed.Runtime.Numerics;

/// <summary>
/// Public throwing entry points for the numeric traps, so code outside this assembly
/// (the IL compiler tier, generated code) raises exactly the same <see cref="TrapException"/>
/// as the interpreter. Kept out of line so the callers' hot paths stay small.
/// </summary>
public static class Traps
{
    /// <summary>Raises a trap with the given code.</summary>
    [DoesNotReturn]
    public static void Raise(TrapCode code) => throw new TrapException(code);

    /// <summary>spec: 4.3.2 idiv_u/idiv_s/irem_u/irem_s with a zero divisor.</summary>
    [DoesNotReturn]
    public static void IntegerDivideByZero() => throw new TrapException(TrapCode.IntegerDivideByZero);

    /// <summary>spec: 4.3.2 idiv_s of INT_MIN by -1, and trunc of a float outside the target range.</summary>
    [DoesNotReturn]
    public static void IntegerOverflow() => throw new TrapException(TrapCode.IntegerOverflow);

    /// <summary>spec: 4.3.4 trunc of a NaN.</summary>
    [DoesNotReturn]
    public static void InvalidConversionToInteger() => throw new TrapException(TrapCode.InvalidConversionToInteger);
}
