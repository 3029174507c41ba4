using Wasmbed.Device.Storage;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// A key-value store in memory, for tests and the simulated device: nothing survives the process. Lookups go
/// through a span-keyed alternate lookup, so <c>kv.get</c> does not allocate. Thread-safe.
/// </summary>
public sealed class InMemoryKeyValueStore : IKeyValueStore
{
    private readonly Dictionary<byte[], byte[]> _entries = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], byte[]>.AlternateLookup<ReadOnlySpan<byte>> _lookup;
    private readonly Lock _lock = new();
    private long _totalBytes;

    /// <summary>Creates an empty store that holds at most <paramref name="maxTotalBytes"/> bytes of keys and values.</summary>
    public InMemoryKeyValueStore(long maxTotalBytes = long.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTotalBytes);
        MaxTotalBytes = maxTotalBytes;
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<byte>>();
    }

    /// <summary>The quota: keys plus values, in bytes.</summary>
    public long MaxTotalBytes { get; }

    /// <summary>The number of keys.</summary>
    public int Count
    {
        get { lock (_lock) return _entries.Count; }
    }

    public int Get(ReadOnlySpan<byte> key, Span<byte> destination)
    {
        lock (_lock)
        {
            if (!_lookup.TryGetValue(key, out var value)) return -1;
            if (value.Length <= destination.Length) value.CopyTo(destination);
            return value.Length;
        }
    }

    public DeviceError Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        lock (_lock)
        {
            long previous = _lookup.TryGetValue(key, out var old) ? key.Length + old.Length : 0;
            long total = _totalBytes - previous + key.Length + value.Length;
            if (total > MaxTotalBytes) return DeviceError.NoSpace;
            _lookup[key] = value.ToArray();
            _totalBytes = total;
            return DeviceError.None;
        }
    }

    public bool Delete(ReadOnlySpan<byte> key)
    {
        lock (_lock)
        {
            if (!_lookup.Remove(key, out var actualKey, out var value)) return false;
            _totalBytes -= actualKey.Length + value.Length;
            return true;
        }
    }
}
