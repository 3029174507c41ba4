using Wasmbed.Format;
using Wasmbed.Text.Binary;
using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

// The immediates of each ImmediateKind, in text (spec 6.5) and binary (spec 5.4) form.
internal sealed partial class InstructionParser
{
    private void Operation(OpcodeInfo info, ByteWriter output)
    {
        if (info.Opcode == Opcode.Select && _reader.IsParenKeyword("result"))
        {
            // spec 6.5.4: select with result types is the typed select (0x1C)
            WriteOpcode(Opcode.SelectTyped, output);
            var types = new List<ValueType>();
            while (_reader.TryParenKeyword("result"))
            {
                while (!_reader.IsRightParen) types.Add(TypeParser.ReadValueType(_reader));
                _reader.ExpectRightParen();
            }
            output.U32((uint)types.Count);
            foreach (var type in types) output.Byte((byte)type);
            return;
        }

        WriteOpcode(info.Opcode, output);
        switch (info.Immediate)
        {
            case ImmediateKind.None:
                return;
            case ImmediateKind.BlockType:
                // block/loop/if are parsed structurally; else/end never reach here.
                throw _reader.Error($"unexpected {info.Name}");
            case ImmediateKind.Label:
                output.U32(Label());
                return;
            case ImmediateKind.BrTable:
            {
                var labels = new List<uint>();
                while (TypeParser.IsIndexToken(_reader)) labels.Add(Label());
                if (labels.Count == 0) throw _reader.Unexpected(_reader.Current, "a label");
                output.U32((uint)(labels.Count - 1));
                foreach (uint label in labels) output.U32(label);
                return;
            }
            case ImmediateKind.Function:
                output.U32(TypeParser.Index(_reader, _module.Functions));
                return;
            case ImmediateKind.CallIndirect:
            {
                // spec 6.5.3: call_indirect tableidx? typeuse; binary: typeidx tableidx
                uint table = TypeParser.IsIndexToken(_reader) ? TypeParser.Index(_reader, _module.Tables) : 0;
                var use = TypeParser.TypeUse(_reader, _module, allowParamIds: false);
                output.U32(use.TypeIndex);
                output.U32(table);
                return;
            }
            case ImmediateKind.Local:
                output.U32(TypeParser.Index(_reader, Function.Locals));
                return;
            case ImmediateKind.Global:
                output.U32(TypeParser.Index(_reader, _module.Globals));
                return;
            case ImmediateKind.Table:
                // spec 6.5.4 (abbreviation): an omitted table index means table 0
                output.U32(TypeParser.IsIndexToken(_reader) ? TypeParser.Index(_reader, _module.Tables) : 0);
                return;
            case ImmediateKind.MemArg:
                MemArg(info, output);
                return;
            case ImmediateKind.Memory:
                output.Byte(0);
                return;
            case ImmediateKind.I32:
                output.S32((int)(uint)_reader.ReadInteger(32));
                return;
            case ImmediateKind.I64:
                output.S64((long)_reader.ReadInteger(64));
                return;
            case ImmediateKind.F32:
                output.UInt32LittleEndian(_reader.ReadF32());
                return;
            case ImmediateKind.F64:
                output.UInt64LittleEndian(_reader.ReadF64());
                return;
            case ImmediateKind.V128:
            {
                var (low, high) = V128Literal.Parse(_reader);
                output.UInt64LittleEndian(low);
                output.UInt64LittleEndian(high);
                return;
            }
            case ImmediateKind.SelectTypes:
                output.U32(0);
                return;
            case ImmediateKind.RefType:
                output.Byte((byte)TypeParser.HeapType(_reader));
                return;
            case ImmediateKind.ElemAndTable:
            {
                // spec 6.5.4: table.init x y (table, elem), or table.init y for table 0
                uint first = ReadIndexToken(out var firstToken);
                if (TypeParser.IsIndexToken(_reader))
                {
                    uint table = Resolve(firstToken, first, _module.Tables);
                    output.U32(TypeParser.Index(_reader, _module.Elems));
                    output.U32(table);
                }
                else
                {
                    output.U32(Resolve(firstToken, first, _module.Elems));
                    output.U32(0);
                }
                return;
            }
            case ImmediateKind.DataAndMemory:
                _module.UsesDataCount = true;
                output.U32(TypeParser.Index(_reader, _module.Datas));
                output.Byte(0);
                return;
            case ImmediateKind.Data:
                _module.UsesDataCount = true;
                output.U32(TypeParser.Index(_reader, _module.Datas));
                return;
            case ImmediateKind.Elem:
                output.U32(TypeParser.Index(_reader, _module.Elems));
                return;
            case ImmediateKind.TableAndTable:
                if (TypeParser.IsIndexToken(_reader))
                {
                    output.U32(TypeParser.Index(_reader, _module.Tables));
                    output.U32(TypeParser.Index(_reader, _module.Tables));
                }
                else
                {
                    output.U32(0);
                    output.U32(0);
                }
                return;
            case ImmediateKind.MemoryAndMemory:
                output.Byte(0);
                output.Byte(0);
                return;
            case ImmediateKind.MemArgAndLane:
                MemArg(info, output);
                output.Byte(LaneIndex());
                return;
            case ImmediateKind.Lane:
                output.Byte(LaneIndex());
                return;
            case ImmediateKind.Shuffle:
                for (int i = 0; i < 16; i++)
                {
                    if (_reader.Current.Kind is TokenKind.LeftParen or TokenKind.RightParen or TokenKind.EndOfInput)
                        throw _reader.Error("invalid lane length: i8x16.shuffle needs 16 lane indices");
                    output.Byte(LaneIndex());
                }
                return;
            default:
                throw _reader.Error($"unsupported immediate {info.Immediate} of {info.Name}");
        }
    }

    private uint Label()
    {
        var token = _reader.Current;
        if (token.Kind == TokenKind.Id)
        {
            if (!Function.TryResolveLabel(_reader.Text(token)[1..], out uint depth))
                throw _reader.Error(token, $"unknown label {_reader.TextString(token)}");
            _reader.Position++;
            return depth;
        }
        if (token.Kind == TokenKind.Atom) return _reader.ReadU32();
        throw _reader.Unexpected(token, "a label");
    }

    /// <summary>Reads an index token whose index space is only known after looking further.</summary>
    private uint ReadIndexToken(out Token token)
    {
        token = _reader.Current;
        if (token.Kind == TokenKind.Id)
        {
            _reader.Position++;
            return 0;
        }
        if (token.Kind != TokenKind.Atom) throw _reader.Unexpected(token, "an index");
        return _reader.ReadU32();
    }

    private uint Resolve(Token token, uint numeric, IndexSpace space)
    {
        if (token.Kind != TokenKind.Id) return numeric;
        if (!space.TryResolve(_reader.Text(token)[1..], out uint index))
            throw _reader.Error(token, $"unknown {space.Kind} {_reader.TextString(token)}");
        return index;
    }

    /// <summary>memarg ::= ('offset=' u32)? ('align=' u32)? (spec 6.5.6); binary: log2(align), offset.</summary>
    private void MemArg(OpcodeInfo info, ByteWriter output)
    {
        ulong offset = 0;
        ulong align = 1UL << info.NaturalAlignment;
        var token = _reader.Current;
        if (token.Kind == TokenKind.Keyword && _reader.Text(token).StartsWith("offset="))
        {
            if (!TextNumbers.TryParseUnsigned(_reader.Text(token)["offset=".Length..], 32, out offset))
                throw _reader.Error(token, "malformed memory offset (i32 constant out of range or not a number)");
            _reader.Position++;
            token = _reader.Current;
        }
        if (token.Kind == TokenKind.Keyword && _reader.Text(token).StartsWith("align="))
        {
            if (!TextNumbers.TryParseUnsigned(_reader.Text(token)["align=".Length..], 32, out align) || !IsPowerOfTwo(align))
                throw _reader.Error(token, "malformed memory alignment: alignment must be a power of two");
            _reader.Position++;
        }
        output.U32((uint)System.Numerics.BitOperations.Log2(align));
        output.U32((uint)offset);
    }

    /// <summary>A lane index is a u8 literal (spec 6.5.7); range against the shape is for the validator.</summary>
    private byte LaneIndex()
    {
        var token = _reader.Current;
        if (token.Kind is not (TokenKind.Atom or TokenKind.Keyword) ||
            !TextNumbers.TryParseUnsigned(_reader.Text(token), 8, out ulong lane))
            throw _reader.Error(token, "malformed lane index");
        _reader.Position++;
        return (byte)lane;
    }
}
