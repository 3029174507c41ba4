namespace Wasmbed;

/// <summary>
/// Something a module can import or export (spec 4.2.12 external values): a <see cref="Function"/>,
/// <see cref="Table"/>, <see cref="Memory"/> or <see cref="Global"/>. It belongs to one <see cref="Wasmbed.Store"/>.
/// </summary>
public abstract class Extern
{
    private protected Extern(Store store)
    {
        Store = store;
    }

    /// <summary>The store this item lives in.</summary>
    public Store Store { get; }

    /// <summary>Function, table, memory or global.</summary>
    public abstract ExternalKind Kind { get; }

    /// <summary>The item's current type (for tables and memories the minimum is the current size).</summary>
    public abstract ExternType ExternType { get; }

    /// <summary>The internal store object (FunctionInstance, TableInstance, MemoryInstance or GlobalInstance).</summary>
    internal abstract object InnerObject { get; }
}
