using Wasmbed.Text.Lexing;

namespace Wasmbed.Text;

/// <summary>
/// A WAST script (the spec test-suite format): module definitions, registrations, actions and
/// assertions. Modules are parsed lazily (<see cref="WastModule.Encode"/>).
/// </summary>
public sealed class WastScript
{
    private WastScript(string fileName, IReadOnlyList<WastCommand> commands)
    {
        FileName = fileName;
        Commands = commands;
    }

    /// <summary>The name given to <see cref="Parse"/>, used in messages.</summary>
    public string FileName { get; }

    public IReadOnlyList<WastCommand> Commands { get; }

    /// <summary>Parses a whole script.</summary>
    /// <exception cref="WasmFormatException">The script itself is malformed; the message starts with <c>file:line:column</c>.</exception>
    public static WastScript Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            var tokens = Lexer.Tokenize(text);
            var commands = new WastParser(new TokenReader(text, tokens), tokens).Commands();
            return new WastScript(fileName, commands);
        }
        catch (WasmFormatException error)
        {
            throw new WasmFormatException($"{fileName}:{error.Reason}", error.Offset);
        }
    }
}
