namespace Wasmbed.Format;

/// <summary>
/// Reads the <c>name</c> custom section (spec 7.4): the module name (subsection 0), function names (1)
/// and local names (2). Custom sections never make a module malformed, so a damaged subsection is
/// dropped and reading stops there; the subsections read before it are kept.
/// </summary>
public static class NameSectionReader
{
    private const byte ModuleNameId = 0;
    private const byte FunctionNamesId = 1;
    private const byte LocalNamesId = 2;

    /// <summary>
    /// Reads the section payload in <paramref name="bytes"/>[<paramref name="start"/>..<paramref name="end"/>).
    /// Returns the well-formed subsections, or null when not even the first one is usable.
    /// </summary>
    public static NameSection? TryRead(ReadOnlySpan<byte> bytes, int start, int end)
    {
        var names = new NameSection();
        bool any = false;
        var reader = new WasmBinaryReader(bytes, start, end);
        int lastId = -1;
        try
        {
            while (!reader.AtEnd)
            {
                byte id = reader.ReadByte();
                uint size = reader.ReadVarUInt32();
                if (size > (uint)reader.Remaining) break;
                int subsectionEnd = reader.Position + (int)size;
                // spec 7.4.1: subsections appear at most once, in increasing id order.
                if (id <= lastId) break;
                lastId = id;

                var content = new WasmBinaryReader(bytes, reader.Position, subsectionEnd);
                reader.Skip((int)size);
                switch (id)
                {
                    case ModuleNameId:
                        string moduleName = content.ReadName();
                        if (!content.AtEnd) return Result();
                        names.ModuleName = moduleName;
                        any = true;
                        break;
                    case FunctionNamesId:
                        var functionNames = ReadNameMap(ref content);
                        if (!content.AtEnd) return Result();
                        names.FunctionNames = functionNames;
                        any = true;
                        break;
                    case LocalNamesId:
                        var localNames = ReadIndirectNameMap(ref content);
                        if (!content.AtEnd) return Result();
                        names.LocalNames = localNames;
                        any = true;
                        break;
                    default:
                        // Later proposals add subsections (labels, types, ...); skipping them is allowed.
                        break;
                }
            }
        }
        catch (WasmFormatException)
        {
            // A malformed subsection is ignored (spec 7.4 allows implementations to ignore the section).
        }
        return Result();

        NameSection? Result() => any ? names : null;
    }

    /// <summary>spec 7.4.3: namemap is vec(nameassoc), indices strictly increasing.</summary>
    private static Dictionary<uint, string> ReadNameMap(ref WasmBinaryReader reader)
    {
        // Each association takes at least 2 bytes (index, empty name).
        int count = reader.ReadCount(minElementSize: 2);
        var map = new Dictionary<uint, string>(count);
        long previous = -1;
        for (int i = 0; i < count; i++)
        {
            int at = reader.Position;
            uint index = reader.ReadVarUInt32();
            if (index <= previous) Throw.Format("name map indices out of order", at);
            previous = index;
            map[index] = reader.ReadName();
        }
        return map;
    }

    /// <summary>spec 7.4.3: indirectnamemap is vec(indirectnameassoc), each an index and a namemap.</summary>
    private static Dictionary<uint, Dictionary<uint, string>> ReadIndirectNameMap(ref WasmBinaryReader reader)
    {
        int count = reader.ReadCount(minElementSize: 2);
        var map = new Dictionary<uint, Dictionary<uint, string>>(count);
        long previous = -1;
        for (int i = 0; i < count; i++)
        {
            int at = reader.Position;
            uint index = reader.ReadVarUInt32();
            if (index <= previous) Throw.Format("name map indices out of order", at);
            previous = index;
            map[index] = ReadNameMap(ref reader);
        }
        return map;
    }
}
