using System.Diagnostics.CodeAnalysis;

namespace Wasmbed.Format;

/// <summary>The kind of immediate operand that follows an opcode in the binary and text formats.</summary>
public enum ImmediateKind : byte
{
    None,
    /// <summary>blocktype: empty (0x40), a value type, or a type index (s33).</summary>
    BlockType,
    /// <summary>labelidx.</summary>
    Label,
    /// <summary>vec(labelidx) then a default labelidx.</summary>
    BrTable,
    /// <summary>funcidx.</summary>
    Function,
    /// <summary>typeidx then tableidx.</summary>
    CallIndirect,
    /// <summary>localidx.</summary>
    Local,
    /// <summary>globalidx.</summary>
    Global,
    /// <summary>tableidx.</summary>
    Table,
    /// <summary>memarg: align (u32, log2) then offset (u32).</summary>
    MemArg,
    /// <summary>memidx: a single 0x00 byte in WebAssembly 2.0.</summary>
    Memory,
    I32,
    I64,
    F32,
    F64,
    /// <summary>16 raw bytes.</summary>
    V128,
    /// <summary>vec(valtype) for the typed <c>select</c> (0x1C).</summary>
    SelectTypes,
    /// <summary>reftype for <c>ref.null</c>.</summary>
    RefType,
    /// <summary><c>table.init</c>: elemidx then tableidx.</summary>
    ElemAndTable,
    /// <summary><c>memory.init</c>: dataidx then memidx (0x00).</summary>
    DataAndMemory,
    /// <summary><c>data.drop</c>: dataidx.</summary>
    Data,
    /// <summary><c>elem.drop</c>: elemidx.</summary>
    Elem,
    /// <summary><c>table.copy</c>: destination tableidx then source tableidx.</summary>
    TableAndTable,
    /// <summary><c>memory.copy</c>: two memidx bytes (0x00 0x00).</summary>
    MemoryAndMemory,
    /// <summary>memarg then a lane index byte (<c>v128.load8_lane</c> ...).</summary>
    MemArgAndLane,
    /// <summary>a lane index byte.</summary>
    Lane,
    /// <summary>16 lane index bytes for <c>i8x16.shuffle</c>.</summary>
    Shuffle,
}

/// <summary>What one opcode is: its mnemonic, immediate, and (for fixed-signature instructions) its stack signature.</summary>
public sealed class OpcodeInfo
{
    internal OpcodeInfo(Opcode opcode, string name, ImmediateKind immediate, ValueType[]? inputs, ValueType[]? outputs, int naturalAlignment)
    {
        Opcode = opcode;
        Name = name;
        Immediate = immediate;
        Inputs = inputs;
        Outputs = outputs;
        NaturalAlignment = naturalAlignment;
    }

    public Opcode Opcode { get; }

    /// <summary>The text-format mnemonic, e.g. <c>i32.add</c>. Both 0x1B and 0x1C are <c>select</c>.</summary>
    public string Name { get; }

    public ImmediateKind Immediate { get; }

    /// <summary>Operand types popped, bottom first; null for instructions the validator types by their own rule (control, variables, references, tables, drop, select).</summary>
    public IReadOnlyList<ValueType>? Inputs { get; }

    /// <summary>Result types pushed; null exactly when <see cref="Inputs"/> is.</summary>
    public IReadOnlyList<ValueType>? Outputs { get; }

    /// <summary>log2 of the access width in bytes for memory instructions (the largest valid <c>align</c>), otherwise -1.</summary>
    public int NaturalAlignment { get; }

    /// <summary>0 for single-byte opcodes, otherwise the prefix byte (0xFC or 0xFD).</summary>
    public int Prefix => (int)Opcode >> 12;

    /// <summary>The byte for single-byte opcodes, otherwise the LEB128 subcode after the prefix.</summary>
    public int Subcode => (int)Opcode & 0xFFF;

    public override string ToString() => Name;
}

/// <summary>
/// The one description of the instruction set (STYLE habit 1). Decoder, validator, text parser,
/// translators and disassembler all read opcode facts from here.
/// </summary>
public static class OpcodeTable
{
    private static readonly OpcodeInfo[] Entries =
    [
        new(Opcode.Unreachable, "unreachable", ImmediateKind.None, null, null, -1),
        new(Opcode.Nop, "nop", ImmediateKind.None, null, null, -1),
        new(Opcode.Block, "block", ImmediateKind.BlockType, null, null, -1),
        new(Opcode.Loop, "loop", ImmediateKind.BlockType, null, null, -1),
        new(Opcode.If, "if", ImmediateKind.BlockType, null, null, -1),
        new(Opcode.Else, "else", ImmediateKind.None, null, null, -1),
        new(Opcode.End, "end", ImmediateKind.None, null, null, -1),
        new(Opcode.Br, "br", ImmediateKind.Label, null, null, -1),
        new(Opcode.BrIf, "br_if", ImmediateKind.Label, null, null, -1),
        new(Opcode.BrTable, "br_table", ImmediateKind.BrTable, null, null, -1),
        new(Opcode.Return, "return", ImmediateKind.None, null, null, -1),
        new(Opcode.Call, "call", ImmediateKind.Function, null, null, -1),
        new(Opcode.CallIndirect, "call_indirect", ImmediateKind.CallIndirect, null, null, -1),
        new(Opcode.Drop, "drop", ImmediateKind.None, null, null, -1),
        new(Opcode.Select, "select", ImmediateKind.None, null, null, -1),
        new(Opcode.SelectTyped, "select", ImmediateKind.SelectTypes, null, null, -1),
        new(Opcode.LocalGet, "local.get", ImmediateKind.Local, null, null, -1),
        new(Opcode.LocalSet, "local.set", ImmediateKind.Local, null, null, -1),
        new(Opcode.LocalTee, "local.tee", ImmediateKind.Local, null, null, -1),
        new(Opcode.GlobalGet, "global.get", ImmediateKind.Global, null, null, -1),
        new(Opcode.GlobalSet, "global.set", ImmediateKind.Global, null, null, -1),
        new(Opcode.TableGet, "table.get", ImmediateKind.Table, null, null, -1),
        new(Opcode.TableSet, "table.set", ImmediateKind.Table, null, null, -1),
        new(Opcode.I32Load, "i32.load", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I32], 2),
        new(Opcode.I64Load, "i64.load", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 3),
        new(Opcode.F32Load, "f32.load", ImmediateKind.MemArg, [ValueType.I32], [ValueType.F32], 2),
        new(Opcode.F64Load, "f64.load", ImmediateKind.MemArg, [ValueType.I32], [ValueType.F64], 3),
        new(Opcode.I32Load8S, "i32.load8_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I32], 0),
        new(Opcode.I32Load8U, "i32.load8_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I32], 0),
        new(Opcode.I32Load16S, "i32.load16_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I32], 1),
        new(Opcode.I32Load16U, "i32.load16_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I32], 1),
        new(Opcode.I64Load8S, "i64.load8_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 0),
        new(Opcode.I64Load8U, "i64.load8_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 0),
        new(Opcode.I64Load16S, "i64.load16_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 1),
        new(Opcode.I64Load16U, "i64.load16_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 1),
        new(Opcode.I64Load32S, "i64.load32_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 2),
        new(Opcode.I64Load32U, "i64.load32_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.I64], 2),
        new(Opcode.I32Store, "i32.store", ImmediateKind.MemArg, [ValueType.I32, ValueType.I32], [], 2),
        new(Opcode.I64Store, "i64.store", ImmediateKind.MemArg, [ValueType.I32, ValueType.I64], [], 3),
        new(Opcode.F32Store, "f32.store", ImmediateKind.MemArg, [ValueType.I32, ValueType.F32], [], 2),
        new(Opcode.F64Store, "f64.store", ImmediateKind.MemArg, [ValueType.I32, ValueType.F64], [], 3),
        new(Opcode.I32Store8, "i32.store8", ImmediateKind.MemArg, [ValueType.I32, ValueType.I32], [], 0),
        new(Opcode.I32Store16, "i32.store16", ImmediateKind.MemArg, [ValueType.I32, ValueType.I32], [], 1),
        new(Opcode.I64Store8, "i64.store8", ImmediateKind.MemArg, [ValueType.I32, ValueType.I64], [], 0),
        new(Opcode.I64Store16, "i64.store16", ImmediateKind.MemArg, [ValueType.I32, ValueType.I64], [], 1),
        new(Opcode.I64Store32, "i64.store32", ImmediateKind.MemArg, [ValueType.I32, ValueType.I64], [], 2),
        new(Opcode.MemorySize, "memory.size", ImmediateKind.Memory, [], [ValueType.I32], -1),
        new(Opcode.MemoryGrow, "memory.grow", ImmediateKind.Memory, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Const, "i32.const", ImmediateKind.I32, [], [ValueType.I32], -1),
        new(Opcode.I64Const, "i64.const", ImmediateKind.I64, [], [ValueType.I64], -1),
        new(Opcode.F32Const, "f32.const", ImmediateKind.F32, [], [ValueType.F32], -1),
        new(Opcode.F64Const, "f64.const", ImmediateKind.F64, [], [ValueType.F64], -1),
        new(Opcode.I32Eqz, "i32.eqz", ImmediateKind.None, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Eq, "i32.eq", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Ne, "i32.ne", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32LtS, "i32.lt_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32LtU, "i32.lt_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32GtS, "i32.gt_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32GtU, "i32.gt_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32LeS, "i32.le_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32LeU, "i32.le_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32GeS, "i32.ge_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32GeU, "i32.ge_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I64Eqz, "i64.eqz", ImmediateKind.None, [ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64Eq, "i64.eq", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64Ne, "i64.ne", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64LtS, "i64.lt_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64LtU, "i64.lt_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64GtS, "i64.gt_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64GtU, "i64.gt_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64LeS, "i64.le_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64LeU, "i64.le_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64GeS, "i64.ge_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I64GeU, "i64.ge_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I32], -1),
        new(Opcode.F32Eq, "f32.eq", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.I32], -1),
        new(Opcode.F32Ne, "f32.ne", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.I32], -1),
        new(Opcode.F32Lt, "f32.lt", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.I32], -1),
        new(Opcode.F32Gt, "f32.gt", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.I32], -1),
        new(Opcode.F32Le, "f32.le", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.I32], -1),
        new(Opcode.F32Ge, "f32.ge", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.I32], -1),
        new(Opcode.F64Eq, "f64.eq", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.I32], -1),
        new(Opcode.F64Ne, "f64.ne", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.I32], -1),
        new(Opcode.F64Lt, "f64.lt", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.I32], -1),
        new(Opcode.F64Gt, "f64.gt", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.I32], -1),
        new(Opcode.F64Le, "f64.le", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.I32], -1),
        new(Opcode.F64Ge, "f64.ge", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.I32], -1),
        new(Opcode.I32Clz, "i32.clz", ImmediateKind.None, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Ctz, "i32.ctz", ImmediateKind.None, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Popcnt, "i32.popcnt", ImmediateKind.None, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Add, "i32.add", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Sub, "i32.sub", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Mul, "i32.mul", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32DivS, "i32.div_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32DivU, "i32.div_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32RemS, "i32.rem_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32RemU, "i32.rem_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32And, "i32.and", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Or, "i32.or", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Xor, "i32.xor", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Shl, "i32.shl", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32ShrS, "i32.shr_s", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32ShrU, "i32.shr_u", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Rotl, "i32.rotl", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Rotr, "i32.rotr", ImmediateKind.None, [ValueType.I32, ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I64Clz, "i64.clz", ImmediateKind.None, [ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Ctz, "i64.ctz", ImmediateKind.None, [ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Popcnt, "i64.popcnt", ImmediateKind.None, [ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Add, "i64.add", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Sub, "i64.sub", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Mul, "i64.mul", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64DivS, "i64.div_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64DivU, "i64.div_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64RemS, "i64.rem_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64RemU, "i64.rem_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64And, "i64.and", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Or, "i64.or", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Xor, "i64.xor", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Shl, "i64.shl", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64ShrS, "i64.shr_s", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64ShrU, "i64.shr_u", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Rotl, "i64.rotl", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Rotr, "i64.rotr", ImmediateKind.None, [ValueType.I64, ValueType.I64], [ValueType.I64], -1),
        new(Opcode.F32Abs, "f32.abs", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Neg, "f32.neg", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Ceil, "f32.ceil", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Floor, "f32.floor", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Trunc, "f32.trunc", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Nearest, "f32.nearest", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Sqrt, "f32.sqrt", ImmediateKind.None, [ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Add, "f32.add", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Sub, "f32.sub", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Mul, "f32.mul", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Div, "f32.div", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Min, "f32.min", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Max, "f32.max", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F32Copysign, "f32.copysign", ImmediateKind.None, [ValueType.F32, ValueType.F32], [ValueType.F32], -1),
        new(Opcode.F64Abs, "f64.abs", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Neg, "f64.neg", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Ceil, "f64.ceil", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Floor, "f64.floor", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Trunc, "f64.trunc", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Nearest, "f64.nearest", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Sqrt, "f64.sqrt", ImmediateKind.None, [ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Add, "f64.add", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Sub, "f64.sub", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Mul, "f64.mul", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Div, "f64.div", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Min, "f64.min", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Max, "f64.max", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.F64Copysign, "f64.copysign", ImmediateKind.None, [ValueType.F64, ValueType.F64], [ValueType.F64], -1),
        new(Opcode.I32WrapI64, "i32.wrap_i64", ImmediateKind.None, [ValueType.I64], [ValueType.I32], -1),
        new(Opcode.I32TruncF32S, "i32.trunc_f32_s", ImmediateKind.None, [ValueType.F32], [ValueType.I32], -1),
        new(Opcode.I32TruncF32U, "i32.trunc_f32_u", ImmediateKind.None, [ValueType.F32], [ValueType.I32], -1),
        new(Opcode.I32TruncF64S, "i32.trunc_f64_s", ImmediateKind.None, [ValueType.F64], [ValueType.I32], -1),
        new(Opcode.I32TruncF64U, "i32.trunc_f64_u", ImmediateKind.None, [ValueType.F64], [ValueType.I32], -1),
        new(Opcode.I64ExtendI32S, "i64.extend_i32_s", ImmediateKind.None, [ValueType.I32], [ValueType.I64], -1),
        new(Opcode.I64ExtendI32U, "i64.extend_i32_u", ImmediateKind.None, [ValueType.I32], [ValueType.I64], -1),
        new(Opcode.I64TruncF32S, "i64.trunc_f32_s", ImmediateKind.None, [ValueType.F32], [ValueType.I64], -1),
        new(Opcode.I64TruncF32U, "i64.trunc_f32_u", ImmediateKind.None, [ValueType.F32], [ValueType.I64], -1),
        new(Opcode.I64TruncF64S, "i64.trunc_f64_s", ImmediateKind.None, [ValueType.F64], [ValueType.I64], -1),
        new(Opcode.I64TruncF64U, "i64.trunc_f64_u", ImmediateKind.None, [ValueType.F64], [ValueType.I64], -1),
        new(Opcode.F32ConvertI32S, "f32.convert_i32_s", ImmediateKind.None, [ValueType.I32], [ValueType.F32], -1),
        new(Opcode.F32ConvertI32U, "f32.convert_i32_u", ImmediateKind.None, [ValueType.I32], [ValueType.F32], -1),
        new(Opcode.F32ConvertI64S, "f32.convert_i64_s", ImmediateKind.None, [ValueType.I64], [ValueType.F32], -1),
        new(Opcode.F32ConvertI64U, "f32.convert_i64_u", ImmediateKind.None, [ValueType.I64], [ValueType.F32], -1),
        new(Opcode.F32DemoteF64, "f32.demote_f64", ImmediateKind.None, [ValueType.F64], [ValueType.F32], -1),
        new(Opcode.F64ConvertI32S, "f64.convert_i32_s", ImmediateKind.None, [ValueType.I32], [ValueType.F64], -1),
        new(Opcode.F64ConvertI32U, "f64.convert_i32_u", ImmediateKind.None, [ValueType.I32], [ValueType.F64], -1),
        new(Opcode.F64ConvertI64S, "f64.convert_i64_s", ImmediateKind.None, [ValueType.I64], [ValueType.F64], -1),
        new(Opcode.F64ConvertI64U, "f64.convert_i64_u", ImmediateKind.None, [ValueType.I64], [ValueType.F64], -1),
        new(Opcode.F64PromoteF32, "f64.promote_f32", ImmediateKind.None, [ValueType.F32], [ValueType.F64], -1),
        new(Opcode.I32ReinterpretF32, "i32.reinterpret_f32", ImmediateKind.None, [ValueType.F32], [ValueType.I32], -1),
        new(Opcode.I64ReinterpretF64, "i64.reinterpret_f64", ImmediateKind.None, [ValueType.F64], [ValueType.I64], -1),
        new(Opcode.F32ReinterpretI32, "f32.reinterpret_i32", ImmediateKind.None, [ValueType.I32], [ValueType.F32], -1),
        new(Opcode.F64ReinterpretI64, "f64.reinterpret_i64", ImmediateKind.None, [ValueType.I64], [ValueType.F64], -1),
        new(Opcode.I32Extend8S, "i32.extend8_s", ImmediateKind.None, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I32Extend16S, "i32.extend16_s", ImmediateKind.None, [ValueType.I32], [ValueType.I32], -1),
        new(Opcode.I64Extend8S, "i64.extend8_s", ImmediateKind.None, [ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Extend16S, "i64.extend16_s", ImmediateKind.None, [ValueType.I64], [ValueType.I64], -1),
        new(Opcode.I64Extend32S, "i64.extend32_s", ImmediateKind.None, [ValueType.I64], [ValueType.I64], -1),
        new(Opcode.RefNull, "ref.null", ImmediateKind.RefType, null, null, -1),
        new(Opcode.RefIsNull, "ref.is_null", ImmediateKind.None, null, null, -1),
        new(Opcode.RefFunc, "ref.func", ImmediateKind.Function, null, null, -1),
        new(Opcode.I32TruncSatF32S, "i32.trunc_sat_f32_s", ImmediateKind.None, [ValueType.F32], [ValueType.I32], -1),
        new(Opcode.I32TruncSatF32U, "i32.trunc_sat_f32_u", ImmediateKind.None, [ValueType.F32], [ValueType.I32], -1),
        new(Opcode.I32TruncSatF64S, "i32.trunc_sat_f64_s", ImmediateKind.None, [ValueType.F64], [ValueType.I32], -1),
        new(Opcode.I32TruncSatF64U, "i32.trunc_sat_f64_u", ImmediateKind.None, [ValueType.F64], [ValueType.I32], -1),
        new(Opcode.I64TruncSatF32S, "i64.trunc_sat_f32_s", ImmediateKind.None, [ValueType.F32], [ValueType.I64], -1),
        new(Opcode.I64TruncSatF32U, "i64.trunc_sat_f32_u", ImmediateKind.None, [ValueType.F32], [ValueType.I64], -1),
        new(Opcode.I64TruncSatF64S, "i64.trunc_sat_f64_s", ImmediateKind.None, [ValueType.F64], [ValueType.I64], -1),
        new(Opcode.I64TruncSatF64U, "i64.trunc_sat_f64_u", ImmediateKind.None, [ValueType.F64], [ValueType.I64], -1),
        new(Opcode.MemoryInit, "memory.init", ImmediateKind.DataAndMemory, [ValueType.I32, ValueType.I32, ValueType.I32], [], -1),
        new(Opcode.DataDrop, "data.drop", ImmediateKind.Data, [], [], -1),
        new(Opcode.MemoryCopy, "memory.copy", ImmediateKind.MemoryAndMemory, [ValueType.I32, ValueType.I32, ValueType.I32], [], -1),
        new(Opcode.MemoryFill, "memory.fill", ImmediateKind.Memory, [ValueType.I32, ValueType.I32, ValueType.I32], [], -1),
        new(Opcode.TableInit, "table.init", ImmediateKind.ElemAndTable, [ValueType.I32, ValueType.I32, ValueType.I32], [], -1),
        new(Opcode.ElemDrop, "elem.drop", ImmediateKind.Elem, [], [], -1),
        new(Opcode.TableCopy, "table.copy", ImmediateKind.TableAndTable, [ValueType.I32, ValueType.I32, ValueType.I32], [], -1),
        new(Opcode.TableGrow, "table.grow", ImmediateKind.Table, null, null, -1),
        new(Opcode.TableSize, "table.size", ImmediateKind.Table, [], [ValueType.I32], -1),
        new(Opcode.TableFill, "table.fill", ImmediateKind.Table, null, null, -1),
        new(Opcode.V128Load, "v128.load", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 4),
        new(Opcode.V128Load8x8S, "v128.load8x8_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Load8x8U, "v128.load8x8_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Load16x4S, "v128.load16x4_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Load16x4U, "v128.load16x4_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Load32x2S, "v128.load32x2_s", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Load32x2U, "v128.load32x2_u", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Load8Splat, "v128.load8_splat", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 0),
        new(Opcode.V128Load16Splat, "v128.load16_splat", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 1),
        new(Opcode.V128Load32Splat, "v128.load32_splat", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 2),
        new(Opcode.V128Load64Splat, "v128.load64_splat", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.V128Store, "v128.store", ImmediateKind.MemArg, [ValueType.I32, ValueType.V128], [], 4),
        new(Opcode.V128Const, "v128.const", ImmediateKind.V128, [], [ValueType.V128], -1),
        new(Opcode.I8x16Shuffle, "i8x16.shuffle", ImmediateKind.Shuffle, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Swizzle, "i8x16.swizzle", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Splat, "i8x16.splat", ImmediateKind.None, [ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I16x8Splat, "i16x8.splat", ImmediateKind.None, [ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I32x4Splat, "i32x4.splat", ImmediateKind.None, [ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I64x2Splat, "i64x2.splat", ImmediateKind.None, [ValueType.I64], [ValueType.V128], -1),
        new(Opcode.F32x4Splat, "f32x4.splat", ImmediateKind.None, [ValueType.F32], [ValueType.V128], -1),
        new(Opcode.F64x2Splat, "f64x2.splat", ImmediateKind.None, [ValueType.F64], [ValueType.V128], -1),
        new(Opcode.I8x16ExtractLaneS, "i8x16.extract_lane_s", ImmediateKind.Lane, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I8x16ExtractLaneU, "i8x16.extract_lane_u", ImmediateKind.Lane, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I8x16ReplaceLane, "i8x16.replace_lane", ImmediateKind.Lane, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I16x8ExtractLaneS, "i16x8.extract_lane_s", ImmediateKind.Lane, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I16x8ExtractLaneU, "i16x8.extract_lane_u", ImmediateKind.Lane, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I16x8ReplaceLane, "i16x8.replace_lane", ImmediateKind.Lane, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I32x4ExtractLane, "i32x4.extract_lane", ImmediateKind.Lane, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I32x4ReplaceLane, "i32x4.replace_lane", ImmediateKind.Lane, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I64x2ExtractLane, "i64x2.extract_lane", ImmediateKind.Lane, [ValueType.V128], [ValueType.I64], -1),
        new(Opcode.I64x2ReplaceLane, "i64x2.replace_lane", ImmediateKind.Lane, [ValueType.V128, ValueType.I64], [ValueType.V128], -1),
        new(Opcode.F32x4ExtractLane, "f32x4.extract_lane", ImmediateKind.Lane, [ValueType.V128], [ValueType.F32], -1),
        new(Opcode.F32x4ReplaceLane, "f32x4.replace_lane", ImmediateKind.Lane, [ValueType.V128, ValueType.F32], [ValueType.V128], -1),
        new(Opcode.F64x2ExtractLane, "f64x2.extract_lane", ImmediateKind.Lane, [ValueType.V128], [ValueType.F64], -1),
        new(Opcode.F64x2ReplaceLane, "f64x2.replace_lane", ImmediateKind.Lane, [ValueType.V128, ValueType.F64], [ValueType.V128], -1),
        new(Opcode.I8x16Eq, "i8x16.eq", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Ne, "i8x16.ne", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16LtS, "i8x16.lt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16LtU, "i8x16.lt_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16GtS, "i8x16.gt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16GtU, "i8x16.gt_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16LeS, "i8x16.le_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16LeU, "i8x16.le_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16GeS, "i8x16.ge_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16GeU, "i8x16.ge_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Eq, "i16x8.eq", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Ne, "i16x8.ne", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8LtS, "i16x8.lt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8LtU, "i16x8.lt_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8GtS, "i16x8.gt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8GtU, "i16x8.gt_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8LeS, "i16x8.le_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8LeU, "i16x8.le_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8GeS, "i16x8.ge_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8GeU, "i16x8.ge_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Eq, "i32x4.eq", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Ne, "i32x4.ne", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4LtS, "i32x4.lt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4LtU, "i32x4.lt_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4GtS, "i32x4.gt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4GtU, "i32x4.gt_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4LeS, "i32x4.le_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4LeU, "i32x4.le_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4GeS, "i32x4.ge_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4GeU, "i32x4.ge_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Eq, "f32x4.eq", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Ne, "f32x4.ne", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Lt, "f32x4.lt", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Gt, "f32x4.gt", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Le, "f32x4.le", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Ge, "f32x4.ge", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Eq, "f64x2.eq", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Ne, "f64x2.ne", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Lt, "f64x2.lt", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Gt, "f64x2.gt", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Le, "f64x2.le", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Ge, "f64x2.ge", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128Not, "v128.not", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128And, "v128.and", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128Andnot, "v128.andnot", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128Or, "v128.or", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128Xor, "v128.xor", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128Bitselect, "v128.bitselect", ImmediateKind.None, [ValueType.V128, ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.V128AnyTrue, "v128.any_true", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.V128Load8Lane, "v128.load8_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [ValueType.V128], 0),
        new(Opcode.V128Load16Lane, "v128.load16_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [ValueType.V128], 1),
        new(Opcode.V128Load32Lane, "v128.load32_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [ValueType.V128], 2),
        new(Opcode.V128Load64Lane, "v128.load64_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [ValueType.V128], 3),
        new(Opcode.V128Store8Lane, "v128.store8_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [], 0),
        new(Opcode.V128Store16Lane, "v128.store16_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [], 1),
        new(Opcode.V128Store32Lane, "v128.store32_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [], 2),
        new(Opcode.V128Store64Lane, "v128.store64_lane", ImmediateKind.MemArgAndLane, [ValueType.I32, ValueType.V128], [], 3),
        new(Opcode.V128Load32Zero, "v128.load32_zero", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 2),
        new(Opcode.V128Load64Zero, "v128.load64_zero", ImmediateKind.MemArg, [ValueType.I32], [ValueType.V128], 3),
        new(Opcode.F32x4DemoteF64x2Zero, "f32x4.demote_f64x2_zero", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2PromoteLowF32x4, "f64x2.promote_low_f32x4", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Abs, "i8x16.abs", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Neg, "i8x16.neg", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Popcnt, "i8x16.popcnt", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16AllTrue, "i8x16.all_true", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I8x16Bitmask, "i8x16.bitmask", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I8x16NarrowI16x8S, "i8x16.narrow_i16x8_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16NarrowI16x8U, "i8x16.narrow_i16x8_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Ceil, "f32x4.ceil", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Floor, "f32x4.floor", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Trunc, "f32x4.trunc", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Nearest, "f32x4.nearest", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Shl, "i8x16.shl", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I8x16ShrS, "i8x16.shr_s", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I8x16ShrU, "i8x16.shr_u", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I8x16Add, "i8x16.add", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16AddSatS, "i8x16.add_sat_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16AddSatU, "i8x16.add_sat_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16Sub, "i8x16.sub", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16SubSatS, "i8x16.sub_sat_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16SubSatU, "i8x16.sub_sat_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Ceil, "f64x2.ceil", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Floor, "f64x2.floor", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16MinS, "i8x16.min_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16MinU, "i8x16.min_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16MaxS, "i8x16.max_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16MaxU, "i8x16.max_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Trunc, "f64x2.trunc", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I8x16AvgrU, "i8x16.avgr_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtaddPairwiseI8x16S, "i16x8.extadd_pairwise_i8x16_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtaddPairwiseI8x16U, "i16x8.extadd_pairwise_i8x16_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtaddPairwiseI16x8S, "i32x4.extadd_pairwise_i16x8_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtaddPairwiseI16x8U, "i32x4.extadd_pairwise_i16x8_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Abs, "i16x8.abs", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Neg, "i16x8.neg", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Q15mulrSatS, "i16x8.q15mulr_sat_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8AllTrue, "i16x8.all_true", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I16x8Bitmask, "i16x8.bitmask", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I16x8NarrowI32x4S, "i16x8.narrow_i32x4_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8NarrowI32x4U, "i16x8.narrow_i32x4_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtendLowI8x16S, "i16x8.extend_low_i8x16_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtendHighI8x16S, "i16x8.extend_high_i8x16_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtendLowI8x16U, "i16x8.extend_low_i8x16_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtendHighI8x16U, "i16x8.extend_high_i8x16_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Shl, "i16x8.shl", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I16x8ShrS, "i16x8.shr_s", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I16x8ShrU, "i16x8.shr_u", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I16x8Add, "i16x8.add", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8AddSatS, "i16x8.add_sat_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8AddSatU, "i16x8.add_sat_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Sub, "i16x8.sub", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8SubSatS, "i16x8.sub_sat_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8SubSatU, "i16x8.sub_sat_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Nearest, "f64x2.nearest", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8Mul, "i16x8.mul", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8MinS, "i16x8.min_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8MinU, "i16x8.min_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8MaxS, "i16x8.max_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8MaxU, "i16x8.max_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8AvgrU, "i16x8.avgr_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtmulLowI8x16S, "i16x8.extmul_low_i8x16_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtmulHighI8x16S, "i16x8.extmul_high_i8x16_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtmulLowI8x16U, "i16x8.extmul_low_i8x16_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I16x8ExtmulHighI8x16U, "i16x8.extmul_high_i8x16_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Abs, "i32x4.abs", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Neg, "i32x4.neg", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4AllTrue, "i32x4.all_true", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I32x4Bitmask, "i32x4.bitmask", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I32x4ExtendLowI16x8S, "i32x4.extend_low_i16x8_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtendHighI16x8S, "i32x4.extend_high_i16x8_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtendLowI16x8U, "i32x4.extend_low_i16x8_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtendHighI16x8U, "i32x4.extend_high_i16x8_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Shl, "i32x4.shl", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I32x4ShrS, "i32x4.shr_s", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I32x4ShrU, "i32x4.shr_u", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I32x4Add, "i32x4.add", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Sub, "i32x4.sub", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4Mul, "i32x4.mul", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4MinS, "i32x4.min_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4MinU, "i32x4.min_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4MaxS, "i32x4.max_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4MaxU, "i32x4.max_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4DotI16x8S, "i32x4.dot_i16x8_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtmulLowI16x8S, "i32x4.extmul_low_i16x8_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtmulHighI16x8S, "i32x4.extmul_high_i16x8_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtmulLowI16x8U, "i32x4.extmul_low_i16x8_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4ExtmulHighI16x8U, "i32x4.extmul_high_i16x8_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Abs, "i64x2.abs", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Neg, "i64x2.neg", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2AllTrue, "i64x2.all_true", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I64x2Bitmask, "i64x2.bitmask", ImmediateKind.None, [ValueType.V128], [ValueType.I32], -1),
        new(Opcode.I64x2ExtendLowI32x4S, "i64x2.extend_low_i32x4_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtendHighI32x4S, "i64x2.extend_high_i32x4_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtendLowI32x4U, "i64x2.extend_low_i32x4_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtendHighI32x4U, "i64x2.extend_high_i32x4_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Shl, "i64x2.shl", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I64x2ShrS, "i64x2.shr_s", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I64x2ShrU, "i64x2.shr_u", ImmediateKind.None, [ValueType.V128, ValueType.I32], [ValueType.V128], -1),
        new(Opcode.I64x2Add, "i64x2.add", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Sub, "i64x2.sub", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Mul, "i64x2.mul", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Eq, "i64x2.eq", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2Ne, "i64x2.ne", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2LtS, "i64x2.lt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2GtS, "i64x2.gt_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2LeS, "i64x2.le_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2GeS, "i64x2.ge_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtmulLowI32x4S, "i64x2.extmul_low_i32x4_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtmulHighI32x4S, "i64x2.extmul_high_i32x4_s", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtmulLowI32x4U, "i64x2.extmul_low_i32x4_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I64x2ExtmulHighI32x4U, "i64x2.extmul_high_i32x4_u", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Abs, "f32x4.abs", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Neg, "f32x4.neg", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Sqrt, "f32x4.sqrt", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Add, "f32x4.add", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Sub, "f32x4.sub", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Mul, "f32x4.mul", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Div, "f32x4.div", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Min, "f32x4.min", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Max, "f32x4.max", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Pmin, "f32x4.pmin", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4Pmax, "f32x4.pmax", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Abs, "f64x2.abs", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Neg, "f64x2.neg", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Sqrt, "f64x2.sqrt", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Add, "f64x2.add", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Sub, "f64x2.sub", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Mul, "f64x2.mul", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Div, "f64x2.div", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Min, "f64x2.min", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Max, "f64x2.max", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Pmin, "f64x2.pmin", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2Pmax, "f64x2.pmax", ImmediateKind.None, [ValueType.V128, ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4TruncSatF32x4S, "i32x4.trunc_sat_f32x4_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4TruncSatF32x4U, "i32x4.trunc_sat_f32x4_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4ConvertI32x4S, "f32x4.convert_i32x4_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F32x4ConvertI32x4U, "f32x4.convert_i32x4_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4TruncSatF64x2SZero, "i32x4.trunc_sat_f64x2_s_zero", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.I32x4TruncSatF64x2UZero, "i32x4.trunc_sat_f64x2_u_zero", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2ConvertLowI32x4S, "f64x2.convert_low_i32x4_s", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
        new(Opcode.F64x2ConvertLowI32x4U, "f64x2.convert_low_i32x4_u", ImmediateKind.None, [ValueType.V128], [ValueType.V128], -1),
    ];

    private static readonly OpcodeInfo?[] Plain = new OpcodeInfo?[0x100];
    private static readonly OpcodeInfo?[] Misc = new OpcodeInfo?[0x20];
    private static readonly OpcodeInfo?[] Simd = new OpcodeInfo?[0x100];
    private static readonly Dictionary<string, OpcodeInfo> ByName = new(StringComparer.Ordinal);

    static OpcodeTable()
    {
        foreach (var info in Entries)
        {
            var table = info.Prefix switch { 0 => Plain, 0xFC => Misc, _ => Simd };
            table[info.Subcode] = info;
            ByName.TryAdd(info.Name, info);   // 0x1B wins "select"; the typed form is chosen by its immediate
        }
    }

    public static IReadOnlyList<OpcodeInfo> All => Entries;

    public static OpcodeInfo Get(Opcode opcode) =>
        TryGet(opcode, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(opcode), opcode, "not an opcode");

    public static bool TryGet(Opcode opcode, [NotNullWhen(true)] out OpcodeInfo? info)
    {
        int value = (int)opcode;
        info = (value >> 12) switch
        {
            0 when value < 0x100 => Plain[value],
            0xFC when (value & 0xFFF) < 0x20 => Misc[value & 0xFFF],
            0xFD when (value & 0xFFF) < 0x100 => Simd[value & 0xFFF],
            _ => null,
        };
        return info is not null;
    }

    /// <summary>Looks up a single-byte opcode (prefix 0) or a prefixed one by prefix byte and subcode.</summary>
    public static bool TryGet(int prefix, uint subcode, [NotNullWhen(true)] out OpcodeInfo? info)
    {
        info = prefix switch
        {
            0 when subcode < 0x100 => Plain[subcode],
            0xFC when subcode < 0x20 => Misc[subcode],
            0xFD when subcode < 0x100 => Simd[subcode],
            _ => null,
        };
        return info is not null;
    }

    public static bool TryGetByName(string name, [NotNullWhen(true)] out OpcodeInfo? info) => ByName.TryGetValue(name, out info);

    /// <summary>Appends the binary encoding of an opcode: one byte, or the prefix byte and the LEB128 subcode.</summary>
    public static void WriteOpcode(Opcode opcode, ICollection<byte> output)
    {
        int value = (int)opcode;
        if (value < 0x100)
        {
            output.Add((byte)value);
            return;
        }
        output.Add((byte)(value >> 12));
        uint sub = (uint)(value & 0xFFF);
        do
        {
            byte b = (byte)(sub & 0x7F);
            sub >>= 7;
            if (sub != 0) b |= 0x80;
            output.Add(b);
        }
        while (sub != 0);
    }
}
