namespace Wasmbed.Format;

/// <summary>
/// Decodes instructions one at a time from a function body or constant expression (spec 5.4). Shared by
/// the decoder (to find the end of constant expressions), the validator, the translators and the
/// disassembler. Malformed encodings raise <see cref="WasmFormatException"/> with the byte offset.
/// </summary>
public ref struct InstructionReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private WasmBinaryReader _reader;

    /// <summary>Reads the instructions in <paramref name="bytes"/>[<paramref name="start"/>..<paramref name="end"/>).</summary>
    public InstructionReader(ReadOnlySpan<byte> bytes, int start, int end)
    {
        _bytes = bytes;
        _reader = new WasmBinaryReader(bytes, start, end);
    }

    public readonly int Position => _reader.Position;

    public readonly bool AtEnd => _reader.AtEnd;

    public Instruction Read()
    {
        int offset = _reader.Position;
        byte first = _reader.ReadByte();
        OpcodeInfo? info;
        if (first is 0xFC or 0xFD)
        {
            uint sub = _reader.ReadVarUInt32();
            if (!OpcodeTable.TryGet(first, sub, out info))
                Throw.Format(first == 0xFC ? "illegal opcode" : "illegal opcode", offset);
        }
        else if (!OpcodeTable.TryGet(0, first, out info))
        {
            Throw.Format("illegal opcode", offset);
        }

        var op = info.Opcode;
        switch (info.Immediate)
        {
            case ImmediateKind.None:
                return new Instruction { Opcode = op, Offset = offset };
            case ImmediateKind.BlockType:
                return new Instruction { Opcode = op, Offset = offset, Block = ReadBlockType() };
            case ImmediateKind.Label:
            case ImmediateKind.Function:
            case ImmediateKind.Local:
            case ImmediateKind.Global:
            case ImmediateKind.Table:
            case ImmediateKind.Data:
            case ImmediateKind.Elem:
                return new Instruction { Opcode = op, Offset = offset, Index = _reader.ReadVarUInt32() };
            case ImmediateKind.BrTable:
            {
                int count = _reader.ReadCount();
                int targets = _reader.Position;
                for (int i = 0; i < count; i++) _reader.ReadVarUInt32();
                uint defaultLabel = _reader.ReadVarUInt32();
                return new Instruction { Opcode = op, Offset = offset, Index = (uint)count, Index2 = defaultLabel, TargetsOffset = targets };
            }
            case ImmediateKind.CallIndirect:
            {
                uint type = _reader.ReadVarUInt32();
                uint table = _reader.ReadVarUInt32();
                return new Instruction { Opcode = op, Offset = offset, Index = type, Index2 = table };
            }
            case ImmediateKind.MemArg:
            {
                var (align, memOffset) = ReadMemArg();
                return new Instruction { Opcode = op, Offset = offset, Alignment = align, Value = memOffset };
            }
            case ImmediateKind.MemArgAndLane:
            {
                var (align, memOffset) = ReadMemArg();
                byte lane = _reader.ReadByte();
                return new Instruction { Opcode = op, Offset = offset, Alignment = align, Value = memOffset, Lane = lane };
            }
            case ImmediateKind.Memory:
                return new Instruction { Opcode = op, Offset = offset, Index = ReadZeroByte() };
            case ImmediateKind.MemoryAndMemory:
            {
                uint destination = ReadZeroByte();
                uint source = ReadZeroByte();
                return new Instruction { Opcode = op, Offset = offset, Index = destination, Index2 = source };
            }
            case ImmediateKind.DataAndMemory:
            {
                uint data = _reader.ReadVarUInt32();
                uint memory = ReadZeroByte();
                return new Instruction { Opcode = op, Offset = offset, Index = data, Index2 = memory };
            }
            case ImmediateKind.ElemAndTable:
            case ImmediateKind.TableAndTable:
            {
                uint a = _reader.ReadVarUInt32();
                uint b = _reader.ReadVarUInt32();
                return new Instruction { Opcode = op, Offset = offset, Index = a, Index2 = b };
            }
            case ImmediateKind.I32:
                return new Instruction { Opcode = op, Offset = offset, Value = (uint)_reader.ReadVarInt32() };
            case ImmediateKind.I64:
                return new Instruction { Opcode = op, Offset = offset, Value = (ulong)_reader.ReadVarInt64() };
            case ImmediateKind.F32:
                return new Instruction { Opcode = op, Offset = offset, Value = _reader.ReadUInt32LittleEndian() };
            case ImmediateKind.F64:
                return new Instruction { Opcode = op, Offset = offset, Value = _reader.ReadUInt64LittleEndian() };
            case ImmediateKind.V128:
            case ImmediateKind.Shuffle:
            {
                ulong low = _reader.ReadUInt64LittleEndian();
                ulong high = _reader.ReadUInt64LittleEndian();
                return new Instruction { Opcode = op, Offset = offset, Value = low, Value2 = high };
            }
            case ImmediateKind.Lane:
                return new Instruction { Opcode = op, Offset = offset, Lane = _reader.ReadByte() };
            case ImmediateKind.SelectTypes:
            {
                int count = _reader.ReadCount();
                ValueType first0 = default;
                for (int i = 0; i < count; i++)
                {
                    var t = _reader.ReadValueType();
                    if (i == 0) first0 = t;
                }
                return new Instruction { Opcode = op, Offset = offset, Index = (uint)count, Type = first0 };
            }
            case ImmediateKind.RefType:
                return new Instruction { Opcode = op, Offset = offset, Type = _reader.ReadReferenceType() };
            default:
                Throw.Format("illegal opcode", offset);
                return default;
        }
    }

    /// <summary>Reads the target labels of a br_table decoded by <see cref="Read"/> into <paramref name="targets"/> (length = <see cref="Instruction.Index"/>).</summary>
    public readonly void ReadBrTableTargets(in Instruction instruction, Span<uint> targets)
    {
        var reader = new WasmBinaryReader(_bytes, instruction.TargetsOffset, _reader.End);
        for (int i = 0; i < targets.Length; i++) targets[i] = reader.ReadVarUInt32();
    }

    /// <summary>Reads br_table targets without a reader at hand.</summary>
    public static void ReadBrTableTargets(ReadOnlySpan<byte> bytes, in Instruction instruction, Span<uint> targets)
    {
        var reader = new WasmBinaryReader(bytes, instruction.TargetsOffset, bytes.Length);
        for (int i = 0; i < targets.Length; i++) targets[i] = reader.ReadVarUInt32();
    }

    private BlockType ReadBlockType()
    {
        byte b = _reader.PeekByte();
        if (b == 0x40)
        {
            _reader.ReadByte();
            return BlockType.Empty;
        }
        if (WasmBinaryReader.IsValueType(b))
        {
            _reader.ReadByte();
            return new BlockType(BlockTypeKind.Value, (ValueType)b, 0);
        }
        int at = _reader.Position;
        long index = _reader.ReadVarInt33();
        if (index < 0) Throw.Format("malformed block type", at);
        return new BlockType(BlockTypeKind.TypeIndex, default, (uint)index);
    }

    private (uint Align, ulong Offset) ReadMemArg()
    {
        int at = _reader.Position;
        uint align = _reader.ReadVarUInt32();
        // An alignment exponent of 32 or more cannot describe any access: malformed, not merely invalid
        // (align.wast; smaller values above the natural alignment are the validator's concern).
        if (align >= 32) Throw.Format("malformed memop flags", at);
        uint memOffset = _reader.ReadVarUInt32();
        return (align, memOffset);
    }

    /// <summary>In WebAssembly 2.0 a memory index immediate is a single zero byte ("zero byte expected").</summary>
    private uint ReadZeroByte()
    {
        int at = _reader.Position;
        if (_reader.ReadByte() != 0) Throw.Format("zero byte expected", at);
        return 0;
    }
}
