namespace Wasmbed.Wasi;

/// <summary><c>args_*</c> and <c>environ_*</c>: the program's argv and environment as NUL-terminated UTF-8 strings.</summary>
internal static class ArgsCalls
{
    /// <summary>args_sizes_get / environ_sizes_get: the count, and the bytes all strings take with their NULs.</summary>
    public static void SizesGet(byte[][] strings, GuestMemory memory, uint countPointer, uint bufferSizePointer)
    {
        memory.WriteUInt32(countPointer, (uint)strings.Length);
        memory.WriteUInt32(bufferSizePointer, (uint)strings.Sum(s => s.Length));
    }

    /// <summary>args_get / environ_get: the strings packed into <paramref name="buffer"/>, a pointer to each in <paramref name="pointers"/>.</summary>
    public static void Get(byte[][] strings, GuestMemory memory, uint pointers, uint buffer)
    {
        // Both whole ranges are checked first, so no address below can wrap around the 32-bit space.
        memory.SliceArray(pointers, (uint)strings.Length, 4);
        memory.Slice(buffer, (uint)strings.Sum(s => s.Length));
        uint offset = buffer;
        for (int i = 0; i < strings.Length; i++)
        {
            memory.WriteUInt32(pointers + (uint)i * 4, offset);
            strings[i].CopyTo(memory.Slice(offset, (uint)strings[i].Length));
            offset += (uint)strings[i].Length;
        }
    }
}
