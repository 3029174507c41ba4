namespace Wasmbed;

/// <summary>A function signature: parameter and result types (spec 2.3.5). Compared structurally.</summary>
public sealed class FunctionType : IEquatable<FunctionType>
{
    public static readonly FunctionType Empty = new([], []);

    private readonly ValueType[] _parameters;
    private readonly ValueType[] _results;

    public FunctionType(ValueType[] parameters, ValueType[] results)
    {
        _parameters = parameters;
        _results = results;
    }

    public IReadOnlyList<ValueType> Parameters => _parameters;

    public IReadOnlyList<ValueType> Results => _results;

    // Plain loops over the arrays: LINQ or HashCode over ValueType are generic instantiations that ReadyToRun code
    // cannot hold, JIT-compiled at every start (every host function definition compares and hashes types).
    public bool Equals(FunctionType? other) =>
        other is not null && Same(_parameters, other._parameters) && Same(_results, other._results);

    public override bool Equals(object? obj) => Equals(obj as FunctionType);

    public override int GetHashCode()
    {
        int hash = _parameters.Length;
        foreach (var p in _parameters) hash = hash * 31 + (int)p;
        foreach (var r in _results) hash = hash * 31 + (int)r;
        return hash * 31 + _results.Length;
    }

    private static bool Same(ValueType[] a, ValueType[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (a[i] != b[i]) return false;
        return true;
    }

    public override string ToString() =>
        $"[{string.Join(" ", Parameters.Select(p => p.ToText()))}] -> [{string.Join(" ", Results.Select(r => r.ToText()))}]";
}
