namespace Wasmbed.Format;

/// <summary>The code section: local declarations and the byte range of each function body.</summary>
public static partial class ModuleReader
{
    /// <summary>
    /// spec 5.5.13: vec(code); a code entry is a u32 size, then vec(locals) and the body expression.
    /// The body's instructions are not decoded here (the validator does that, once); only its framing
    /// is checked: it lies within its size and ends with <c>end</c>.
    /// </summary>
    private static void ReadCodeSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        module.Codes.Capacity = count;
        for (int i = 0; i < count; i++)
        {
            int sizeAt = reader.Position;
            uint size = reader.ReadVarUInt32();
            if (size > (uint)reader.Remaining) Throw.Format("unexpected end of section or function", sizeAt);
            int bodyEnd = reader.Position + (int)size;

            var body = new WasmBinaryReader(reader.Bytes, reader.Position, bodyEnd);
            var (locals, localCount) = ReadLocals(ref body);
            if (body.AtEnd || reader.Bytes[bodyEnd - 1] != (byte)Opcode.End)
                Throw.Format("END opcode expected", bodyEnd);

            module.Codes.Add(new FunctionBody
            {
                Locals = locals,
                LocalCount = localCount,
                CodeOffset = body.Position,
                CodeLength = bodyEnd - body.Position,
                SourceOffset = sizeAt,
            });
            reader.Skip((int)size);
        }
    }

    /// <summary>spec 5.5.13: vec(locals), a local run being a u32 count and a value type; the total must fit the limit.</summary>
    private static (LocalRun[] Runs, uint Total) ReadLocals(ref WasmBinaryReader reader)
    {
        int runCount = reader.ReadCount(minElementSize: 2);
        if (runCount == 0) return ([], 0);
        var runs = new LocalRun[runCount];
        ulong total = 0;
        for (int i = 0; i < runs.Length; i++)
        {
            int at = reader.Position;
            uint count = reader.ReadVarUInt32();
            var type = reader.ReadValueType();
            total += count;   // at most 2^32 runs of 2^32-1: no overflow in 64 bits
            if (total > MaxFunctionLocals) Throw.Format("too many locals", at);
            runs[i] = new LocalRun(count, type);
        }
        return (runs, (uint)total);
    }
}
