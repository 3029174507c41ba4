using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// A linear memory (spec 4.2.8). The bytes live in one managed array whose length is always a whole
/// number of pages; <see cref="Grow"/> replaces the array, so execution tiers reload <see cref="Bytes"/>
/// after any call that may grow memory.
/// </summary>
internal sealed class MemoryInstance
{
    /// <summary>The most pages one managed array can hold (just under 2 GiB); growth past it fails with -1.</summary>
    public const uint ImplementationMaxPages = 32767;

    /// <summary>Creates a memory of <paramref name="type"/>'s minimum size, admitted by <paramref name="resources"/> (the owning store's) when given.</summary>
    /// <exception cref="WasmLinkException">The minimum exceeds <paramref name="pageLimit"/>, the store refuses it or the host has no memory for it.</exception>
    public MemoryInstance(MemoryType type, uint pageLimit = ImplementationMaxPages, StoreResources? resources = null)
    {
        Maximum = type.Limits.Maximum;
        PageLimit = Math.Min(pageLimit, ImplementationMaxPages);
        uint minimum = type.Limits.Minimum;
        if (minimum > PageLimit)
            throw new WasmLinkException($"resource limit exceeded: memory of {minimum} pages exceeds the limit of {PageLimit} pages");
        resources?.AddMemory(minimum, Maximum);
        Resources = resources;
        try
        {
            Data = minimum == 0 ? [] : new byte[(long)minimum * MemoryType.PageSize];
        }
        catch (OutOfMemoryException)
        {
            resources?.MemoryGrowFailed(0, minimum);
            throw new WasmLinkException($"resource limit exceeded: no host memory for a memory of {minimum} pages");
        }
    }

    /// <summary>The bytes. A field, so that compiled code reads it without a call: the JIT stops inlining property
    /// getters in large functions.</summary>
    internal byte[] Data;

    public byte[] Bytes => Data;

    public uint? Maximum { get; }

    /// <summary>The most pages this memory may ever have here: the smaller of the store's limit and what an array can hold.</summary>
    public uint PageLimit { get; }

    public uint Pages => (uint)(Bytes.Length / MemoryType.PageSize);

    public MemoryType Type => new(new Limits(Pages, Maximum));

    /// <summary>The owning store's accounting, asked before each growth; null for memories outside a store.</summary>
    public StoreResources? Resources { get; }

    /// <summary>spec: 4.4.7 memory.grow — returns the old size in pages, or -1 when the memory cannot grow.</summary>
    public int Grow(uint deltaPages)
    {
        uint old = Pages;
        ulong wanted = (ulong)old + deltaPages;
        if (wanted > MemoryType.MaxPages || wanted > (Maximum ?? MemoryType.MaxPages) || wanted > PageLimit)
            return -1;
        if (deltaPages == 0) return (int)old;
        // spec: 4.4.7 memory.grow may fail for any reason the embedder chooses: the store's limits and limiter decide first.
        if (Resources is { } resources && !resources.MemoryGrowing(old, (uint)wanted, Maximum)) return -1;
        byte[] grown;
        try
        {
            grown = new byte[(long)wanted * MemoryType.PageSize];
        }
        catch (OutOfMemoryException)
        {
            // Never a host failure: WebAssembly sees an ordinary refusal.
            Resources?.MemoryGrowFailed(old, (uint)wanted);
            return -1;
        }
        Buffer.BlockCopy(Bytes, 0, grown, 0, Bytes.Length);
        Data = grown;
        return (int)old;
    }

    /// <summary>The public wrapper, created on first use so that one memory always has one <see cref="Memory"/>.</summary>
    public Memory? Wrapper { get; set; }
}
