namespace Wasmbed.Format;

/// <summary>A block's type (spec 5.4.1): empty, one result value type, or an index into the type section.</summary>
public readonly record struct BlockType(BlockTypeKind Kind, ValueType ValueType, uint TypeIndex)
{
    public static readonly BlockType Empty = new(BlockTypeKind.Empty, default, 0);
}

public enum BlockTypeKind : byte
{
    Empty,
    Value,
    TypeIndex,
}

/// <summary>
/// One decoded instruction: the opcode, where it starts, and its immediates. Which fields are meaningful
/// depends on <see cref="OpcodeInfo.Immediate"/>:
/// <list type="bullet">
/// <item>Label, Function, Local, Global, Table, Data, Elem, RefType(as ValueType in <see cref="Type"/>): <see cref="Index"/>.</item>
/// <item>CallIndirect: <see cref="Index"/> = type index, <see cref="Index2"/> = table index.</item>
/// <item>ElemAndTable: <see cref="Index"/> = elem, <see cref="Index2"/> = table. DataAndMemory: data, memory.
/// TableAndTable: destination, source. MemoryAndMemory: destination, source. Memory: <see cref="Index"/>.</item>
/// <item>MemArg: <see cref="Alignment"/> (log2) and <see cref="Value"/> = offset. MemArgAndLane: also <see cref="Lane"/>. Lane: <see cref="Lane"/>.</item>
/// <item>I32/F32: <see cref="Value"/> = the 32 bits zero-extended; I64/F64: the 64 bits; V128 and Shuffle: <see cref="Value"/> low, <see cref="Value2"/> high bytes.</item>
/// <item>BlockType: <see cref="Block"/>. BrTable: <see cref="Index"/> = target count (without the default), <see cref="Index2"/> = default label, and
/// the targets are re-read with <see cref="InstructionReader.ReadBrTableTargets"/>.</item>
/// <item>SelectTypes: <see cref="Index"/> = number of types, <see cref="Type"/> = the first.</item>
/// </list>
/// </summary>
public readonly struct Instruction
{
    public Opcode Opcode { get; init; }

    /// <summary>Absolute offset of the opcode in the module binary.</summary>
    public int Offset { get; init; }

    public uint Index { get; init; }

    public uint Index2 { get; init; }

    public ulong Value { get; init; }

    public ulong Value2 { get; init; }

    public uint Alignment { get; init; }

    public byte Lane { get; init; }

    public ValueType Type { get; init; }

    public BlockType Block { get; init; }

    /// <summary>For br_table: absolute offset of the first target label.</summary>
    public int TargetsOffset { get; init; }

    public OpcodeInfo Info => OpcodeTable.Get(Opcode);
}
