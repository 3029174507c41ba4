using System.Text;
using Wasmbed.Device;
using Wasmbed.Device.HostApi;

namespace Wasmbed.Device.Storage;

/// <summary>
/// One app's durable state, in one <see cref="Journal"/>: the app's key-value data (what <c>kv</c> reaches,
/// through <see cref="IKeyValueStore"/>) and the manager's record of the app (active version, run state, last
/// event), kept apart. Changes made between <see cref="BeginBatch"/> and <see cref="Commit"/> reach the disk as
/// one journal batch or not at all; <see cref="Rollback"/> forgets them. Because data and record share the
/// journal, an update's state migration and the switch to the new version commit together.
/// Outside a batch each <see cref="Set"/> or <see cref="Delete"/> commits on its own.
/// </summary>
public sealed class AppStateStore : IKeyValueStore, IDisposable
{
    /// <summary>File name of the journal inside an app's directory.</summary>
    public const string JournalFileName = "state.journal";

    private readonly Dictionary<byte[], byte[]> _data = new(ByteKeyComparer.Instance);
    private readonly Dictionary<byte[], byte[]>.AlternateLookup<ReadOnlySpan<byte>> _dataLookup;
    private readonly Dictionary<string, string> _meta = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private readonly Journal _journal;
    private long _dataBytes;

    // The open batch: changes in order, and a view of the data keys it touched (null value = deleted).
    private List<JournalChange>? _batch;
    private Dictionary<byte[], byte[]?>? _batchData;
    private Dictionary<byte[], byte[]?>.AlternateLookup<ReadOnlySpan<byte>> _batchLookup;
    private Dictionary<string, string?>? _batchMeta;
    private long _batchDataBytes;

    private AppStateStore(string path, long maxDataBytes)
    {
        MaxDataBytes = maxDataBytes;
        _dataLookup = _data.GetAlternateLookup<ReadOnlySpan<byte>>();
        _journal = Journal.Open(path, Apply);
    }

    /// <summary>Opens (creating if absent) the store whose journal is at <paramref name="path"/>.</summary>
    public static AppStateStore Open(string path, long maxDataBytes = long.MaxValue) => new(path, maxDataBytes);

    /// <summary>The quota of the app's data: keys plus values, in bytes.</summary>
    public long MaxDataBytes { get; set; }

    /// <summary>Bytes of committed app data (keys plus values).</summary>
    public long DataBytes
    {
        get { lock (_lock) return _dataBytes; }
    }

    /// <summary>True while a batch is open.</summary>
    public bool InBatch
    {
        get { lock (_lock) return _batch is not null; }
    }

    // ---- IKeyValueStore (the app's data) ----

    public int Get(ReadOnlySpan<byte> key, Span<byte> destination)
    {
        lock (_lock)
        {
            byte[]? value;
            if (_batch is not null && _batchLookup.TryGetValue(key, out var pending)) value = pending;
            else value = _dataLookup.TryGetValue(key, out var committed) ? committed : null;
            if (value is null) return -1;
            if (value.Length <= destination.Length) value.CopyTo(destination);
            return value.Length;
        }
    }

    public DeviceError Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value)
    {
        lock (_lock)
        {
            long delta = key.Length + value.Length - CurrentSize(key);
            if (_dataBytes + _batchDataBytes + delta > MaxDataBytes) return DeviceError.NoSpace;
            Change(new JournalChange(JournalOperation.Put, key.ToArray(), value.ToArray()), delta);
            return DeviceError.None;
        }
    }

    public bool Delete(ReadOnlySpan<byte> key)
    {
        lock (_lock)
        {
            long size = CurrentSize(key);
            if (size == 0) return false;
            Change(new JournalChange(JournalOperation.Delete, key.ToArray(), null), -size);
            return true;
        }
    }

    /// <summary>The value of a data key as a byte array, or null (for the host and tests).</summary>
    public byte[]? Get(string key)
    {
        var bytes = Encoding.UTF8.GetBytes(key);
        int length = Get(bytes, []);
        if (length < 0) return null;
        var value = new byte[length];
        Get(bytes, value);
        return value;
    }

    /// <summary>Every committed data key (UTF-8 decoded) and its value.</summary>
    public IReadOnlyDictionary<string, byte[]> SnapshotData()
    {
        lock (_lock) return _data.ToDictionary(e => Encoding.UTF8.GetString(e.Key), e => e.Value);
    }

    // ---- the manager's record ----

    /// <summary>A value of the manager's record (seeing the open batch), or null.</summary>
    public string? GetMeta(string key)
    {
        lock (_lock)
        {
            if (_batchMeta is not null && _batchMeta.TryGetValue(key, out var pending)) return pending;
            return _meta.GetValueOrDefault(key);
        }
    }

    /// <summary>Sets (or with null removes) a value of the manager's record.</summary>
    public void SetMeta(string key, string? value)
    {
        lock (_lock)
        {
            var keyBytes = Encoding.UTF8.GetBytes(key);
            Change(value is null
                ? new JournalChange(JournalOperation.DeleteMeta, keyBytes, null)
                : new JournalChange(JournalOperation.PutMeta, keyBytes, Encoding.UTF8.GetBytes(value)), 0);
        }
    }

    // ---- batches ----

    /// <summary>Starts collecting changes into one batch.</summary>
    public void BeginBatch()
    {
        lock (_lock)
        {
            if (_batch is not null) throw new InvalidOperationException("a batch is already open");
            _batch = [];
            _batchData = new Dictionary<byte[], byte[]?>(ByteKeyComparer.Instance);
            _batchLookup = _batchData.GetAlternateLookup<ReadOnlySpan<byte>>();
            _batchMeta = new Dictionary<string, string?>(StringComparer.Ordinal);
            _batchDataBytes = 0;
        }
    }

    /// <summary>Makes the batch's changes durable (one journal append) and visible; an empty batch writes nothing.</summary>
    public void Commit()
    {
        lock (_lock)
        {
            var batch = _batch ?? throw new InvalidOperationException("no batch is open");
            if (batch.Count > 0)
            {
                _journal.Append(batch);
                Apply(batch);
            }
            EndBatch();
            CompactIfLarge();
        }
    }

    /// <summary>Forgets the batch's changes.</summary>
    public void Rollback()
    {
        lock (_lock) EndBatch();
    }

    private void EndBatch()
    {
        _batch = null;
        _batchData = null;
        _batchMeta = null;
        _batchDataBytes = 0;
    }

    private void Change(JournalChange change, long dataDelta)
    {
        if (_batch is null)
        {
            JournalChange[] single = [change];
            _journal.Append(single);
            Apply(single);
            CompactIfLarge();
            return;
        }
        _batch.Add(change);
        _batchDataBytes += dataDelta;
        switch (change.Operation)
        {
            case JournalOperation.Put: _batchData![change.Key] = change.Value; break;
            case JournalOperation.Delete: _batchData![change.Key] = null; break;
            case JournalOperation.PutMeta: _batchMeta![Encoding.UTF8.GetString(change.Key)] = Encoding.UTF8.GetString(change.Value!); break;
            case JournalOperation.DeleteMeta: _batchMeta![Encoding.UTF8.GetString(change.Key)] = null; break;
        }
    }

    /// <summary>Bytes the key and its current value (seeing the open batch) take, 0 when absent.</summary>
    private long CurrentSize(ReadOnlySpan<byte> key)
    {
        if (_batch is not null && _batchLookup.TryGetValue(key, out var pending))
            return pending is null ? 0 : key.Length + pending.Length;
        return _dataLookup.TryGetValue(key, out var committed) ? key.Length + committed.Length : 0;
    }

    private void Apply(List<JournalChange> changes) => Apply((IReadOnlyList<JournalChange>)changes);

    private void Apply(IReadOnlyList<JournalChange> changes)
    {
        foreach (var change in changes)
        {
            switch (change.Operation)
            {
                case JournalOperation.Put:
                    if (_data.TryGetValue(change.Key, out var old)) _dataBytes -= change.Key.Length + old.Length;
                    _data[change.Key] = change.Value!;
                    _dataBytes += change.Key.Length + change.Value!.Length;
                    break;
                case JournalOperation.Delete:
                    if (_data.Remove(change.Key, out var removed)) _dataBytes -= change.Key.Length + removed.Length;
                    break;
                case JournalOperation.PutMeta:
                    _meta[Encoding.UTF8.GetString(change.Key)] = Encoding.UTF8.GetString(change.Value!);
                    break;
                case JournalOperation.DeleteMeta:
                    _meta.Remove(Encoding.UTF8.GetString(change.Key));
                    break;
            }
        }
    }

    /// <summary>Rewrites the journal as one batch once it is four times the live state (and at least 64 KiB).</summary>
    private void CompactIfLarge()
    {
        long live = _dataBytes + _meta.Sum(e => e.Key.Length + e.Value.Length) + 16L * (_data.Count + _meta.Count);
        if (_journal.Length < 64 * 1024 || _journal.Length < 4 * live) return;
        var snapshot = new List<JournalChange>(_data.Count + _meta.Count);
        foreach (var (key, value) in _meta)
            snapshot.Add(new JournalChange(JournalOperation.PutMeta, Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(value)));
        foreach (var (key, value) in _data) snapshot.Add(new JournalChange(JournalOperation.Put, key, value));
        _journal.Compact(snapshot);
    }

    public void Dispose()
    {
        lock (_lock) _journal.Dispose();
    }
}
