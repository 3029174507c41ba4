using System.Text;

namespace Wasmbed.Wasi;

/// <summary><c>fd_readdir</c>: directory entries as witx <c>dirent</c> records followed by their names.</summary>
internal static class DirectoryCalls
{
    /// <summary>witx <c>dirent</c>: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20; 24 bytes, then the name.</summary>
    private const int DirentSize = 24;

    /// <summary>
    /// Fills the buffer with entries from <paramref name="cookie"/> on. The last entry may be cut off: the spec has the
    /// guest detect a full buffer (bufused == buf_len) and read again from the last whole entry's d_next.
    /// </summary>
    public static void Readdir(WasiContext context, GuestMemory memory, int fd, uint buffer, uint length, ulong cookie, uint resultPointer)
    {
        var directory = context.Descriptors.Get<DirectoryDescriptor>(fd, Rights.FdReaddir, Errno.NotDirectory);
        var output = memory.Slice(buffer, length);
        memory.Slice(resultPointer, 4);
        var entries = directory.ReadEntries(cookie);
        Span<byte> header = stackalloc byte[DirentSize];
        int used = 0;
        ulong next = cookie;
        foreach (var entry in entries)
        {
            if (used == output.Length) break;
            next++;
            var name = Encoding.UTF8.GetBytes(entry.Name);
            header.Clear();
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header, next);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header[8..], entry.Inode);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)name.Length);
            header[20] = (byte)entry.Type;
            used += CopyPart(header, output[used..]);
            used += CopyPart(name, output[used..]);
        }
        memory.WriteUInt32(resultPointer, (uint)used);
    }

    private static int CopyPart(ReadOnlySpan<byte> source, Span<byte> destination)
    {
        int count = Math.Min(source.Length, destination.Length);
        source[..count].CopyTo(destination);
        return count;
    }
}
