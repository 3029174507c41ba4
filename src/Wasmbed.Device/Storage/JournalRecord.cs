using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Wasmbed.Device.Storage;

/// <summary>One change inside a journal batch.</summary>
internal enum JournalOperation : byte
{
    /// <summary>The app's key-value data: set a key.</summary>
    Put = 1,
    /// <summary>The app's key-value data: remove a key.</summary>
    Delete = 2,
    /// <summary>The manager's own record of the app (active version...): set a key.</summary>
    PutMeta = 3,
    /// <summary>The manager's own record: remove a key.</summary>
    DeleteMeta = 4,
}

/// <summary>One change: an operation, a key and (for puts) a value.</summary>
internal readonly record struct JournalChange(JournalOperation Operation, byte[] Key, byte[]? Value);

/// <summary>
/// Encodes and decodes journal batches. A batch on disk is <c>u32 payload length, 8 bytes of SHA-256(payload),
/// payload</c>; the payload is <c>u32 change count</c> then per change <c>u8 operation, u32 key length, key,
/// [u32 value length, value]</c> (little-endian). A batch whose length runs past the end of the file or whose
/// checksum does not match is a torn write: it and everything after it never happened.
/// </summary>
internal static class JournalRecord
{
    public const int HeaderLength = 12;

    /// <summary>Batches larger than this are corrupt by definition (a journal never writes one).</summary>
    public const int MaxPayloadLength = 256 * 1024 * 1024;

    public static byte[] Encode(IReadOnlyList<JournalChange> changes)
    {
        long length = 4;
        foreach (var change in changes) length += 1 + 4 + change.Key.Length + (change.Value is null ? 0 : 4 + change.Value.Length);
        if (length > MaxPayloadLength) throw new InvalidOperationException($"a journal batch of {length} bytes is too large");
        var record = new byte[HeaderLength + length];
        var payload = record.AsSpan(HeaderLength);
        BinaryPrimitives.WriteUInt32LittleEndian(payload, (uint)changes.Count);
        int at = 4;
        foreach (var change in changes)
        {
            payload[at++] = (byte)change.Operation;
            at = WriteBytes(payload, at, change.Key);
            if (change.Value is { } value) at = WriteBytes(payload, at, value);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)length);
        Checksum(payload).CopyTo(record.AsSpan(4));
        return record;
    }

    /// <summary>Decodes the batch at <paramref name="at"/>; false when it is torn or corrupt (the journal ends there).</summary>
    public static bool TryDecode(ReadOnlySpan<byte> bytes, ref int at, List<JournalChange> changes)
    {
        changes.Clear();
        if (bytes.Length - at < HeaderLength) return false;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);
        if (length < 4 || length > MaxPayloadLength || length > (uint)(bytes.Length - at - HeaderLength)) return false;
        var payload = bytes.Slice(at + HeaderLength, (int)length);
        if (!Checksum(payload).SequenceEqual(bytes.Slice(at + 4, 8))) return false;
        uint count = BinaryPrimitives.ReadUInt32LittleEndian(payload);
        int p = 4;
        for (uint i = 0; i < count; i++)
        {
            if (p >= payload.Length) return false;
            var operation = (JournalOperation)payload[p++];
            if (operation is not (JournalOperation.Put or JournalOperation.Delete or JournalOperation.PutMeta or JournalOperation.DeleteMeta)) return false;
            if (!TryReadBytes(payload, ref p, out var key)) return false;
            byte[]? value = null;
            if (operation is JournalOperation.Put or JournalOperation.PutMeta && !TryReadBytes(payload, ref p, out value)) return false;
            changes.Add(new JournalChange(operation, key, value));
        }
        if (p != payload.Length) return false;
        at += HeaderLength + (int)length;
        return true;
    }

    private static ReadOnlySpan<byte> Checksum(ReadOnlySpan<byte> payload) => SHA256.HashData(payload).AsSpan(0, 8);

    private static int WriteBytes(Span<byte> span, int at, byte[] bytes)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(span[at..], (uint)bytes.Length);
        bytes.CopyTo(span[(at + 4)..]);
        return at + 4 + bytes.Length;
    }

    private static bool TryReadBytes(ReadOnlySpan<byte> payload, ref int at, out byte[] bytes)
    {
        bytes = [];
        if (payload.Length - at < 4) return false;
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(payload[at..]);
        if (length > (uint)(payload.Length - at - 4)) return false;
        bytes = payload.Slice(at + 4, (int)length).ToArray();
        at += 4 + (int)length;
        return true;
    }
}
