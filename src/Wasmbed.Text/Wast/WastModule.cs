using System.Text;
using Wasmbed.Text.Lexing;
using Wasmbed.Text.Parsing;

namespace Wasmbed.Text;

/// <summary>How a module is written in a script.</summary>
public enum WastModuleFormat
{
    /// <summary><c>(module $id? field*)</c>.</summary>
    Text,

    /// <summary><c>(module $id? binary "bytes"*)</c>.</summary>
    Binary,

    /// <summary><c>(module $id? quote "text"*)</c>: WAT given as strings, used to test malformed text.</summary>
    Quote,
}

/// <summary>
/// A module written in a script. It is only parsed when <see cref="Encode"/> is called, so that a
/// script stays readable when one of its modules is malformed on purpose.
/// </summary>
public sealed class WastModule
{
    private readonly string _source;
    private readonly Token[] _tokens;
    private readonly int _start, _end;
    private readonly byte[]? _bytes;

    internal WastModule(string? id, int line, string source, Token[] tokens, int start, int end)
    {
        Id = id;
        Line = line;
        Format = WastModuleFormat.Text;
        _source = source;
        _tokens = tokens;
        _start = start;
        _end = end;
    }

    internal WastModule(string? id, int line, WastModuleFormat format, byte[] bytes)
    {
        Id = id;
        Line = line;
        Format = format;
        _bytes = bytes;
        _source = "";
        _tokens = [];
    }

    /// <summary>The module's <c>$id</c> without <c>$</c>, or null.</summary>
    public string? Id { get; }

    public WastModuleFormat Format { get; }

    /// <summary>1-based line of <c>(module</c> in the script.</summary>
    public int Line { get; }

    /// <summary>
    /// The module's binary: the bytes themselves for <see cref="WastModuleFormat.Binary"/>, otherwise the text encoded.
    /// </summary>
    /// <exception cref="WasmFormatException">The text (or quoted text) is malformed.</exception>
    public byte[] Encode()
    {
        switch (Format)
        {
            case WastModuleFormat.Binary:
                return (byte[])_bytes!.Clone();
            case WastModuleFormat.Quote:
            {
                string text;
                try
                {
                    text = TextStrings.DecodeUtf8(_bytes!);
                }
                catch (DecoderFallbackException)
                {
                    throw new WasmFormatException("malformed UTF-8 encoding in quoted module text", 0);
                }
                return Wat.ToBinary(text);
            }
            default:
                return ModuleParser.Encode(new TokenReader(_source, _tokens, _start, _end));
        }
    }

    /// <summary>For <see cref="WastModuleFormat.Quote"/>: the quoted text; otherwise null.</summary>
    public string? QuotedText => Format == WastModuleFormat.Quote ? Encoding.UTF8.GetString(_bytes!) : null;

    public override string ToString() => $"(module{(Id is null ? "" : " $" + Id)} {Format.ToString().ToLowerInvariant()}) at line {Line}";
}
