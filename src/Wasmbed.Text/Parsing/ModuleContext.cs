using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

/// <summary>
/// Everything the fields of one module can refer to: its index spaces and identifiers, and the
/// type section, which grows as type uses without a matching explicit type are met (spec 6.6.3).
/// </summary>
internal sealed class ModuleContext
{
    private readonly Dictionary<FunctionType, uint> _firstIndexOfType = [];

    public IndexSpace Types { get; } = new("type");
    public IndexSpace Functions { get; } = new("func");
    public IndexSpace Tables { get; } = new("table");
    public IndexSpace Memories { get; } = new("memory");
    public IndexSpace Globals { get; } = new("global");
    public IndexSpace Elems { get; } = new("elem");
    public IndexSpace Datas { get; } = new("data");

    /// <summary>The type section: explicit definitions first, then implicit ones in order of use.</summary>
    public List<FunctionType> TypeList { get; } = [];

    /// <summary>Set when memory.init or data.drop occurs, which needs the data count section.</summary>
    public bool UsesDataCount { get; set; }

    public void AddExplicitType(string? id, FunctionType type, TokenReader reader, Token at)
    {
        Types.Add(id, reader, at);
        TypeList.Add(type);
        _firstIndexOfType.TryAdd(type, (uint)(TypeList.Count - 1));
    }

    /// <summary>
    /// spec 6.6.3 (abbreviation of typeuse): the first type index with this function type,
    /// or a new type definition appended to the module.
    /// </summary>
    public uint FindOrAddType(FunctionType type)
    {
        if (_firstIndexOfType.TryGetValue(type, out uint index)) return index;
        index = (uint)TypeList.Count;
        TypeList.Add(type);
        _firstIndexOfType.Add(type, index);
        return index;
    }

    public FunctionType? TryGetType(uint index) => index < TypeList.Count ? TypeList[(int)index] : null;
}
