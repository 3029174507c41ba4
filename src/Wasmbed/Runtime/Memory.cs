using System.Runtime.InteropServices;
using System.Text;
using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// A linear memory: exported by an instance or created by the host (<see cref="Memory(Store, MemoryType)"/>).
/// Offsets are byte addresses as WebAssembly code sees them; values are read and written little-endian.
/// </summary>
/// <remarks>
/// A span from <see cref="GetSpan()"/> stays valid only until the memory grows (growth moves the bytes),
/// so get a new span after any call into WebAssembly.
/// </remarks>
public sealed class Memory : Extern
{
    private Memory(Store store, MemoryInstance inner) : base(store)
    {
        Inner = inner;
    }

    /// <summary>Creates a memory of <paramref name="type"/> in <paramref name="store"/>, within the store's <see cref="StoreLimits.MaxMemoryPages"/>.</summary>
    /// <exception cref="ArgumentException">The type is not valid (minimum above maximum or 65536 pages).</exception>
    /// <exception cref="WasmLinkException">The minimum exceeds the store's limit.</exception>
    public Memory(Store store, MemoryType type) : base(store)
    {
        ArgumentNullException.ThrowIfNull(type);
        var limits = type.Limits;
        if (limits.Minimum > MemoryType.MaxPages || limits.Maximum > MemoryType.MaxPages)
            throw new ArgumentException("memory size must be at most 65536 pages (4GiB)", nameof(type));
        if (limits.Maximum < limits.Minimum)
            throw new ArgumentException("size minimum must not be greater than maximum", nameof(type));
        Inner = new MemoryInstance(type, store.Limits.MaxMemoryPages, store.Resources) { Wrapper = this };
    }

    internal MemoryInstance Inner { get; }

    internal override object InnerObject => Inner;

    internal static Memory Wrap(Store store, MemoryInstance memory) => memory.Wrapper ??= new Memory(store, memory);

    public override ExternalKind Kind => ExternalKind.Memory;

    public override ExternType ExternType => ExternType.Of(Type);

    /// <summary>The memory's type; the minimum is the current size in pages.</summary>
    public MemoryType Type => Inner.Type;

    /// <summary>The current size in 64 KiB pages.</summary>
    public uint Pages => Inner.Pages;

    /// <summary>The current size in bytes.</summary>
    public long Length => Inner.Bytes.Length;

    /// <summary>All bytes of the memory (valid until the memory grows).</summary>
    public Span<byte> GetSpan() => Inner.Bytes;

    /// <summary><paramref name="length"/> bytes from <paramref name="offset"/> (valid until the memory grows).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the memory.</exception>
    public Span<byte> GetSpan(long offset, int length)
    {
        var bytes = Inner.Bytes;
        CheckRange(bytes, offset, length);
        return bytes.AsSpan((int)offset, length);
    }

    /// <summary>Reads a value of an unmanaged type (int, double, <see cref="V128"/>...) stored little-endian at <paramref name="offset"/>.</summary>
    public T Read<T>(long offset) where T : unmanaged
    {
        var bytes = Inner.Bytes;
        CheckRange(bytes, offset, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        // Engine refuses big-endian hosts, so the in-memory layout is already little-endian.
        return MemoryMarshal.Read<T>(bytes.AsSpan((int)offset));
    }

    /// <summary>Writes a value of an unmanaged type little-endian at <paramref name="offset"/>.</summary>
    public void Write<T>(long offset, T value) where T : unmanaged
    {
        var bytes = Inner.Bytes;
        CheckRange(bytes, offset, System.Runtime.CompilerServices.Unsafe.SizeOf<T>());
        MemoryMarshal.Write(bytes.AsSpan((int)offset), in value);
    }

    /// <summary>Decodes <paramref name="length"/> bytes of UTF-8 at <paramref name="offset"/>.</summary>
    public string ReadString(long offset, int length) => Encoding.UTF8.GetString(GetSpan(offset, length));

    /// <summary>Decodes the UTF-8 bytes at <paramref name="offset"/> up to (not including) the first zero byte.</summary>
    public string ReadNullTerminatedString(long offset)
    {
        var bytes = Inner.Bytes;
        CheckRange(bytes, offset, 0);
        var rest = bytes.AsSpan((int)offset);
        int end = rest.IndexOf((byte)0);
        if (end < 0) throw new ArgumentOutOfRangeException(nameof(offset), "no terminating zero byte before the end of memory");
        return Encoding.UTF8.GetString(rest[..end]);
    }

    /// <summary>Encodes <paramref name="value"/> as UTF-8 at <paramref name="offset"/> and returns the number of bytes written.</summary>
    public int WriteString(long offset, string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int count = Encoding.UTF8.GetByteCount(value);
        Encoding.UTF8.GetBytes(value, GetSpan(offset, count));
        return count;
    }

    /// <summary>Grows the memory by <paramref name="deltaPages"/> pages (zero-filled) and returns the previous size in pages.</summary>
    /// <exception cref="InvalidOperationException">The memory cannot grow that far (its maximum, the store's limit, or out of memory).</exception>
    public uint Grow(uint deltaPages)
    {
        if (!TryGrow(deltaPages, out uint previous))
            throw new InvalidOperationException($"the memory cannot grow from {Pages} by {deltaPages} pages");
        return previous;
    }

    /// <summary>Grows the memory like <c>memory.grow</c>; returns false, leaving it unchanged, when it cannot.</summary>
    public bool TryGrow(uint deltaPages, out uint previousPages)
    {
        int result = Inner.Grow(deltaPages);
        previousPages = result < 0 ? Pages : (uint)result;
        return result >= 0;
    }

    private static void CheckRange(byte[] bytes, long offset, int length)
    {
        if (offset < 0 || length < 0 || offset + length > bytes.Length)
            throw new ArgumentOutOfRangeException(nameof(offset), $"bytes {offset}..{offset + length} are outside the memory of {bytes.Length} bytes");
    }

    public override string ToString() => $"memory of {Pages} pages";
}
