using System.Text;
using Wasmbed.Text.Lexing;
using Wasmbed.Text.Parsing;

namespace Wasmbed.Text;

/// <summary>Reads the commands of a script (spec interpreter README, "Scripts").</summary>
internal sealed class WastParser(TokenReader reader, Token[] tokens)
{
    private readonly List<WastCommand> _commands = [];
    private int _lineOffset;
    private int _line = 1;

    private static readonly HashSet<string> ModuleFields =
        ["type", "import", "func", "table", "memory", "global", "export", "start", "elem", "data"];

    public List<WastCommand> Commands()
    {
        // A script may also be the fields of one module without (module ...) around them.
        if (reader.IsLeftParen && reader.Peek(1).Kind == TokenKind.Keyword && ModuleFields.Contains(reader.TextString(reader.Peek(1))))
        {
            var module = new WastModule(null, LineOf(reader.Current), reader.Source, tokens, 0, tokens.Length - 1);
            _commands.Add(new WastModuleCommand(module.Line, module));
            return _commands;
        }
        while (!reader.AtEnd)
        {
            if (!reader.IsLeftParen) throw reader.Unexpected(reader.Current, "a command");
            _commands.Add(Command());
        }
        return _commands;
    }

    /// <summary>The 1-based line of a token; commands come in order, so counting is incremental.</summary>
    private int LineOf(Token token)
    {
        var source = reader.Source;
        for (; _lineOffset < token.Start; _lineOffset++)
        {
            if (source[_lineOffset] == '\n') _line++;
        }
        return _line;
    }

    private WastCommand Command()
    {
        var open = reader.Current;
        int line = LineOf(open);
        var keyword = reader.Peek(1);
        if (keyword.Kind != TokenKind.Keyword) throw reader.Unexpected(keyword, "a command");
        switch (reader.TextString(keyword))
        {
            case "module":
                return new WastModuleCommand(line, Module());
            case "register":
            {
                reader.Position += 2;
                string name = Encoding.UTF8.GetString(reader.ReadName());
                string? id = reader.OptionalId();
                reader.ExpectRightParen();
                return new WastRegisterCommand(line, name, id);
            }
            case "invoke":
            case "get":
                return new WastActionCommand(line, Action());
            case "assert_return":
            {
                reader.Position += 2;
                var action = Action();
                var expected = new List<WastExpectedResult>();
                while (reader.IsLeftParen) expected.Add(ExpectedResult());
                reader.ExpectRightParen();
                return new WastAssertReturn(line, action, expected);
            }
            case "assert_trap":
            {
                reader.Position += 2;
                WastAction? action = null;
                WastModule? module = null;
                if (reader.IsParenKeyword("module")) module = Module();
                else action = Action();
                string message = Message();
                return new WastAssertTrap(line, action, module, message);
            }
            case "assert_exhaustion":
            {
                reader.Position += 2;
                var action = Action();
                return new WastAssertExhaustion(line, action, Message());
            }
            case "assert_malformed": return ModuleAssertion(line, WastModuleAssertionKind.Malformed);
            case "assert_invalid": return ModuleAssertion(line, WastModuleAssertionKind.Invalid);
            case "assert_unlinkable": return ModuleAssertion(line, WastModuleAssertionKind.Unlinkable);
            case "assert_uninstantiable": return ModuleAssertion(line, WastModuleAssertionKind.Uninstantiable);
            default:
                throw reader.Error(keyword, $"unknown command {reader.TextString(keyword)}");
        }
    }

    private WastAssertModule ModuleAssertion(int line, WastModuleAssertionKind kind)
    {
        reader.Position += 2;
        var module = Module();
        return new WastAssertModule(line, kind, module, Message());
    }

    /// <summary>A string then the command's closing parenthesis.</summary>
    private string Message()
    {
        string message = Encoding.UTF8.GetString(reader.ReadString());
        reader.ExpectRightParen();
        return message;
    }

    /// <summary>(module $id? field*) | (module $id? binary string*) | (module $id? quote string*)</summary>
    private WastModule Module()
    {
        var open = reader.Current;
        int line = LineOf(open);
        int start = reader.Position;
        reader.Position += 2;
        string? id = reader.OptionalId();
        bool binary = reader.IsKeyword("binary");
        if (binary || reader.IsKeyword("quote"))
        {
            reader.Position++;
            var bytes = new List<byte>();
            while (reader.Current.Kind == TokenKind.String) TextStrings.Decode(reader.Source, reader.ExpectString(), bytes);
            reader.ExpectRightParen();
            return new WastModule(id, line, binary ? WastModuleFormat.Binary : WastModuleFormat.Quote, bytes.ToArray());
        }
        reader.Position = start;
        reader.SkipItem();
        return new WastModule(id, line, reader.Source, tokens, start, reader.Position);
    }

    /// <summary>(invoke $id? "name" const*) | (get $id? "name")</summary>
    private WastAction Action()
    {
        reader.ExpectLeftParen();
        var keyword = reader.Next();
        bool invoke = reader.Is(keyword, "invoke");
        if (!invoke && !reader.Is(keyword, "get")) throw reader.Unexpected(keyword, "'invoke' or 'get'");
        string? id = reader.OptionalId();
        string name = Encoding.UTF8.GetString(reader.ReadName());
        var arguments = new List<WastValue>();
        while (invoke && reader.IsLeftParen) arguments.Add(Constant());
        reader.ExpectRightParen();
        return new WastAction(invoke ? WastActionKind.Invoke : WastActionKind.Get, id, name, arguments);
    }

    private WastValue Constant()
    {
        reader.ExpectLeftParen();
        var keyword = reader.Next();
        WastValue value;
        switch (reader.TextString(keyword))
        {
            case "i32.const": value = WastValue.I32((int)(uint)reader.ReadInteger(32)); break;
            case "i64.const": value = WastValue.I64((long)reader.ReadInteger(64)); break;
            case "f32.const": value = WastValue.F32Bits(reader.ReadF32()); break;
            case "f64.const": value = WastValue.F64Bits(reader.ReadF64()); break;
            case "v128.const":
            {
                var (low, high) = V128Literal.Parse(reader);
                value = WastValue.V128(low, high);
                break;
            }
            case "ref.null": value = WastValue.Null(TypeParser.HeapType(reader)); break;
            case "ref.extern": value = WastValue.ExternRef(ReadHostIndex()); break;
            case "ref.func": value = WastValue.FuncRef(ReadHostIndex()); break;
            default: throw reader.Unexpected(keyword, "a constant");
        }
        reader.ExpectRightParen();
        return value;
    }

    private ulong ReadHostIndex()
    {
        var token = reader.Current;
        if (!TextNumbers.TryParseUnsigned(reader.Text(token), 64, out ulong value))
            throw reader.Unexpected(token, "a reference number");
        reader.Position++;
        return value;
    }

    private WastExpectedResult ExpectedResult()
    {
        var keyword = reader.Peek(1);
        string name = reader.TextString(keyword);
        if (name is "f32.const" or "f64.const" && reader.Peek(2).Kind == TokenKind.Keyword)
        {
            var pattern = reader.Text(reader.Peek(2));
            if (pattern is "nan:canonical" or "nan:arithmetic")
            {
                reader.Position += 3;
                reader.ExpectRightParen();
                return WastExpectedResult.Nan(name == "f32.const" ? ValueType.F32 : ValueType.F64, pattern is "nan:canonical");
            }
        }
        if (name is "ref.extern" or "ref.func" && reader.Peek(2).Kind == TokenKind.RightParen)
        {
            reader.Position += 3;
            return WastExpectedResult.NonNull(name == "ref.func" ? ValueType.FuncRef : ValueType.ExternRef);
        }
        if (name == "v128.const") return ExpectedVector();
        return WastExpectedResult.Exact(Constant());
    }

    /// <summary>(v128.const shape lane*) where float lanes may be nan:canonical or nan:arithmetic.</summary>
    private WastExpectedResult ExpectedVector()
    {
        reader.Position += 2;
        var shapeToken = reader.Next();
        var shape = reader.TextString(shapeToken) switch
        {
            "i8x16" => WastVectorShape.I8x16,
            "i16x8" => WastVectorShape.I16x8,
            "i32x4" => WastVectorShape.I32x4,
            "i64x2" => WastVectorShape.I64x2,
            "f32x4" => WastVectorShape.F32x4,
            "f64x2" => WastVectorShape.F64x2,
            _ => throw reader.Unexpected(shapeToken, "a vector shape"),
        };
        int bits = WastExpectedResult.LaneBits(shape);
        var lanes = new WastLanePattern[128 / bits];
        for (int i = 0; i < lanes.Length; i++)
        {
            var token = reader.Current;
            if (!reader.IsNumberToken) throw reader.Error(token, "wrong number of lane literals");
            var text = reader.Text(token);
            if (text is "nan:canonical" or "nan:arithmetic")
            {
                if (shape is not (WastVectorShape.F32x4 or WastVectorShape.F64x2))
                    throw reader.Error(token, "NaN patterns need a float shape");
                reader.Position++;
                lanes[i] = new WastLanePattern(text is "nan:canonical" ? WastLaneKind.CanonicalNan : WastLaneKind.ArithmeticNan, 0);
                continue;
            }
            ulong lane = shape switch
            {
                WastVectorShape.F32x4 => reader.ReadF32(),
                WastVectorShape.F64x2 => reader.ReadF64(),
                _ => reader.ReadInteger(bits),
            };
            lanes[i] = new WastLanePattern(WastLaneKind.Exact, lane);
        }
        reader.ExpectRightParen();
        return WastExpectedResult.Vector(shape, lanes);
    }
}
