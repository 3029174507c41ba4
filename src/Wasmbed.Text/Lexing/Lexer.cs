namespace Wasmbed.Text.Lexing;

/// <summary>
/// Splits WebAssembly text (WAT or WAST) into tokens in one linear pass (spec 6.3).
/// Comments and white space are dropped; strings are only checked here, decoded later.
/// </summary>
internal static class Lexer
{
    public static Token[] Tokenize(string text)
    {
        var tokens = new List<Token>(Math.Max(16, text.Length / 4));
        int i = 0;
        while (true)
        {
            i = SkipWhiteSpaceAndComments(text, i);
            if (i >= text.Length) break;
            char c = text[i];
            if (c == '(')
            {
                tokens.Add(new Token(TokenKind.LeftParen, i, 1));
                i++;
            }
            else if (c == ')')
            {
                tokens.Add(new Token(TokenKind.RightParen, i, 1));
                i++;
            }
            else if (c == '"' || IsIdChar(c))
            {
                i = ReadRun(text, i, tokens);
            }
            else
            {
                throw SourceText.Error(text, i, c < ' ' || c > '~'
                    ? $"malformed text: unexpected character U+{(int)c:X4}"
                    : $"unexpected character '{c}'");
            }
        }
        tokens.Add(new Token(TokenKind.EndOfInput, text.Length, 0));
        return tokens.ToArray();
    }

    // spec 6.3.1: tokens are maximal runs of idchars and strings; a run that mixes a string
    // with anything else is a reserved token, which no grammar rule accepts.
    private static int ReadRun(string text, int start, List<Token> tokens)
    {
        int i = start;
        int strings = 0;
        bool others = false;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"')
            {
                i = SkipString(text, i);
                strings++;
            }
            else if (IsIdChar(c))
            {
                i++;
                others = true;
            }
            else
            {
                break;
            }
        }

        TokenKind kind;
        if (strings > 0)
        {
            kind = strings == 1 && !others ? TokenKind.String : TokenKind.Reserved;
        }
        else
        {
            char first = text[start];
            if (first is >= 'a' and <= 'z') kind = TokenKind.Keyword;
            else if (first == '$' && i - start > 1) kind = TokenKind.Id;
            else kind = TokenKind.Atom;
        }
        tokens.Add(new Token(kind, start, i - start));
        return i;
    }

    /// <summary>Returns the index after the closing quote; checks escapes and characters (spec 6.3.3).</summary>
    private static int SkipString(string text, int start)
    {
        int i = start + 1;
        while (true)
        {
            if (i >= text.Length) throw SourceText.Error(text, start, "unclosed string");
            char c = text[i];
            if (c == '"') return i + 1;
            if (c == '\\')
            {
                if (i + 1 >= text.Length) throw SourceText.Error(text, start, "unclosed string");
                char e = text[i + 1];
                if (e is 'n' or 't' or 'r' or '\\' or '\'' or '"')
                {
                    i += 2;
                }
                else if (e == 'u')
                {
                    i = SkipUnicodeEscape(text, i);
                }
                else if (i + 2 < text.Length && IsHexDigit(e) && IsHexDigit(text[i + 2]))
                {
                    i += 3;
                }
                else
                {
                    throw SourceText.Error(text, i, "illegal escape");
                }
            }
            else if (c < ' ' || c == '\u007f')
            {
                throw SourceText.Error(text, i, "illegal control character in string");
            }
            else
            {
                i++;
            }
        }
    }

    private static int SkipUnicodeEscape(string text, int backslash)
    {
        // \u{hexnum} where the value is a Unicode scalar value (not a surrogate, < 0x110000).
        int i = backslash + 2;
        if (i >= text.Length || text[i] != '{') throw SourceText.Error(text, backslash, "illegal escape");
        i++;
        int digitsStart = i;
        long value = 0;
        while (i < text.Length && (IsHexDigit(text[i]) || text[i] == '_'))
        {
            if (text[i] != '_')
            {
                value = value * 16 + HexValue(text[i]);
                if (value > 0x10FFFF) throw SourceText.Error(text, backslash, "illegal escape: code point out of range");
            }
            i++;
        }
        if (i == digitsStart || i >= text.Length || text[i] != '}')
            throw SourceText.Error(text, backslash, "illegal escape");
        if (value is >= 0xD800 and < 0xE000)
            throw SourceText.Error(text, backslash, "illegal escape: surrogate code point");
        return i + 1;
    }

    private static int SkipWhiteSpaceAndComments(string text, int i)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (c is ' ' or '\t' or '\n' or '\r')
            {
                i++;
            }
            else if (c == ';' && i + 1 < text.Length && text[i + 1] == ';')
            {
                while (i < text.Length && text[i] is not ('\n' or '\r')) i++;   // spec 6.2.4: a line comment ends at U+0A or U+0D
            }
            else if (c == '(' && i + 1 < text.Length && text[i + 1] == ';')
            {
                i = SkipBlockComment(text, i);
            }
            else
            {
                break;
            }
        }
        return i;
    }

    // spec 6.3.2: block comments nest.
    private static int SkipBlockComment(string text, int start)
    {
        int depth = 0;
        int i = start;
        while (i + 1 < text.Length)
        {
            if (text[i] == '(' && text[i + 1] == ';')
            {
                depth++;
                i += 2;
            }
            else if (text[i] == ';' && text[i + 1] == ')')
            {
                depth--;
                i += 2;
                if (depth == 0) return i;
            }
            else
            {
                i++;
            }
        }
        throw SourceText.Error(text, start, "unclosed comment");
    }

    // spec 6.3.1 idchar
    public static bool IsIdChar(char c) => c switch
    {
        >= '0' and <= '9' => true,
        >= 'a' and <= 'z' => true,
        >= 'A' and <= 'Z' => true,
        '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '/' or ':' or '<' or '=' or '>'
            or '?' or '@' or '\\' or '^' or '_' or '`' or '|' or '~' => true,
        _ => false,
    };

    public static bool IsHexDigit(char c) => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F');

    public static int HexValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => c - 'A' + 10,
    };
}
