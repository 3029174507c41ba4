namespace Wasmbed.Format;

/// <summary>Element and data segments, and the constant expressions they and globals carry.</summary>
public static partial class ModuleReader
{
    /// <summary>spec 5.5.12: the element kind byte of the function-index encodings; 0x00 is funcref.</summary>
    private const byte ElementKindFuncRef = 0x00;

    /// <summary>spec 5.5.12: vec(elem), each introduced by a u32 flag field 0–7.</summary>
    private static void ReadElementSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            int segmentStart = reader.Position;
            uint flags = reader.ReadVarUInt32();
            if (flags > 7) Throw.Format("malformed elements segment kind", segmentStart);

            // bit 0: passive or declarative (else active); bit 1: explicit table index (active) or
            // declarative (otherwise); bit 2: items are expressions rather than function indices.
            bool notActive = (flags & 1) != 0;
            bool secondBit = (flags & 2) != 0;
            bool usesExpressions = (flags & 4) != 0;
            var mode = !notActive ? SegmentMode.Active : secondBit ? SegmentMode.Declarative : SegmentMode.Passive;

            uint tableIndex = 0;
            ConstantExpression? offset = null;
            if (mode == SegmentMode.Active)
            {
                if (secondBit) tableIndex = reader.ReadVarUInt32();
                offset = ReadConstantExpression(ref reader);
            }

            // Flags 0 and 4 imply funcref; the others state the element kind (indices) or type (expressions).
            var elementType = ValueType.FuncRef;
            if (notActive || secondBit)
            {
                if (usesExpressions) elementType = reader.ReadReferenceType();
                else ReadElementKind(ref reader);
            }

            if (usesExpressions)
            {
                int itemCount = reader.ReadCount(minElementSize: 1);
                var expressions = new ConstantExpression[itemCount];
                for (int j = 0; j < expressions.Length; j++) expressions[j] = ReadConstantExpression(ref reader);
                module.Elements.Add(new ElementSegment
                {
                    Mode = mode,
                    TableIndex = tableIndex,
                    Offset = offset,
                    ElementType = elementType,
                    Expressions = expressions,
                    SourceOffset = segmentStart,
                });
            }
            else
            {
                int itemCount = reader.ReadCount(minElementSize: 1);
                var functions = new uint[itemCount];
                for (int j = 0; j < functions.Length; j++) functions[j] = reader.ReadVarUInt32();
                module.Elements.Add(new ElementSegment
                {
                    Mode = mode,
                    TableIndex = tableIndex,
                    Offset = offset,
                    ElementType = elementType,
                    FunctionIndices = functions,
                    SourceOffset = segmentStart,
                });
            }
        }
    }

    private static void ReadElementKind(ref WasmBinaryReader reader)
    {
        int at = reader.Position;
        if (reader.ReadByte() != ElementKindFuncRef) Throw.Format("malformed element kind", at);
    }

    /// <summary>spec 5.5.14: vec(data), each introduced by a u32 flag field 0–2.</summary>
    private static void ReadDataSection(ref WasmBinaryReader reader, ModuleDescription module)
    {
        int count = reader.ReadCount();
        for (int i = 0; i < count; i++)
        {
            int segmentStart = reader.Position;
            uint flags = reader.ReadVarUInt32();
            if (flags > 2) Throw.Format("malformed data segment kind", segmentStart);

            var mode = flags == 1 ? SegmentMode.Passive : SegmentMode.Active;
            uint memoryIndex = flags == 2 ? reader.ReadVarUInt32() : 0;
            ConstantExpression? offset = mode == SegmentMode.Active ? ReadConstantExpression(ref reader) : null;

            int lengthAt = reader.Position;
            uint length = reader.ReadVarUInt32();
            if (length > (uint)reader.Remaining) Throw.Format("unexpected end of section or function", lengthAt);
            int dataOffset = reader.Position;
            reader.Skip((int)length);

            module.Data.Add(new DataSegment
            {
                Mode = mode,
                MemoryIndex = memoryIndex,
                Offset = offset,
                DataOffset = dataOffset,
                DataLength = (int)length,
                SourceOffset = segmentStart,
            });
        }
    }

    /// <summary>
    /// spec 5.4.9: an expression is instructions terminated by <c>end</c>. The decoder only finds that
    /// <c>end</c> (counting nested blocks, so that a misplaced <c>block</c> does not cut the expression
    /// short); whether the instructions are constant is for the validator ("constant expression required").
    /// </summary>
    private static ConstantExpression ReadConstantExpression(ref WasmBinaryReader reader)
    {
        int start = reader.Position;
        var instructions = new InstructionReader(reader.Bytes, start, reader.End);
        int depth = 0;
        while (true)
        {
            var instruction = instructions.Read();
            switch (instruction.Opcode)
            {
                case Opcode.Block or Opcode.Loop or Opcode.If:
                    depth++;
                    break;
                case Opcode.End when depth == 0:
                    int length = instructions.Position - start;
                    reader.Skip(length);
                    return new ConstantExpression(start, length);
                case Opcode.End:
                    depth--;
                    break;
            }
        }
    }
}
