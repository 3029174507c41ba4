using Wasmbed.Text.Binary;
using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

/// <summary>
/// Parses one module (spec 6.6) and encodes it. Two passes over the fields: the first collects
/// explicit types and the identifiers of every index space (fields may refer forward); the second
/// encodes each field in text order, which also fixes the order of implicitly added types.
/// </summary>
internal sealed partial class ModuleParser
{
    private readonly TokenReader _reader;
    private readonly ModuleContext _module = new();
    private readonly ModuleSections _sections = new();
    private readonly InstructionParser _instructions;
    private readonly FunctionContext _function = new();
    private readonly List<int> _fields = [];

    // Running indices of the second pass (imports and definitions share each space, imports first).
    private uint _nextFunction, _nextTable, _nextMemory, _nextGlobal;

    private ModuleParser(TokenReader reader)
    {
        _reader = reader;
        _instructions = new InstructionParser(reader, _module);
    }

    /// <summary>Encodes <c>(module $id? field*)</c> or a bare list of fields; the reader must hold nothing else.</summary>
    public static byte[] Encode(TokenReader reader)
    {
        var parser = new ModuleParser(reader);
        return parser.Module();
    }

    private byte[] Module()
    {
        bool wrapped = _reader.IsParenKeyword("module");
        if (wrapped)
        {
            _reader.Position += 2;
            if (_reader.TryId(out var id)) _sections.ModuleName = id;
        }
        while (_reader.IsLeftParen)
        {
            _fields.Add(_reader.Position);
            _reader.SkipItem();
        }
        if (wrapped) _reader.ExpectRightParen();
        if (!_reader.AtEnd) throw _reader.Unexpected(_reader.Current, wrapped ? "end of input after the module" : "a module field");
        int end = _reader.Position;

        foreach (int field in _fields)
        {
            _reader.Position = field;
            ScanField();
        }
        foreach (int field in _fields)
        {
            _reader.Position = field;
            EncodeField();
        }
        _reader.Position = end;
        return ModuleWriter.Write(_module, _sections);
    }

    private string? _firstDefinition;

    /// <summary>First pass over one field: identifiers, explicit types, and the import order rule.</summary>
    private void ScanField()
    {
        _reader.ExpectLeftParen();
        var keyword = _reader.Next();
        if (keyword.Kind != TokenKind.Keyword) throw _reader.Unexpected(keyword, "a module field");
        var idToken = _reader.Current;
        switch (_reader.Text(keyword))
        {
            case "type":
            {
                string? id = _reader.OptionalId();
                _reader.ExpectLeftParen();
                _reader.ExpectKeyword("func");
                var parameters = new List<ValueType>();
                var results = new List<ValueType>();
                TypeParser.Signature(_reader, parameters, results, ids: [], idTokens: null);
                _reader.ExpectRightParen();
                _reader.ExpectRightParen();
                _module.AddExplicitType(id, new FunctionType([.. parameters], [.. results]), _reader, idToken);
                break;
            }
            case "import":
            {
                _reader.ExpectString();
                _reader.ExpectString();
                _reader.ExpectLeftParen();
                var kind = _reader.Next();
                var space = SpaceOf(kind) ?? throw _reader.Unexpected(kind, "an import kind (func, table, memory, global)");
                CheckImportOrder(keyword);
                space.Add(_reader.OptionalId(), _reader, idToken);
                break;
            }
            case "func":
            case "table":
            case "memory":
            case "global":
            {
                string? id = _reader.OptionalId();
                var space = SpaceOf(keyword)!;
                while (_reader.IsParenKeyword("export")) _reader.SkipItem();
                if (_reader.IsParenKeyword("import"))
                {
                    CheckImportOrder(keyword);
                }
                else
                {
                    _firstDefinition ??= _reader.Is(keyword, "func") ? "function" : _reader.TextString(keyword);
                    if (_reader.Is(keyword, "table") && HasInlineElem())
                        _module.Elems.Add(null, _reader, idToken); // inline (elem ...) of a table
                    if (_reader.Is(keyword, "memory") && _reader.IsParenKeyword("data"))
                        _module.Datas.Add(null, _reader, idToken); // inline (data ...) of a memory
                }
                space.Add(id, _reader, idToken);
                break;
            }
            case "elem":
                _module.Elems.Add(_reader.OptionalId(), _reader, idToken);
                break;
            case "data":
                _module.Datas.Add(_reader.OptionalId(), _reader, idToken);
                break;
            case "export":
            case "start":
                break;
            default:
                throw _reader.Error(keyword, $"unknown module field '{_reader.TextString(keyword)}' (unexpected token)");
        }
    }

    /// <summary>At <c>reftype (elem ...)</c>, the inline element segment of a table (spec 6.6.7).</summary>
    private bool HasInlineElem() =>
        _reader.Current.Kind == TokenKind.Keyword && _reader.Peek(1).Kind == TokenKind.LeftParen && _reader.IsKeyword("elem", 2);

    // spec 6.6.13: imports must precede all definitions of functions, tables, memories and globals
    private void CheckImportOrder(Token at)
    {
        if (_firstDefinition is not null) throw _reader.Error(at, $"import after {_firstDefinition}");
    }

    private IndexSpace? SpaceOf(Token kind) => _reader.Text(kind) switch
    {
        "func" => _module.Functions,
        "table" => _module.Tables,
        "memory" => _module.Memories,
        "global" => _module.Globals,
        _ => null,
    };
}
