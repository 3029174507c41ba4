namespace Wasmbed.Text.Lexing;

/// <summary>Turns character offsets into <c>line:column</c> for error messages.</summary>
internal static class SourceText
{
    /// <summary>1-based line and column of a character offset.</summary>
    public static (int Line, int Column) Position(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }

    /// <summary>A text-format error at <paramref name="offset"/>; the message starts with <c>line:column</c>.</summary>
    public static WasmFormatException Error(string text, int offset, string message)
    {
        var (line, column) = Position(text, offset);
        return new WasmFormatException($"{line}:{column}: {message}", offset);
    }
}
