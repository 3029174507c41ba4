namespace Wasmbed;

/// <summary>
/// An untyped host function: reads <paramref name="arguments"/> (their types are those of the function's
/// parameters) and fills <paramref name="results"/>, which arrive holding the default value of each result type.
/// </summary>
public delegate void HostCallback(Caller caller, ReadOnlySpan<Value> arguments, Span<Value> results);
