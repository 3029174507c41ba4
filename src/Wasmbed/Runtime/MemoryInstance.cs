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

    public MemoryInstance(MemoryType type, uint pageLimit = ImplementationMaxPages)
    {
        Maximum = type.Limits.Maximum;
        PageLimit = Math.Min(pageLimit, ImplementationMaxPages);
        if (type.Limits.Minimum > PageLimit)
            throw new WasmLinkException($"memory of {type.Limits.Minimum} pages exceeds the limit of {PageLimit} pages");
        Bytes = type.Limits.Minimum == 0 ? [] : new byte[(long)type.Limits.Minimum * MemoryType.PageSize];
    }

    public byte[] Bytes { get; private set; }

    public uint? Maximum { get; }

    /// <summary>The most pages this memory may ever have here: the smaller of the store's limit and what an array can hold.</summary>
    public uint PageLimit { get; }

    public uint Pages => (uint)(Bytes.Length / MemoryType.PageSize);

    public MemoryType Type => new(new Limits(Pages, Maximum));

    /// <summary>Called before each growth with (current pages, requested pages); returning false refuses it.</summary>
    public Func<uint, uint, bool>? GrowthFilter { get; set; }

    /// <summary>spec: 4.4.7 memory.grow — returns the old size in pages, or -1 when the memory cannot grow.</summary>
    public int Grow(uint deltaPages)
    {
        uint old = Pages;
        ulong wanted = (ulong)old + deltaPages;
        if (wanted > MemoryType.MaxPages || wanted > (Maximum ?? MemoryType.MaxPages) || wanted > PageLimit)
            return -1;
        if (deltaPages == 0) return (int)old;
        if (GrowthFilter is { } filter && !filter(old, (uint)wanted)) return -1;
        byte[] grown;
        try
        {
            grown = new byte[(long)wanted * MemoryType.PageSize];
        }
        catch (OutOfMemoryException)
        {
            return -1;
        }
        Buffer.BlockCopy(Bytes, 0, grown, 0, Bytes.Length);
        Bytes = grown;
        return (int)old;
    }

    /// <summary>The public wrapper, created on first use so that one memory always has one <see cref="Memory"/>.</summary>
    public Memory? Wrapper { get; set; }
}
