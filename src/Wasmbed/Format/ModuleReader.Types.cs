namespace Wasmbed.Format;

/// <summary>The sections that declare types and entities: type, import, function, table, memory, global, export.</summary>
public static partial class ModuleReader
{
    private const byte FunctionTypeForm = 0x60;

    // Section vectors are read with ReadCount() (at least one byte per entry): entries are added one by
    // one, so a hostile count only runs the loop until the section's bytes run out, and the entry that
    // breaks gets the suite's specific error rather than a generic "length out of bounds".

    /// <summary>spec 5.5.4: vec(functype); a functype is 0x60 vec(valtype) vec(valtype).</summary>
    private static void ReadTypeSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            int at = reader.Position;
            byte form = reader.ReadByte();
            // The reference interpreter reads the form as a signed LEB128 byte, hence its wording for 0x80 and up.
            if (form != FunctionTypeForm)
                Throw.Format((form & 0x80) != 0 ? "malformed function type: integer representation too long" : "malformed function type", at);
            var parameters = ReadValueTypes(ref reader);
            var results = ReadValueTypes(ref reader);
            module.Types.Add(new FunctionType(parameters, results));
        }
    }

    private static ValueType[] ReadValueTypes(ref WasmBinaryReader reader)
    {
        int count = reader.ReadCount(minElementSize: 1);
        if (count == 0) return [];
        var types = new ValueType[count];
        for (int i = 0; i < types.Length; i++) types[i] = reader.ReadValueType();
        return types;
    }

    /// <summary>spec 5.5.5: vec(import); an import is two names and an import description.</summary>
    private static void ReadImportSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            string moduleName = reader.ReadName();
            string name = reader.ReadName();
            int kindAt = reader.Position;
            byte kind = reader.ReadByte();
            ImportDescription import = kind switch
            {
                (byte)ExternalKind.Function => new ImportDescription
                {
                    ModuleName = moduleName,
                    Name = name,
                    Kind = ExternalKind.Function,
                    TypeIndex = reader.ReadVarUInt32(),
                },
                (byte)ExternalKind.Table => new ImportDescription
                {
                    ModuleName = moduleName,
                    Name = name,
                    Kind = ExternalKind.Table,
                    Table = ReadTableType(ref reader),
                },
                (byte)ExternalKind.Memory => new ImportDescription
                {
                    ModuleName = moduleName,
                    Name = name,
                    Kind = ExternalKind.Memory,
                    Memory = new MemoryType(ReadLimits(ref reader)),
                },
                (byte)ExternalKind.Global => new ImportDescription
                {
                    ModuleName = moduleName,
                    Name = name,
                    Kind = ExternalKind.Global,
                    Global = ReadGlobalType(ref reader),
                },
                _ => throw new WasmFormatException("malformed import kind", kindAt),
            };
            module.AddImport(import);
        }
    }

    /// <summary>spec 5.5.6: vec(typeidx), one per defined function.</summary>
    private static void ReadFunctionSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount(minElementSize: 1);
        module.FunctionTypeIndices.Capacity = count;
        for (int i = 0; i < count; i++) module.FunctionTypeIndices.Add(reader.ReadVarUInt32());
    }

    /// <summary>spec 5.5.7: vec(tabletype).</summary>
    private static void ReadTableSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++) module.Tables.Add(ReadTableType(ref reader));
    }

    /// <summary>spec 5.5.8: vec(memtype).</summary>
    private static void ReadMemorySection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++) module.Memories.Add(new MemoryType(ReadLimits(ref reader)));
    }

    /// <summary>spec 5.5.9: vec(global); a global is a globaltype and its initializer expression.</summary>
    private static void ReadGlobalSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            var type = ReadGlobalType(ref reader);
            var initializer = ReadConstantExpression(ref reader);
            module.Globals.Add(new GlobalDefinition(type, initializer));
        }
    }

    /// <summary>spec 5.5.10: vec(export); an export is a name, a kind byte and an index.</summary>
    private static void ReadExportSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            string name = reader.ReadName();
            int kindAt = reader.Position;
            byte kind = reader.ReadByte();
            if (kind > (byte)ExternalKind.Global) Throw.Format("malformed export kind", kindAt);
            module.Exports.Add(new ExportDescription(name, (ExternalKind)kind, reader.ReadVarUInt32()));
        }
    }

    /// <summary>spec 5.3.9: tabletype is a reftype followed by limits.</summary>
    private static TableType ReadTableType(ref WasmBinaryReader reader)
    {
        var elementType = reader.ReadReferenceType();
        return new TableType(elementType, ReadLimits(ref reader));
    }

    /// <summary>
    /// spec 5.3.7: limits are a flag (0: min only, 1: min and max) then u32 values. The flag is a
    /// one-bit LEB128 number in the reference interpreter, hence the suite's wording: a continuation
    /// bit is "integer representation too long", any other value "integer too large".
    /// </summary>
    private static Limits ReadLimits(ref WasmBinaryReader reader)
    {
        int at = reader.Position;
        byte flag = reader.ReadByte();
        if ((flag & 0x80) != 0) Throw.Format("malformed limits flags: integer representation too long", at);
        if (flag > 1) Throw.Format("malformed limits flags: integer too large", at);
        uint minimum = reader.ReadVarUInt32();
        uint? maximum = flag == 1 ? reader.ReadVarUInt32() : null;
        return new Limits(minimum, maximum);
    }

    /// <summary>spec 5.3.10: globaltype is a valtype then a mutability byte (0 const, 1 var).</summary>
    private static GlobalType ReadGlobalType(ref WasmBinaryReader reader)
    {
        var valueType = reader.ReadValueType();
        int at = reader.Position;
        byte mutability = reader.ReadByte();
        if (mutability > 1) Throw.Format("malformed mutability", at);
        return new GlobalType(valueType, mutability == 1);
    }
}
