using System.Diagnostics.CodeAnalysis;

namespace Wasmbed.Text.Lexing;

/// <summary>
/// A cursor over the tokens of one source text, with the small vocabulary the parsers share:
/// parentheses, keywords, identifiers, strings and numbers, and errors that carry line:column.
/// </summary>
internal sealed class TokenReader
{
    private readonly Token[] _tokens;
    private readonly int _end; // index of the token that acts as end of input

    public TokenReader(string source, Token[] tokens, int start = 0, int end = -1)
    {
        Source = source;
        _tokens = tokens;
        Position = start;
        _end = end < 0 ? tokens.Length - 1 : end;
    }

    public string Source { get; }

    public int Position { get; set; }

    public Token Current => Peek(0);

    public Token Peek(int ahead = 0)
    {
        int i = Position + ahead;
        return i < _end ? _tokens[i] : new Token(TokenKind.EndOfInput, _tokens[_end].Start, 0);
    }

    public bool AtEnd => Position >= _end;

    public Token Next()
    {
        var token = Current;
        if (Position < _end) Position++;
        return token;
    }

    public ReadOnlySpan<char> Text(Token token) => Source.AsSpan(token.Start, token.Length);

    public string TextString(Token token) => Source.Substring(token.Start, token.Length);

    public bool Is(Token token, string text) => Source.AsSpan(token.Start, token.Length).SequenceEqual(text);

    public bool IsKeyword(string keyword, int ahead = 0)
    {
        var token = Peek(ahead);
        return token.Kind == TokenKind.Keyword && Is(token, keyword);
    }

    /// <summary>True when the cursor is at <c>(</c> followed by <paramref name="keyword"/>.</summary>
    public bool IsParenKeyword(string keyword) =>
        Current.Kind == TokenKind.LeftParen && IsKeyword(keyword, 1);

    public bool IsLeftParen => Current.Kind == TokenKind.LeftParen;

    public bool IsRightParen => Current.Kind == TokenKind.RightParen;

    public void ExpectLeftParen()
    {
        if (Current.Kind != TokenKind.LeftParen) throw Unexpected(Current, "'('");
        Position++;
    }

    public void ExpectRightParen()
    {
        if (Current.Kind != TokenKind.RightParen) throw Unexpected(Current, "')'");
        Position++;
    }

    public void ExpectKeyword(string keyword)
    {
        if (!IsKeyword(keyword)) throw Unexpected(Current, $"'{keyword}'");
        Position++;
    }

    /// <summary>Consumes <c>( keyword</c> if present.</summary>
    public bool TryParenKeyword(string keyword)
    {
        if (!IsParenKeyword(keyword)) return false;
        Position += 2;
        return true;
    }

    public bool TryKeyword(string keyword)
    {
        if (!IsKeyword(keyword)) return false;
        Position++;
        return true;
    }

    /// <summary>Consumes an optional <c>$id</c>; returns the name without <c>$</c>.</summary>
    public bool TryId([NotNullWhen(true)] out string? id)
    {
        var token = Current;
        if (token.Kind != TokenKind.Id)
        {
            id = null;
            return false;
        }
        Position++;
        id = Source.Substring(token.Start + 1, token.Length - 1);
        return true;
    }

    public string? OptionalId() => TryId(out var id) ? id : null;

    public Token ExpectString()
    {
        var token = Current;
        if (token.Kind != TokenKind.String) throw Unexpected(token, "a string");
        Position++;
        return token;
    }

    public byte[] ReadString() => TextStrings.Decode(Source, ExpectString());

    /// <summary>A name: a string whose bytes are valid UTF-8 (spec 6.3.4).</summary>
    public byte[] ReadName() => TextStrings.DecodeName(Source, ExpectString());

    public bool IsNumberToken => Current.Kind is TokenKind.Atom or TokenKind.Keyword;

    public bool IsUnsignedNumber => Current.Kind == TokenKind.Atom && Text(Current) is [>= '0' and <= '9', ..];

    public uint ReadU32()
    {
        var token = Current;
        if (token.Kind != TokenKind.Atom) throw Unexpected(token, "a number");
        if (!TextNumbers.TryParseUnsigned(Text(token), 32, out ulong value))
        {
            if (Text(token) is [>= '0' and <= '9', ..] && TextNumbers.TryParseUnsigned(Text(token), 64, out _))
                throw Error(token, "i32 constant out of range");
            throw Error(token, $"unexpected token '{TextString(token)}', expected an unsigned integer");
        }
        Position++;
        return (uint)value;
    }

    public ulong ReadInteger(int bits)
    {
        var token = Current;
        if (token.Kind != TokenKind.Atom) throw Unexpected(token, $"an i{bits} literal");
        if (!TextNumbers.TryParseInteger(Text(token), bits, out ulong value))
            throw Error(token, TextNumbers.IsIntegerSyntax(Text(token)) ? "constant out of range" : $"unknown operator: malformed integer literal '{TextString(token)}'");
        Position++;
        return value;
    }

    public uint ReadF32()
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Atom or TokenKind.Keyword)) throw Unexpected(token, "an f32 literal");
        if (!TextNumbers.TryParseF32(Text(token), out uint value))
            throw Error(token, TextNumbers.IsFloatSyntax(Text(token)) ? "constant out of range" : $"unknown operator: malformed float literal '{TextString(token)}'");
        Position++;
        return value;
    }

    public ulong ReadF64()
    {
        var token = Current;
        if (token.Kind is not (TokenKind.Atom or TokenKind.Keyword)) throw Unexpected(token, "an f64 literal");
        if (!TextNumbers.TryParseF64(Text(token), out ulong value))
            throw Error(token, TextNumbers.IsFloatSyntax(Text(token)) ? "constant out of range" : $"unknown operator: malformed float literal '{TextString(token)}'");
        Position++;
        return value;
    }

    /// <summary>Skips one token or one balanced parenthesized group.</summary>
    public void SkipItem()
    {
        if (Current.Kind != TokenKind.LeftParen)
        {
            if (AtEnd) throw Error(Current, "unexpected end of input");
            Position++;
            return;
        }
        int depth = 0;
        do
        {
            var token = Current;
            if (AtEnd) throw Error(token, "unexpected end of input: unbalanced parentheses");
            if (token.Kind == TokenKind.LeftParen) depth++;
            else if (token.Kind == TokenKind.RightParen) depth--;
            Position++;
        }
        while (depth > 0);
    }

    /// <summary>Skips to just past the ')' that closes the group whose '(' is already consumed.</summary>
    public void SkipToClose()
    {
        while (!IsRightParen) SkipItem();
        Position++;
    }

    public WasmFormatException Error(Token token, string message) => SourceText.Error(Source, token.Start, message);

    public WasmFormatException Error(string message) => Error(Current, message);

    public WasmFormatException Unexpected(Token token, string expected)
    {
        string found = token.Kind switch
        {
            TokenKind.EndOfInput => "end of input",
            TokenKind.LeftParen => "'('",
            TokenKind.RightParen => "')'",
            _ => $"'{Truncate(TextString(token))}'",
        };
        return Error(token, $"unexpected token {found}, expected {expected}");
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
