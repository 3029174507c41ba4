namespace Wasmbed.Compiler.Emit;

/// <summary>How WebAssembly values are represented in IL: i32 → int, i64 → long, f32 → float, f64 → double,
/// v128 → <see cref="V128"/>, references → long (the store handle; 0 is null).</summary>
internal static class ClrTypes
{
    public static Type Of(ValueType type) => type switch
    {
        ValueType.I32 => typeof(int),
        ValueType.I64 => typeof(long),
        ValueType.F32 => typeof(float),
        ValueType.F64 => typeof(double),
        ValueType.V128 => typeof(V128),
        _ => typeof(long),
    };

    /// <summary>The return type of a compiled function: its first result, or void.</summary>
    public static Type ReturnOf(FunctionType type) => type.Results.Count == 0 ? typeof(void) : Of(type.Results[0]);

    /// <summary>
    /// The parameters of a compiled function: the WebAssembly parameters, a by-reference out parameter for each
    /// result after the first, then the context and the remaining call depth. Context and depth come last so that a
    /// call site pushes them after the arguments already on the evaluation stack.
    /// </summary>
    public static Type[] ParametersOf(FunctionType type, Type context)
    {
        int results = Math.Max(type.Results.Count - 1, 0);
        var parameters = new Type[type.Parameters.Count + results + 2];
        int at = 0;
        foreach (var parameter in type.Parameters) parameters[at++] = Of(parameter);
        for (int k = 1; k < type.Results.Count; k++) parameters[at++] = Of(type.Results[k]).MakeByRefType();
        parameters[at++] = context;
        parameters[at] = typeof(int);
        return parameters;
    }

    /// <summary>Index of the context argument of a compiled function of <paramref name="type"/>.</summary>
    public static int ContextArgument(FunctionType type) => type.Parameters.Count + Math.Max(type.Results.Count - 1, 0);
}
