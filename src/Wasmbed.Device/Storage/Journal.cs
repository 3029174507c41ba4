namespace Wasmbed.Device.Storage;

/// <summary>
/// An append-only file of batches, each applied whole or not at all. A batch is durable once
/// <see cref="Append"/> returns (written, then fsync). On open, a torn last batch (a crash mid-write) is cut
/// off. When the file grows well past the live data, <see cref="Compact"/> rewrites it as one batch through
/// <see cref="DurableFile"/> (temporary file, fsync, rename), so the journal on disk is always either the old
/// file or the new one.
/// </summary>
internal sealed class Journal : IDisposable
{
    /// <summary>"WBJL", then version 1 (u16) and zero flags (u16).</summary>
    private static ReadOnlySpan<byte> Header => [(byte)'W', (byte)'B', (byte)'J', (byte)'L', 1, 0, 0, 0];

    private FileStream? _stream;

    private Journal(string path) => Path = path;

    public string Path { get; }

    /// <summary>Bytes in the file.</summary>
    public long Length => _stream?.Length ?? 0;

    /// <summary>
    /// Opens (creating if absent) the journal at <paramref name="path"/>, calling <paramref name="apply"/> for
    /// each intact batch in order, and cuts off a torn tail.
    /// </summary>
    public static Journal Open(string path, Action<List<JournalChange>> apply)
    {
        var journal = new Journal(path);
        byte[] bytes = File.Exists(path) ? File.ReadAllBytes(path) : [];
        int end = Header.Length;
        if (bytes.Length < Header.Length || !bytes.AsSpan(0, Header.Length).SequenceEqual(Header))
        {
            // A file shorter than its header is an interrupted creation; anything else is not ours.
            if (bytes.Length >= Header.Length)
                throw new InvalidDataException($"{path} is not a Wasmbed journal (bad header)");
            DurableFile.WriteAllBytes(path, Header);
        }
        else
        {
            var changes = new List<JournalChange>();
            while (JournalRecord.TryDecode(bytes, ref end, changes)) apply(changes);
        }
        journal._stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        if (journal._stream.Length != end)
        {
            journal._stream.SetLength(end); // the torn tail of an interrupted append
            journal._stream.Flush(flushToDisk: true);
        }
        journal._stream.Seek(0, SeekOrigin.End);
        return journal;
    }

    /// <summary>Appends one batch and makes it durable.</summary>
    public void Append(IReadOnlyList<JournalChange> changes)
    {
        var stream = _stream ?? throw new ObjectDisposedException(nameof(Journal));
        var record = JournalRecord.Encode(changes);
        long start = stream.Position;
        try
        {
            int half = record.Length / 2;
            stream.Write(record, 0, half);
            if (CrashPoints.Enabled) { stream.Flush(); CrashPoints.Reached("journal-half-written"); }
            stream.Write(record, half, record.Length - half);
            stream.Flush(flushToDisk: true);
        }
        catch
        {
            // Leave no partial batch behind a failed write (a full disk, say): later appends must follow a whole one.
            stream.SetLength(start);
            stream.Seek(start, SeekOrigin.Begin);
            throw;
        }
        CrashPoints.Reached("journal-synced");
    }

    /// <summary>Replaces the whole journal by one batch holding <paramref name="snapshot"/>.</summary>
    public void Compact(IReadOnlyList<JournalChange> snapshot)
    {
        var record = JournalRecord.Encode(snapshot);
        _stream?.Dispose();
        _stream = null;
        DurableFile.WriteAllBytes(Path, [.. Header, .. record]);
        _stream = new FileStream(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        _stream.Seek(0, SeekOrigin.End);
    }

    public void Dispose()
    {
        _stream?.Dispose();
        _stream = null;
    }
}
