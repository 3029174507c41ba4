namespace Wasmbed.Text.Parsing;

/// <summary>The identifier context inside one function body: its locals and the enclosing labels.</summary>
internal sealed class FunctionContext
{
    private readonly List<string?> _labels = [];

    /// <summary>Parameters then locals (spec 6.6.5: they share one index space).</summary>
    public IndexSpace Locals { get; } = new("local");

    public void Reset()
    {
        Locals.Clear();
        _labels.Clear();
    }

    public void PushLabel(string? label) => _labels.Add(label);

    public void PopLabel() => _labels.RemoveAt(_labels.Count - 1);

    public string? InnermostLabel => _labels[^1];

    /// <summary>spec 6.5.1: a label identifier denotes the relative depth of the innermost block so named.</summary>
    public bool TryResolveLabel(ReadOnlySpan<char> id, out uint depth)
    {
        for (int i = _labels.Count - 1; i >= 0; i--)
        {
            if (_labels[i] is { } label && id.SequenceEqual(label))
            {
                depth = (uint)(_labels.Count - 1 - i);
                return true;
            }
        }
        depth = 0;
        return false;
    }
}
