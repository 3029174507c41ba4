namespace Wasmbed.Format;

/// <summary>
/// The binary decoder (spec chapter 5): turns module bytes into a <see cref="ModuleDescription"/>.
/// It checks everything the binary grammar demands (section order and sizes, LEB128 rules, UTF-8
/// names, the framing of function bodies) and nothing that validation (spec chapter 3) checks.
/// Function bodies and constant expressions stay as byte ranges into the input; body instructions are
/// decoded once, by the validator. Every malformed input ends in <see cref="WasmFormatException"/>.
/// </summary>
/// <remarks>
/// The section readers live beside this file, grouped by concern: <c>ModuleReader.Types.cs</c>
/// (type, import, function, table, memory, global, export, start), <c>ModuleReader.Segments.cs</c>
/// (element, data count, data, constant expressions), <c>ModuleReader.Code.cs</c> (code), and
/// <see cref="NameSectionReader"/> for the <c>name</c> custom section.
/// <para>
/// "data count section required" (spec 5.5.16: <c>memory.init</c> and <c>data.drop</c> need the data
/// count section) depends on the body instructions, which this decoder does not read. The validator
/// raises it, as a <see cref="WasmFormatException"/>, when it meets one of those instructions while
/// <see cref="ModuleDescription.DataCount"/> is null.
/// </para>
/// </remarks>
public static partial class ModuleReader
{
    /// <summary>
    /// Implementation limit on the declared locals of one function (not counting parameters). The same
    /// limit as the WebAssembly JS API (which caps locals at 50,000); it keeps frames of a single call
    /// bounded whatever the input says. Exceeding it is "too many locals", like a sum past 2^32-1.
    /// </summary>
    public const uint MaxFunctionLocals = 50_000;

    private const uint Magic = 0x6D736100;   // "\0asm" read little-endian
    private const uint Version = 1;

    /// <summary>Decodes a module binary. Throws <see cref="WasmFormatException"/> if it is malformed.</summary>
    public static ModuleDescription Read(ReadOnlyMemory<byte> bytes)
    {
        var module = new ModuleDescription { Bytes = bytes };
        var reader = new WasmBinaryReader(bytes.Span);
        ReadHeader(ref reader);

        int lastRank = 0;
        while (!reader.AtEnd)
        {
            int sectionStart = reader.Position;
            byte id = reader.ReadByte();
            if (id > (byte)SectionId.DataCount) Throw.Format("malformed section id", sectionStart);

            int sizeAt = reader.Position;
            uint size = reader.ReadVarUInt32();
            if (size > (uint)reader.Remaining) Throw.Format("length out of bounds", sizeAt);
            int contentStart = reader.Position;
            int contentEnd = contentStart + (int)size;

            var section = (SectionId)id;
            if (section != SectionId.Custom)
            {
                // spec 5.5.2: non-custom sections appear at most once, in a fixed order (data count
                // sits between element and code, so order is not the numeric id).
                int rank = Rank(section);
                if (rank <= lastRank) Throw.Format("unexpected content after last section", sectionStart);
                lastRank = rank;
            }

            var content = new WasmBinaryReader(bytes.Span, contentStart, contentEnd);
            ReadSection(section, ref content, module);
            if (!content.AtEnd) Throw.Format("section size mismatch", content.Position);
            reader.Skip((int)size);
        }

        CheckCounts(module, reader.Position);
        return module;
    }

    private static void ReadHeader(ref WasmBinaryReader reader)
    {
        // spec 5.5.16: magic "\0asm", then version 1, both as 4 raw bytes.
        if (reader.Remaining < 4) Throw.Format("unexpected end", reader.Position);
        if (reader.ReadUInt32LittleEndian() != Magic) Throw.Format("magic header not detected", 0);
        if (reader.Remaining < 4) Throw.Format("unexpected end", reader.Position);
        if (reader.ReadUInt32LittleEndian() != Version) Throw.Format("unknown binary version", 4);
    }

    private static void ReadSection(SectionId section, ref WasmBinaryReader reader, ModuleDescription module)
    {
        switch (section)
        {
            case SectionId.Custom: ReadCustomSection(ref reader, module); break;
            case SectionId.Type: ReadTypeSection(ref reader, module); break;
            case SectionId.Import: ReadImportSection(ref reader, module); break;
            case SectionId.Function: ReadFunctionSection(ref reader, module); break;
            case SectionId.Table: ReadTableSection(ref reader, module); break;
            case SectionId.Memory: ReadMemorySection(ref reader, module); break;
            case SectionId.Global: ReadGlobalSection(ref reader, module); break;
            case SectionId.Export: ReadExportSection(ref reader, module); break;
            case SectionId.Start: module.StartFunction = reader.ReadVarUInt32(); break;
            case SectionId.Element: ReadElementSection(ref reader, module); break;
            case SectionId.Code: ReadCodeSection(ref reader, module); break;
            case SectionId.Data: ReadDataSection(ref reader, module); break;
            case SectionId.DataCount: module.DataCount = reader.ReadVarUInt32(); break;
        }
    }

    /// <summary>spec 5.5.3: a name, then arbitrary bytes up to the end of the section.</summary>
    private static void ReadCustomSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        string name = reader.ReadName();
        int contentOffset = reader.Position;
        int contentLength = reader.Remaining;
        reader.Skip(contentLength);
        module.CustomSections.Add(new CustomSectionDescription(name, contentOffset, contentLength));

        // spec 7.4: only the first name section counts; its errors never make the module malformed.
        if (name == "name" && module.Names is null)
            module.Names = NameSectionReader.TryRead(module.Bytes.Span, contentOffset, contentOffset + contentLength);
    }

    /// <summary>Checks that need the whole module: the function and code sections, and data count and data, agree.</summary>
    private static void CheckCounts(ModuleDescription module, int endOffset)
    {
        // spec 5.5.16: the function section's length must equal the code section's length
        if (module.FunctionTypeIndices.Count != module.Codes.Count)
            Throw.Format("function and code section have inconsistent lengths", endOffset);
        // spec 5.5.16: when present, the data count must equal the number of data segments
        if (module.DataCount is { } dataCount && dataCount != (uint)module.Data.Count)
            Throw.Format("data count and data section have inconsistent lengths", endOffset);
    }

    /// <summary>The position of a non-custom section in the required order (spec 5.5.16).</summary>
    private static int Rank(SectionId section) => section switch
    {
        SectionId.DataCount => (int)SectionId.Element + 1,
        SectionId.Code or SectionId.Data => (int)section + 1,
        _ => (int)section,
    };

    private enum SectionId : byte
    {
        Custom = 0,
        Type = 1,
        Import = 2,
        Function = 3,
        Table = 4,
        Memory = 5,
        Global = 6,
        Export = 7,
        Start = 8,
        Element = 9,
        Code = 10,
        Data = 11,
        DataCount = 12,
    }
}
