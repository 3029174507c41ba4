using System.Numerics;
using Wasmbed.Format;
using Wasmbed.Text.Binary;
using Wasmbed.Text.Lexing;

namespace Wasmbed.Text.Parsing;

/// <summary>
/// Parses instruction sequences, plain and folded (spec 6.5), and writes their binary encoding
/// (spec 5.4). Opcode names, numbers and immediate kinds come from <see cref="OpcodeTable"/>.
/// Types are not checked: a well-formed but invalid body encodes, for the validator to reject.
/// </summary>
internal sealed partial class InstructionParser
{
    private static readonly Dictionary<string, OpcodeInfo> ByName = BuildNameIndex();
    private static readonly Dictionary<string, OpcodeInfo>.AlternateLookup<ReadOnlySpan<char>> ByNameSpan =
        ByName.GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly TokenReader _reader;
    private readonly ModuleContext _module;
    private readonly List<ByteWriter> _foldedImmediates = [];
    private FunctionContext? _function;
    private int _foldDepth;

    public InstructionParser(TokenReader reader, ModuleContext module)
    {
        _reader = reader;
        _module = module;
    }

    /// <summary>An expression (spec 6.5.9): instructions then <c>end</c>. Locals resolve in <paramref name="function"/>, if any.</summary>
    public void Expression(ByteWriter output, FunctionContext? function)
    {
        _function = function;
        Instructions(output);
        output.Byte((byte)Opcode.End);
        _function = null;
    }

    /// <summary>One folded instruction then <c>end</c>: the abbreviated offset and element forms (spec 6.6.12).</summary>
    public void SingleFoldedExpression(ByteWriter output)
    {
        _function = null;
        Folded(output);
        output.Byte((byte)Opcode.End);
    }

    /// <summary>Instructions up to a closing parenthesis or an <c>end</c>/<c>else</c> keyword.</summary>
    private void Instructions(ByteWriter output)
    {
        while (true)
        {
            var token = _reader.Current;
            if (token.Kind == TokenKind.LeftParen)
            {
                Folded(output);
            }
            else if (token.Kind == TokenKind.Keyword)
            {
                if (_reader.Is(token, "end") || _reader.Is(token, "else")) return;
                Plain(output);
            }
            else
            {
                return;
            }
        }
    }

    private void Plain(ByteWriter output)
    {
        var token = _reader.Next();
        var name = _reader.Text(token);
        switch (name)
        {
            case "block":
            case "loop":
            {
                string? label = _reader.OptionalId();
                output.Byte((byte)(name is "block" ? Opcode.Block : Opcode.Loop));
                BlockType(output);
                PushLabel(label);
                Instructions(output);
                _reader.ExpectKeyword("end");
                ClosingLabel(label);
                PopLabel();
                output.Byte((byte)Opcode.End);
                return;
            }
            case "if":
            {
                string? label = _reader.OptionalId();
                output.Byte((byte)Opcode.If);
                BlockType(output);
                PushLabel(label);
                Instructions(output);
                if (_reader.TryKeyword("else"))
                {
                    ClosingLabel(label);
                    output.Byte((byte)Opcode.Else);
                    Instructions(output);
                }
                _reader.ExpectKeyword("end");
                ClosingLabel(label);
                PopLabel();
                output.Byte((byte)Opcode.End);
                return;
            }
            default:
                Operation(Lookup(token), output);
                return;
        }
    }

    private void Folded(ByteWriter output)
    {
        _reader.ExpectLeftParen();
        var token = _reader.Next();
        if (token.Kind != TokenKind.Keyword) throw _reader.Unexpected(token, "an instruction");
        var name = _reader.Text(token);
        switch (name)
        {
            case "block":
            case "loop":
            {
                string? label = _reader.OptionalId();
                output.Byte((byte)(name is "block" ? Opcode.Block : Opcode.Loop));
                BlockType(output);
                PushLabel(label);
                Instructions(output);
                _reader.ExpectRightParen();
                PopLabel();
                output.Byte((byte)Opcode.End);
                return;
            }
            case "if":
            {
                // spec 6.5.5: (if label bt foldedinstr* (then instr*) (else instr*)?)
                string? label = _reader.OptionalId();
                var blockType = Scratch();
                BlockType(blockType);
                _foldDepth++;
                while (_reader.IsLeftParen && !_reader.IsParenKeyword("then")) Folded(output);
                _foldDepth--;
                output.Byte((byte)Opcode.If);
                output.Bytes(blockType.WrittenSpan);
                PushLabel(label);
                if (!_reader.TryParenKeyword("then")) throw _reader.Unexpected(_reader.Current, "(then ...)");
                Instructions(output);
                _reader.ExpectRightParen();
                if (_reader.TryParenKeyword("else"))
                {
                    output.Byte((byte)Opcode.Else);
                    Instructions(output);
                    _reader.ExpectRightParen();
                }
                _reader.ExpectRightParen();
                PopLabel();
                output.Byte((byte)Opcode.End);
                return;
            }
            default:
            {
                // spec 6.5.5: (plaininstr foldedinstr*) is the operands followed by the instruction.
                var info = Lookup(token);
                var immediates = Scratch();
                Operation(info, immediates);
                _foldDepth++;
                while (_reader.IsLeftParen) Folded(output);
                _foldDepth--;
                _reader.ExpectRightParen();
                output.Bytes(immediates.WrittenSpan);
                return;
            }
        }
    }

    /// <summary>A reusable buffer for the current folding depth.</summary>
    private ByteWriter Scratch()
    {
        while (_foldedImmediates.Count <= _foldDepth) _foldedImmediates.Add(new ByteWriter(32));
        var buffer = _foldedImmediates[_foldDepth];
        buffer.Clear();
        return buffer;
    }

    private OpcodeInfo Lookup(Token token)
    {
        if (token.Kind == TokenKind.Keyword && ByNameSpan.TryGetValue(_reader.Text(token), out var info)) return info;
        if (_reader.Text(token) is "param" or "result" or "local" or "type" or "then" or "else" or "export" or "import")
            throw _reader.Error(token, $"unexpected token {_reader.TextString(token)} (out of order or not allowed here)");
        throw _reader.Error(token, $"unknown operator {_reader.TextString(token)}");
    }

    private void PushLabel(string? label) => Function.PushLabel(label);

    private void PopLabel() => Function.PopLabel();

    // Constant expressions have no function context, but may still not use labels.
    private FunctionContext Function => _function ??= new FunctionContext();

    /// <summary>spec 6.5.3: a label after end/else must repeat the block's label.</summary>
    private void ClosingLabel(string? label)
    {
        var token = _reader.Current;
        if (!_reader.TryId(out var id)) return;
        if (label is null || id != label)
            throw _reader.Error(token, $"mismatching label ${id}");
    }

    /// <summary>blocktype (spec 6.5.2 / 5.4.1): empty, one result type, or a type index.</summary>
    private void BlockType(ByteWriter output)
    {
        var start = _reader.Current;
        uint? explicitIndex = null;
        if (_reader.TryParenKeyword("type"))
        {
            explicitIndex = TypeParser.Index(_reader, _module.Types);
            _reader.ExpectRightParen();
        }
        var parameters = new List<ValueType>();
        var results = new List<ValueType>();
        TypeParser.Signature(_reader, parameters, results, ids: null, idTokens: null);
        if (explicitIndex is uint index)
        {
            if (parameters.Count > 0 || results.Count > 0)
            {
                var declared = _module.TryGetType(index) ?? throw _reader.Error(start, $"unknown type {index}");
                if (!declared.Equals(new FunctionType([.. parameters], [.. results])))
                    throw _reader.Error(start, "inline function type does not match the explicit type");
            }
            output.S64(index);
        }
        else if (parameters.Count == 0 && results.Count == 0)
        {
            output.Byte(0x40);
        }
        else if (parameters.Count == 0 && results.Count == 1)
        {
            output.Byte((byte)results[0]);
        }
        else
        {
            output.S64(_module.FindOrAddType(new FunctionType([.. parameters], [.. results])));
        }
    }

    private static void WriteOpcode(Opcode opcode, ByteWriter output)
    {
        int value = (int)opcode;
        if (value < 0x100)
        {
            output.Byte((byte)value);
            return;
        }
        output.Byte((byte)(value >> 12));
        output.U32((uint)(value & 0xFFF));
    }

    private static Dictionary<string, OpcodeInfo> BuildNameIndex()
    {
        var byName = new Dictionary<string, OpcodeInfo>(StringComparer.Ordinal);
        foreach (var info in OpcodeTable.All) byName.TryAdd(info.Name, info); // 0x1B keeps "select"
        return byName;
    }

    private static bool IsPowerOfTwo(ulong value) => value != 0 && BitOperations.IsPow2(value);
}
