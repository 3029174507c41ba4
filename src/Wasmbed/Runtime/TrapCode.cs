namespace Wasmbed;

/// <summary>Why execution trapped. The message of each code matches the spec test suite's wording.</summary>
public enum TrapCode
{
    Unreachable,
    IntegerOverflow,
    IntegerDivideByZero,
    InvalidConversionToInteger,
    MemoryOutOfBounds,
    TableOutOfBounds,
    IndirectCallTypeMismatch,
    UninitializedElement,
    UndefinedElement,
    CallStackExhausted,
    NullReference,
    /// <summary>A host function threw; the host exception is the trap's inner exception.</summary>
    HostError,
    /// <summary>The store's fuel budget ran out.</summary>
    OutOfFuel,
    /// <summary>The call was interrupted by cancellation or its deadline.</summary>
    Interrupted,
}

public static class TrapCodeExtensions
{
    /// <summary>The message used by the spec test suite's assert_trap for this code.</summary>
    public static string ToMessage(this TrapCode code) => code switch
    {
        TrapCode.Unreachable => "unreachable",
        TrapCode.IntegerOverflow => "integer overflow",
        TrapCode.IntegerDivideByZero => "integer divide by zero",
        TrapCode.InvalidConversionToInteger => "invalid conversion to integer",
        TrapCode.MemoryOutOfBounds => "out of bounds memory access",
        TrapCode.TableOutOfBounds => "out of bounds table access",
        TrapCode.IndirectCallTypeMismatch => "indirect call type mismatch",
        TrapCode.UninitializedElement => "uninitialized element",
        TrapCode.UndefinedElement => "undefined element",
        TrapCode.CallStackExhausted => "call stack exhausted",
        TrapCode.NullReference => "null reference",
        TrapCode.HostError => "host function error",
        TrapCode.OutOfFuel => "out of fuel",
        TrapCode.Interrupted => "interrupted",
        _ => code.ToString(),
    };
}
