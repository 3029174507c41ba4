using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// What a store has allocated so far, checked against its <see cref="StoreLimits"/> and
/// <see cref="IResourceLimiter"/> before each allocation. Memories and tables hold a reference to it and ask
/// before they grow, so the rule is the same whichever tier or host call grows them.
/// </summary>
internal sealed class StoreResources
{
    private readonly StoreLimits _limits;
    private int _instances;
    private int _tables;
    private int _memories;

    public StoreResources(StoreLimits limits)
    {
        _limits = limits;
    }

    /// <summary>Bytes held by all memories of the store.</summary>
    public long MemoryBytes { get; private set; }

    /// <summary>Counts an instance of <paramref name="module"/> and its own tables and memories; throws past a limit.</summary>
    public void AddInstance(ModuleDescription module)
    {
        if (_instances >= _limits.MaxInstances)
            throw new WasmLinkException($"resource limit exceeded: the store may create at most {_limits.MaxInstances} instances");
        if (module.Tables.Count > _limits.MaxTables - _tables)
            throw new WasmLinkException($"resource limit exceeded: the store may create at most {_limits.MaxTables} tables");
        if (module.Memories.Count > _limits.MaxMemories - _memories)
            throw new WasmLinkException($"resource limit exceeded: the store may create at most {_limits.MaxMemories} memories");
        _instances++;
    }

    /// <summary>Admits a new memory of <paramref name="pages"/> pages; throws <see cref="WasmLinkException"/> when refused.</summary>
    public void AddMemory(uint pages, uint? maximum)
    {
        if (_memories >= _limits.MaxMemories)
            throw new WasmLinkException($"resource limit exceeded: the store may create at most {_limits.MaxMemories} memories");
        if (!MemoryGrowing(0, pages, maximum))
            throw new WasmLinkException($"resource limit exceeded: a memory of {pages} pages is refused by the store's limits");
        _memories++;
    }

    /// <summary>Admits a new table of <paramref name="elements"/> elements; throws <see cref="WasmLinkException"/> when refused.</summary>
    public void AddTable(uint elements, uint? maximum)
    {
        if (_tables >= _limits.MaxTables)
            throw new WasmLinkException($"resource limit exceeded: the store may create at most {_limits.MaxTables} tables");
        if (!TableGrowing(0, elements, maximum))
            throw new WasmLinkException($"resource limit exceeded: a table of {elements} elements is refused by the store's limits");
        _tables++;
    }

    /// <summary>Whether a memory may go from <paramref name="currentPages"/> to <paramref name="desiredPages"/>; if so, the bytes are counted.</summary>
    public bool MemoryGrowing(uint currentPages, uint desiredPages, uint? maximumPages)
    {
        long current = (long)currentPages * MemoryType.PageSize, desired = (long)desiredPages * MemoryType.PageSize;
        if (desired - current > _limits.MaxStoreMemoryBytes - MemoryBytes) return false;
        if (_limits.ResourceLimiter is { } limiter &&
            !limiter.MemoryGrowing(current, desired, maximumPages is { } maximum ? (long)maximum * MemoryType.PageSize : null))
            return false;
        MemoryBytes += desired - current;
        return true;
    }

    /// <summary>Gives back what <see cref="MemoryGrowing"/> counted when the allocation itself failed.</summary>
    public void MemoryGrowFailed(uint currentPages, uint desiredPages) =>
        MemoryBytes -= ((long)desiredPages - currentPages) * MemoryType.PageSize;

    /// <summary>Whether a table may go from <paramref name="current"/> to <paramref name="desired"/> elements.</summary>
    public bool TableGrowing(uint current, uint desired, uint? maximum) =>
        _limits.ResourceLimiter is not { } limiter || limiter.TableGrowing(current, desired, maximum);
}
