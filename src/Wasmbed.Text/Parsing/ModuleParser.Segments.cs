using Wasmbed.Text.Binary;
using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

internal enum ElementMode { Passive, Active, Declarative }

// Element and data segments (spec 6.6.11, 6.6.12) and the choice of their binary form (spec 5.5.12, 5.5.14).
internal sealed partial class ModuleParser
{
    /// <summary>
    /// (elem id? elemlist) | (elem id? (table x)? offset elemlist) | (elem id? declare elemlist), where
    /// elemlist is <c>func x*</c> or <c>reftype elemexpr*</c>; an active segment may also list bare function
    /// indices (the MVP form <c>(elem (i32.const 0) $f $g)</c>).
    /// </summary>
    private void Elem()
    {
        _reader.OptionalId();
        var mode = ElementMode.Passive;
        uint table = 0;
        bool explicitTable = false;
        var offset = new ByteWriter(16);
        if (_reader.TryKeyword("declare"))
        {
            mode = ElementMode.Declarative;
        }
        else
        {
            if (_reader.TryParenKeyword("table"))
            {
                table = TypeParser.Index(_reader, _module.Tables);
                _reader.ExpectRightParen();
                explicitTable = true;
            }
            if (Offset(offset))
                mode = ElementMode.Active;
            else if (explicitTable)
                throw _reader.Unexpected(_reader.Current, "an offset expression");
        }

        var items = new ByteWriter(64);
        var elementType = ValueType.FuncRef;
        bool indexForm;
        uint count;
        if (_reader.TryKeyword("func"))
        {
            indexForm = true;
            count = FunctionIndices(items);
        }
        else if (_reader.IsKeyword("funcref") || _reader.IsKeyword("externref"))
        {
            elementType = TypeParser.RefType(_reader);
            indexForm = false;
            count = ElementExpressions(items);
        }
        else if (mode == ElementMode.Active)
        {
            indexForm = true;
            count = FunctionIndices(items);
        }
        else
        {
            throw _reader.Unexpected(_reader.Current, "'func' or a reference type");
        }
        WriteElementSegment(mode, table, offset, elementType, indexForm, count, items);
    }

    /// <summary>(offset expr) or one folded instruction (spec 6.6.11); false when absent.</summary>
    private bool Offset(ByteWriter output)
    {
        if (_reader.TryParenKeyword("offset"))
        {
            _instructions.Expression(output, function: null);
            _reader.ExpectRightParen();
            return true;
        }
        if (!_reader.IsLeftParen) return false;
        _instructions.SingleFoldedExpression(output);
        return true;
    }

    private uint FunctionIndices(ByteWriter items)
    {
        uint count = 0;
        while (TypeParser.IsIndexToken(_reader))
        {
            items.U32(TypeParser.Index(_reader, _module.Functions));
            count++;
        }
        return count;
    }

    /// <summary>elemexpr ::= (item expr) | one folded instruction (spec 6.6.11).</summary>
    private uint ElementExpressions(ByteWriter items)
    {
        uint count = 0;
        while (_reader.IsLeftParen)
        {
            if (_reader.TryParenKeyword("item"))
            {
                _instructions.Expression(items, function: null);
                _reader.ExpectRightParen();
            }
            else
            {
                _instructions.SingleFoldedExpression(items);
            }
            count++;
        }
        return count;
    }

    // spec 5.5.12: flag bit 0 = passive/declarative, bit 1 = explicit table (or declarative), bit 2 = expressions
    private void WriteElementSegment(ElementMode mode, uint table, ByteWriter offset, ValueType elementType,
        bool indexForm, uint count, ByteWriter items)
    {
        var segment = _sections.Elements.Add();
        uint expressions = indexForm ? 0u : 4u;
        switch (mode)
        {
            case ElementMode.Active when table == 0 && elementType == ValueType.FuncRef:
                segment.U32(0 | expressions);
                segment.Bytes(offset.WrittenSpan);
                break;
            case ElementMode.Active:
                segment.U32(2 | expressions);
                segment.U32(table);
                segment.Bytes(offset.WrittenSpan);
                WriteElementKind(segment, indexForm, elementType);
                break;
            case ElementMode.Passive:
                segment.U32(1 | expressions);
                WriteElementKind(segment, indexForm, elementType);
                break;
            case ElementMode.Declarative:
                segment.U32(3 | expressions);
                WriteElementKind(segment, indexForm, elementType);
                break;
        }
        segment.U32(count);
        segment.Bytes(items.WrittenSpan);
    }

    private static void WriteElementKind(ByteWriter segment, bool indexForm, ValueType elementType)
    {
        if (indexForm) segment.Byte(0x00); // elemkind funcref
        else segment.Byte((byte)elementType);
    }

    /// <summary>(data id? (memory x)? offset string*) or passive (data id? string*) (spec 6.6.12).</summary>
    private void Data()
    {
        _reader.OptionalId();
        uint memory = 0;
        bool explicitMemory = false;
        if (_reader.TryParenKeyword("memory"))
        {
            memory = TypeParser.Index(_reader, _module.Memories);
            _reader.ExpectRightParen();
            explicitMemory = true;
        }
        var offset = new ByteWriter(16);
        bool active = Offset(offset);
        if (explicitMemory && !active) throw _reader.Unexpected(_reader.Current, "an offset expression");

        var bytes = new List<byte>();
        while (_reader.Current.Kind == TokenKind.String) TextStrings.Decode(_reader.Source, _reader.ExpectString(), bytes);

        var segment = _sections.Data.Add();
        if (!active)
        {
            segment.U32(1);
        }
        else if (memory == 0)
        {
            segment.U32(0);
            segment.Bytes(offset.WrittenSpan);
        }
        else
        {
            segment.U32(2);
            segment.U32(memory);
            segment.Bytes(offset.WrittenSpan);
        }
        segment.U32((uint)bytes.Count);
        segment.Bytes(bytes);
    }
}
