using Wasmbed.Text.Binary;
using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

// Second pass: each module field encoded into its section (spec 6.6 text → spec 5.5 binary).
internal sealed partial class ModuleParser
{
    private const byte FunctionKind = 0x00, TableKind = 0x01, MemoryKind = 0x02, GlobalKind = 0x03;

    private void EncodeField()
    {
        _reader.ExpectLeftParen();
        var keyword = _reader.Next();
        switch (_reader.Text(keyword))
        {
            case "type":
                _reader.SkipToClose(); // fully handled in the first pass
                return;
            case "import": Import(); break;
            case "func": Function(); break;
            case "table": Table(); break;
            case "memory": Memory(); break;
            case "global": Global(); break;
            case "export": Export(); break;
            case "start": Start(keyword); break;
            case "elem": Elem(); break;
            case "data": Data(); break;
        }
        _reader.ExpectRightParen();
    }

    /// <summary>(import "module" "name" importdesc) (spec 6.6.4)</summary>
    private void Import()
    {
        var moduleName = _reader.ReadName();
        var itemName = _reader.ReadName();
        _reader.ExpectLeftParen();
        var kind = _reader.Next();
        _reader.OptionalId();
        ImportDescription(moduleName, itemName, kind, exports: []);
        _reader.ExpectRightParen();
    }

    /// <summary>The description after the identifier; the index it takes gets <paramref name="exports"/>.</summary>
    private void ImportDescription(byte[] moduleName, byte[] itemName, Token kind, List<byte[]> exports)
    {
        var entry = _sections.Imports.Add();
        entry.Vector(moduleName);
        entry.Vector(itemName);
        switch (_reader.Text(kind))
        {
            case "func":
            {
                var use = TypeParser.TypeUse(_reader, _module, allowParamIds: true);
                entry.Byte(FunctionKind);
                entry.U32(use.TypeIndex);
                AddExports(exports, FunctionKind, _nextFunction++);
                break;
            }
            case "table":
                entry.Byte(TableKind);
                TableType(entry);
                AddExports(exports, TableKind, _nextTable++);
                break;
            case "memory":
                entry.Byte(MemoryKind);
                Limits(entry);
                AddExports(exports, MemoryKind, _nextMemory++);
                break;
            case "global":
                entry.Byte(GlobalKind);
                GlobalType(entry);
                AddExports(exports, GlobalKind, _nextGlobal++);
                break;
            default:
                throw _reader.Unexpected(kind, "an import kind (func, table, memory, global)");
        }
    }

    /// <summary>Inline <c>(export "name")*</c> then an optional inline <c>(import "m" "n")</c> (spec 6.6.4–6.6.8).</summary>
    private bool InlineExportsAndImport(List<byte[]> exports, out byte[] moduleName, out byte[] itemName)
    {
        while (_reader.TryParenKeyword("export"))
        {
            exports.Add(_reader.ReadName());
            _reader.ExpectRightParen();
        }
        moduleName = itemName = [];
        if (!_reader.TryParenKeyword("import")) return false;
        moduleName = _reader.ReadName();
        itemName = _reader.ReadName();
        _reader.ExpectRightParen();
        return true;
    }

    private void AddExports(List<byte[]> names, byte kind, uint index)
    {
        foreach (var name in names)
        {
            var entry = _sections.Exports.Add();
            entry.Vector(name);
            entry.Byte(kind);
            entry.U32(index);
        }
    }

    /// <summary>(func id? exports* import? typeuse local* instr*) (spec 6.6.5)</summary>
    private void Function()
    {
        var funcKeyword = _reader.Peek(-1);
        _reader.OptionalId();
        var exports = new List<byte[]>();
        if (InlineExportsAndImport(exports, out var moduleName, out var itemName))
        {
            ImportDescription(moduleName, itemName, funcKeyword, exports);
            return;
        }
        uint index = _nextFunction++;
        AddExports(exports, FunctionKind, index);

        var use = TypeParser.TypeUse(_reader, _module, allowParamIds: true);
        _sections.Functions.Add().U32(use.TypeIndex);

        _function.Reset();
        var names = new List<(uint, string)>();
        for (int i = 0; i < use.ParamIds.Count; i++)
        {
            var at = i < use.ParamTokens.Count ? use.ParamTokens[i] : _reader.Current;
            AddLocal(use.ParamIds[i], at, names);
        }
        var localTypes = new List<ValueType>();
        while (_reader.TryParenKeyword("local"))
        {
            var token = _reader.Current;
            if (_reader.TryId(out var id))
            {
                localTypes.Add(TypeParser.ReadValueType(_reader));
                AddLocal(id, token, names);
            }
            else
            {
                while (!_reader.IsRightParen)
                {
                    localTypes.Add(TypeParser.ReadValueType(_reader));
                    AddLocal(null, token, names);
                }
            }
            _reader.ExpectRightParen();
        }
        if (names.Count > 0) _sections.LocalNames.Add((index, names));

        _body.Clear();
        WriteLocalDeclarations(_body, localTypes);
        _instructions.Expression(_body, _function);
        _sections.Code.Add().Vector(_body);
    }

    private readonly ByteWriter _body = new(1024);

    private void AddLocal(string? id, Token at, List<(uint, string)> names)
    {
        uint index = _function.Locals.Add(id, _reader, at);
        if (id is not null) names.Add((index, id));
    }

    // spec 5.5.13: locals are declared as runs of (count, type)
    private static void WriteLocalDeclarations(ByteWriter output, List<ValueType> types)
    {
        int runs = 0;
        for (int i = 0; i < types.Count; i++)
        {
            if (i == 0 || types[i] != types[i - 1]) runs++;
        }
        output.U32((uint)runs);
        for (int i = 0; i < types.Count;)
        {
            int j = i;
            while (j < types.Count && types[j] == types[i]) j++;
            output.U32((uint)(j - i));
            output.Byte((byte)types[i]);
            i = j;
        }
    }

    /// <summary>(table id? exports* import? tabletype) or (table id? exports* reftype (elem ...)) (spec 6.6.6)</summary>
    private void Table()
    {
        var tableKeyword = _reader.Peek(-1);
        _reader.OptionalId();
        var exports = new List<byte[]>();
        if (InlineExportsAndImport(exports, out var moduleName, out var itemName))
        {
            ImportDescription(moduleName, itemName, tableKeyword, exports);
            return;
        }
        uint index = _nextTable++;
        AddExports(exports, TableKind, index);
        if (!HasInlineElem())
        {
            TableType(_sections.Tables.Add());
            return;
        }

        // spec 6.6.6 abbreviation: the table gets exactly as many entries as the inline segment.
        var elementType = TypeParser.RefType(_reader);
        _reader.ExpectLeftParen();
        _reader.ExpectKeyword("elem");
        var items = new ByteWriter(64);
        uint count;
        bool indexForm = !_reader.IsLeftParen;
        if (indexForm)
        {
            count = FunctionIndices(items);
        }
        else
        {
            count = ElementExpressions(items);
        }
        _reader.ExpectRightParen();

        var table = _sections.Tables.Add();
        table.Byte((byte)elementType);
        table.Byte(0x01);
        table.U32(count);
        table.U32(count);

        var offset = new ByteWriter(8);
        offset.Byte(0x41); // i32.const 0
        offset.Byte(0x00);
        offset.Byte(0x0B);
        WriteElementSegment(ElementMode.Active, index, offset, elementType, indexForm, count, items);
    }

    /// <summary>(memory id? exports* import? limits) or (memory id? exports* (data string*)) (spec 6.6.7)</summary>
    private void Memory()
    {
        var memoryKeyword = _reader.Peek(-1);
        _reader.OptionalId();
        var exports = new List<byte[]>();
        if (InlineExportsAndImport(exports, out var moduleName, out var itemName))
        {
            ImportDescription(moduleName, itemName, memoryKeyword, exports);
            return;
        }
        uint index = _nextMemory++;
        AddExports(exports, MemoryKind, index);
        if (!_reader.TryParenKeyword("data"))
        {
            Limits(_sections.Memories.Add());
            return;
        }

        // spec 6.6.7 abbreviation: the memory is just large enough for the inline data.
        var bytes = new List<byte>();
        while (_reader.Current.Kind == TokenKind.String) TextStrings.Decode(_reader.Source, _reader.ExpectString(), bytes);
        _reader.ExpectRightParen();
        uint pages = (uint)((bytes.Count + 65535L) / 65536);
        var memory = _sections.Memories.Add();
        memory.Byte(0x01);
        memory.U32(pages);
        memory.U32(pages);

        var segment = _sections.Data.Add();
        if (index == 0)
        {
            segment.U32(0);
        }
        else
        {
            segment.U32(2);
            segment.U32(index);
        }
        segment.Byte(0x41);
        segment.Byte(0x00);
        segment.Byte(0x0B);
        segment.U32((uint)bytes.Count);
        segment.Bytes(bytes);
    }

    /// <summary>(global id? exports* import? globaltype expr) (spec 6.6.8)</summary>
    private void Global()
    {
        var globalKeyword = _reader.Peek(-1);
        _reader.OptionalId();
        var exports = new List<byte[]>();
        if (InlineExportsAndImport(exports, out var moduleName, out var itemName))
        {
            ImportDescription(moduleName, itemName, globalKeyword, exports);
            return;
        }
        AddExports(exports, GlobalKind, _nextGlobal++);
        var entry = _sections.Globals.Add();
        GlobalType(entry);
        _instructions.Expression(entry, function: null);
    }

    /// <summary>(export "name" (func|table|memory|global x)) (spec 6.6.9)</summary>
    private void Export()
    {
        var name = _reader.ReadName();
        _reader.ExpectLeftParen();
        var kind = _reader.Next();
        var entry = _sections.Exports.Add();
        entry.Vector(name);
        switch (_reader.Text(kind))
        {
            case "func": entry.Byte(FunctionKind); entry.U32(TypeParser.Index(_reader, _module.Functions)); break;
            case "table": entry.Byte(TableKind); entry.U32(TypeParser.Index(_reader, _module.Tables)); break;
            case "memory": entry.Byte(MemoryKind); entry.U32(TypeParser.Index(_reader, _module.Memories)); break;
            case "global": entry.Byte(GlobalKind); entry.U32(TypeParser.Index(_reader, _module.Globals)); break;
            default: throw _reader.Unexpected(kind, "an export kind (func, table, memory, global)");
        }
        _reader.ExpectRightParen();
    }

    /// <summary>(start x) (spec 6.6.10): at most one.</summary>
    private void Start(Token keyword)
    {
        if (_sections.Start is not null) throw _reader.Error(keyword, "multiple start sections");
        _sections.Start = TypeParser.Index(_reader, _module.Functions);
    }

    private void TableType(ByteWriter output)
    {
        TypeParser.Limits(_reader, out uint min, out uint? max);
        var elementType = TypeParser.RefType(_reader);
        output.Byte((byte)elementType);
        WriteLimits(output, min, max);
    }

    private void Limits(ByteWriter output)
    {
        TypeParser.Limits(_reader, out uint min, out uint? max);
        WriteLimits(output, min, max);
    }

    private static void WriteLimits(ByteWriter output, uint min, uint? max)
    {
        output.Byte(max is null ? (byte)0x00 : (byte)0x01);
        output.U32(min);
        if (max is uint m) output.U32(m);
    }

    /// <summary>globaltype ::= valtype | (mut valtype) (spec 6.4.7)</summary>
    private void GlobalType(ByteWriter output)
    {
        if (_reader.TryParenKeyword("mut"))
        {
            output.Byte((byte)TypeParser.ReadValueType(_reader));
            output.Byte(0x01);
            _reader.ExpectRightParen();
        }
        else
        {
            output.Byte((byte)TypeParser.ReadValueType(_reader));
            output.Byte(0x00);
        }
    }
}
