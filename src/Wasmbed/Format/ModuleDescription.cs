namespace Wasmbed.Format;

/// <summary>An import: module and field names and the external type it expects (spec 2.5.11).</summary>
public sealed class ImportDescription
{
    public required string ModuleName { get; init; }
    public required string Name { get; init; }
    public required ExternalKind Kind { get; init; }
    /// <summary>For <see cref="ExternalKind.Function"/>: the index into the type section.</summary>
    public uint TypeIndex { get; init; }
    public TableType? Table { get; init; }
    public MemoryType? Memory { get; init; }
    public GlobalType Global { get; init; }
}

/// <summary>An export: a name and an index into the index space of its kind (spec 2.5.10).</summary>
public sealed record ExportDescription(string Name, ExternalKind Kind, uint Index);

/// <summary>
/// A constant expression (spec 3.3.10) kept as the byte range of its instructions in the module
/// binary, up to and including the final <c>end</c>. Validated by the validator, evaluated at instantiation.
/// </summary>
public readonly record struct ConstantExpression(int Offset, int Length);

/// <summary>A defined global: its type and initializer.</summary>
public sealed record GlobalDefinition(GlobalType Type, ConstantExpression Initializer);

public enum SegmentMode : byte
{
    Active,
    Passive,
    Declarative,
}

/// <summary>An element segment (spec 2.5.7). Items are constant expressions; the function-index encodings are stored as <see cref="FunctionIndices"/> instead.</summary>
public sealed class ElementSegment
{
    public required SegmentMode Mode { get; init; }
    public uint TableIndex { get; init; }
    /// <summary>The offset expression of an active segment.</summary>
    public ConstantExpression? Offset { get; init; }
    public required ValueType ElementType { get; init; }
    /// <summary>Set for the encodings that list function indices (flags 0–3).</summary>
    public uint[]? FunctionIndices { get; init; }
    /// <summary>Set for the encodings that list expressions (flags 4–7).</summary>
    public ConstantExpression[]? Expressions { get; init; }
    public int Count => FunctionIndices?.Length ?? Expressions!.Length;
    /// <summary>Byte offset of the segment in the module binary, for error messages.</summary>
    public long SourceOffset { get; init; }
}

/// <summary>A data segment (spec 2.5.8). The bytes stay in the module binary.</summary>
public sealed class DataSegment
{
    public required SegmentMode Mode { get; init; }
    public uint MemoryIndex { get; init; }
    public ConstantExpression? Offset { get; init; }
    /// <summary>Where the segment's bytes lie in the module binary.</summary>
    public required int DataOffset { get; init; }
    public required int DataLength { get; init; }
    public long SourceOffset { get; init; }
}

/// <summary>A run of locals of one type, as declared in a function body (spec 5.5.13).</summary>
public readonly record struct LocalRun(uint Count, ValueType Type);

/// <summary>A function body: its declared locals and where its instructions lie in the module binary.</summary>
public sealed class FunctionBody
{
    public required LocalRun[] Locals { get; init; }
    /// <summary>Total number of declared locals (not counting parameters); checked against a limit by the decoder.</summary>
    public required uint LocalCount { get; init; }
    /// <summary>Offset of the first instruction in the module binary.</summary>
    public required int CodeOffset { get; init; }
    /// <summary>Length of the instruction bytes, including the final <c>end</c>.</summary>
    public required int CodeLength { get; init; }
    /// <summary>Offset of the body's size field, for error messages.</summary>
    public long SourceOffset { get; init; }
}

/// <summary>A custom section: its name and where its payload lies in the module binary.</summary>
public sealed record CustomSectionDescription(string Name, int ContentOffset, int ContentLength);

/// <summary>The decoded `name` custom section (spec 7.4). Only well-formed subsections are kept.</summary>
public sealed class NameSection
{
    public string? ModuleName { get; set; }
    // Set to the maps the reader built (a subsection appears at most once): copying them entry by entry would
    // JIT-compile the dictionary enumerators at every start.
    public Dictionary<uint, string> FunctionNames { get; internal set; } = [];
    public Dictionary<uint, Dictionary<uint, string>> LocalNames { get; internal set; } = [];
}

/// <summary>
/// Everything the binary decoder read from a module, with the bytes it points into. Produced by
/// <see cref="ModuleReader"/>, checked by the validator, used by every execution tier.
/// </summary>
public sealed class ModuleDescription
{
    public required ReadOnlyMemory<byte> Bytes { get; init; }
    public List<FunctionType> Types { get; } = [];
    /// <summary>All imports in order; add them with <see cref="AddImport"/>.</summary>
    public List<ImportDescription> Imports { get; } = [];
    /// <summary>Type index of each defined (not imported) function.</summary>
    public List<uint> FunctionTypeIndices { get; } = [];
    public List<TableType> Tables { get; } = [];
    public List<MemoryType> Memories { get; } = [];
    public List<GlobalDefinition> Globals { get; } = [];
    public List<ExportDescription> Exports { get; } = [];
    public uint? StartFunction { get; set; }
    public List<ElementSegment> Elements { get; } = [];
    /// <summary>The data count section's value, when present.</summary>
    public uint? DataCount { get; set; }
    public List<FunctionBody> Codes { get; } = [];
    public List<DataSegment> Data { get; } = [];
    public List<CustomSectionDescription> CustomSections { get; } = [];
    public NameSection? Names { get; set; }

    /// <summary>Type index of each imported function, in import order (filled by the decoder beside <see cref="Imports"/>).</summary>
    public List<uint> ImportedFunctionTypeIndices { get; } = [];
    public List<TableType> ImportedTables { get; } = [];
    public List<MemoryType> ImportedMemories { get; } = [];
    public List<GlobalType> ImportedGlobals { get; } = [];

    public int ImportedFunctionCount => ImportedFunctionTypeIndices.Count;
    public int ImportedTableCount => ImportedTables.Count;
    public int ImportedMemoryCount => ImportedMemories.Count;
    public int ImportedGlobalCount => ImportedGlobals.Count;

    public int TotalFunctionCount => ImportedFunctionCount + FunctionTypeIndices.Count;
    public int TotalTableCount => ImportedTableCount + Tables.Count;
    public int TotalMemoryCount => ImportedMemoryCount + Memories.Count;
    public int TotalGlobalCount => ImportedGlobalCount + Globals.Count;

    /// <summary>Adds an import and records it in the index space of its kind.</summary>
    public void AddImport(ImportDescription import)
    {
        Imports.Add(import);
        switch (import.Kind)
        {
            case ExternalKind.Function: ImportedFunctionTypeIndices.Add(import.TypeIndex); break;
            case ExternalKind.Table: ImportedTables.Add(import.Table!); break;
            case ExternalKind.Memory: ImportedMemories.Add(import.Memory!); break;
            case ExternalKind.Global: ImportedGlobals.Add(import.Global); break;
        }
    }

    /// <summary>Type index of a function in the function index space (imports first). The index must be in range.</summary>
    public uint GetFunctionTypeIndex(uint functionIndex) =>
        functionIndex < ImportedFunctionCount
            ? ImportedFunctionTypeIndices[(int)functionIndex]
            : FunctionTypeIndices[(int)functionIndex - ImportedFunctionCount];

    public FunctionType GetFunctionType(uint functionIndex) => Types[(int)GetFunctionTypeIndex(functionIndex)];

    public TableType GetTableType(uint tableIndex) =>
        tableIndex < ImportedTableCount ? ImportedTables[(int)tableIndex] : Tables[(int)tableIndex - ImportedTableCount];

    public MemoryType GetMemoryType(uint memoryIndex) =>
        memoryIndex < ImportedMemoryCount ? ImportedMemories[(int)memoryIndex] : Memories[(int)memoryIndex - ImportedMemoryCount];

    public GlobalType GetGlobalType(uint globalIndex) =>
        globalIndex < ImportedGlobalCount ? ImportedGlobals[(int)globalIndex] : Globals[(int)globalIndex - ImportedGlobalCount].Type;

    /// <summary>The name of a function from the name section, if any.</summary>
    public string? GetFunctionName(uint functionIndex) =>
        Names is not null && Names.FunctionNames.TryGetValue(functionIndex, out var name) ? name : null;
}
