using Wasmbed.Text.Lexing;
using Wasmbed.Text.Parsing;

namespace Wasmbed.Text;

/// <summary>The WebAssembly text format (WAT, spec chapter 6).</summary>
public static class Wat
{
    /// <summary>
    /// Encodes a text module as a WebAssembly binary. <paramref name="text"/> is <c>(module ...)</c> or,
    /// like wat2wasm accepts, a bare list of module fields. Types are not validated: a well-formed
    /// but invalid module encodes, and the validator rejects it.
    /// </summary>
    /// <exception cref="WasmFormatException">The text is malformed; the message starts with <c>line:column</c>
    /// and <see cref="WasmFormatException.Offset"/> is the character offset.</exception>
    public static byte[] ToBinary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = Lexer.Tokenize(text);
        return ModuleParser.Encode(new TokenReader(text, tokens));
    }
}
