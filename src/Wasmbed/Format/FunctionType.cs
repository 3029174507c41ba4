namespace Wasmbed;

/// <summary>A function signature: parameter and result types (spec 2.3.5). Compared structurally.</summary>
public sealed class FunctionType : IEquatable<FunctionType>
{
    public static readonly FunctionType Empty = new([], []);

    public FunctionType(ValueType[] parameters, ValueType[] results)
    {
        Parameters = parameters;
        Results = results;
    }

    public IReadOnlyList<ValueType> Parameters { get; }

    public IReadOnlyList<ValueType> Results { get; }

    public bool Equals(FunctionType? other) =>
        other is not null && Parameters.SequenceEqual(other.Parameters) && Results.SequenceEqual(other.Results);

    public override bool Equals(object? obj) => Equals(obj as FunctionType);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var p in Parameters) hash.Add(p);
        hash.Add(0xFF);
        foreach (var r in Results) hash.Add(r);
        return hash.ToHashCode();
    }

    public override string ToString() =>
        $"[{string.Join(" ", Parameters.Select(p => p.ToText()))}] -> [{string.Join(" ", Results.Select(r => r.ToText()))}]";
}
