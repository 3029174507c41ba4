using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

/// <summary>
/// One index space of a module or function (types, funcs, tables, memories, globals, elems, datas,
/// locals): how many entries it has and which symbolic identifiers name them (spec 6.6.4 identifier context).
/// </summary>
internal sealed class IndexSpace
{
    private readonly Dictionary<string, uint> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, uint>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public IndexSpace(string kind)
    {
        Kind = kind;
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>What the entries are, for messages: "func", "local", "type" ...</summary>
    public string Kind { get; }

    public uint Count { get; private set; }

    /// <summary>Names given to entries, by index (null where an entry has no identifier).</summary>
    public List<string?> Names { get; } = [];

    /// <summary>Adds an entry; a repeated identifier is malformed (spec 6.6.4: identifiers must be unique).</summary>
    public uint Add(string? id, TokenReader reader, Token at)
    {
        uint index = Count++;
        Names.Add(id);
        if (id is not null && !_ids.TryAdd(id, index))
            throw reader.Error(at, $"duplicate {Kind} ${id}");
        return index;
    }

    /// <summary>Resolves <paramref name="id"/> (without <c>$</c>).</summary>
    public bool TryResolve(ReadOnlySpan<char> id, out uint index) => _lookup.TryGetValue(id, out index);

    public void Clear()
    {
        _ids.Clear();
        Names.Clear();
        Count = 0;
    }
}
