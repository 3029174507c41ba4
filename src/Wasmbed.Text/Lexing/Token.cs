namespace Wasmbed.Text.Lexing;

/// <summary>The lexical classes of the text format (spec 6.3.1 tokens).</summary>
internal enum TokenKind : byte
{
    LeftParen,
    RightParen,

    /// <summary>Starts with a lowercase letter: instruction names, field keywords, <c>offset=4</c>, <c>nan:0x1</c>, <c>inf</c>.</summary>
    Keyword,

    /// <summary><c>$name</c>.</summary>
    Id,

    /// <summary>A quoted string on its own; the raw text includes the quotes, escapes are decoded on demand.</summary>
    String,

    /// <summary>Any other run of idchars: numbers, and reserved tokens that only make sense as numbers (or not at all).</summary>
    Atom,

    /// <summary>A run mixing strings with other characters (e.g. <c>$l"a"</c>); never valid (spec 6.3.1 reserved).</summary>
    Reserved,

    EndOfInput,
}

/// <summary>One token: its class and where its text lies in the source.</summary>
internal readonly record struct Token(TokenKind Kind, int Start, int Length)
{
    public int End => Start + Length;
}
