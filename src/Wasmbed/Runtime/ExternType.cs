namespace Wasmbed;

/// <summary>
/// The type of an import or export (spec 2.3.10 external types): exactly one of <see cref="Function"/>,
/// <see cref="Table"/>, <see cref="Memory"/> and <see cref="Global"/> is set, as <see cref="Kind"/> says.
/// </summary>
public sealed class ExternType : IEquatable<ExternType>
{
    private ExternType(ExternalKind kind, FunctionType? function, TableType? table, MemoryType? memory, GlobalType? global)
    {
        Kind = kind;
        Function = function;
        Table = table;
        Memory = memory;
        Global = global;
    }

    public static ExternType Of(FunctionType type) => new(ExternalKind.Function, type, null, null, null);

    public static ExternType Of(TableType type) => new(ExternalKind.Table, null, type, null, null);

    public static ExternType Of(MemoryType type) => new(ExternalKind.Memory, null, null, type, null);

    public static ExternType Of(GlobalType type) => new(ExternalKind.Global, null, null, null, type);

    public ExternalKind Kind { get; }

    public FunctionType? Function { get; }

    public TableType? Table { get; }

    public MemoryType? Memory { get; }

    public GlobalType? Global { get; }

    public bool Equals(ExternType? other) =>
        other is not null && Kind == other.Kind && Equals(Function, other.Function) && Equals(Table, other.Table) &&
        Equals(Memory, other.Memory) && Global == other.Global;

    public override bool Equals(object? obj) => Equals(obj as ExternType);

    public override int GetHashCode() => HashCode.Combine(Kind, Function, Table, Memory, Global);

    /// <summary>For example <c>func [i32 i32] -> [i32]</c>, <c>memory 1..</c>, <c>global (mut i64)</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExternalKind.Function => $"func {Function}",
        ExternalKind.Table => Table!.ToString(),
        ExternalKind.Memory => Memory!.ToString(),
        _ => $"global {Global}",
    };
}

/// <summary>One import of a module: the names it is looked up by and the type it must have.</summary>
/// <param name="Module">The first name (the module namespace, e.g. <c>env</c>).</param>
/// <param name="Name">The second name (the field).</param>
/// <param name="Type">What the import must be.</param>
public sealed record ImportType(string Module, string Name, ExternType Type)
{
    public override string ToString() => $"\"{Module}\" \"{Name}\": {Type}";
}

/// <summary>One export of a module: its name and type.</summary>
public sealed record ExportType(string Name, ExternType Type)
{
    public override string ToString() => $"\"{Name}\": {Type}";
}
