using System.Text;

namespace Wasmbed.Tests.Format;

/// <summary>What a script expects of a binary module.</summary>
public enum BinaryModuleExpectation
{
    /// <summary>A plain module, or one a later stage (link, instantiation, trap) rejects: it must decode.</summary>
    Decodes,
    /// <summary>Inside <c>assert_invalid</c>: well-formed, so it must decode; validation rejects it.</summary>
    Invalid,
    /// <summary>Inside <c>assert_malformed</c>: decoding must fail.</summary>
    Malformed,
}

/// <summary>One <c>(module binary ...)</c> from a spec test script.</summary>
public sealed record WastBinaryModule(string File, int Line, BinaryModuleExpectation Expectation, byte[] Bytes, string? ExpectedMessage)
{
    public override string ToString() => $"{File}:{Line}";
}

/// <summary>
/// Extracts the binary modules of a .wast script without the text-format front end: a small
/// S-expression scanner that understands comments, strings and parentheses, enough for the
/// <c>(module binary "...")</c> forms the binary tests use.
/// </summary>
public static class WastBinaryModules
{
    public static string SuiteDirectory => "/work/shared/wasm-testsuite/2.0";

    public static List<WastBinaryModule> Load(string fileName)
    {
        string text = File.ReadAllText(Path.Combine(SuiteDirectory, fileName));
        var tokens = Tokenize(text);
        var result = new List<WastBinaryModule>();
        int i = 0;
        while (i < tokens.Count)
        {
            // top-level form: "(" head ...
            if (tokens[i].Kind != TokenKind.Open) { i++; continue; }
            int formEnd = MatchingClose(tokens, i);
            string? head = i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Atom ? tokens[i + 1].Text : null;
            if (head == "module")
            {
                AddIfBinary(fileName, tokens, i, BinaryModuleExpectation.Decodes, null, result);
            }
            else if (head is not null && head.StartsWith("assert_", StringComparison.Ordinal) && tokens[i + 2].Kind == TokenKind.Open
                     && tokens[i + 3].Text == "module")
            {
                int moduleEnd = MatchingClose(tokens, i + 2);
                string? message = moduleEnd + 1 < formEnd && tokens[moduleEnd + 1].Kind == TokenKind.String
                    ? Encoding.UTF8.GetString(tokens[moduleEnd + 1].Bytes!) : null;
                var expectation = head switch
                {
                    "assert_malformed" => BinaryModuleExpectation.Malformed,
                    "assert_invalid" => BinaryModuleExpectation.Invalid,
                    _ => BinaryModuleExpectation.Decodes,
                };
                AddIfBinary(fileName, tokens, i + 2, expectation, message, result);
            }
            i = formEnd + 1;
        }
        return result;
    }

    private static void AddIfBinary(string file, List<Token> tokens, int open, BinaryModuleExpectation expectation, string? message, List<WastBinaryModule> result)
    {
        int j = open + 2;   // after "(module"
        if (tokens[j].Kind == TokenKind.Atom && tokens[j].Text.StartsWith('$')) j++;
        if (tokens[j].Kind != TokenKind.Atom || tokens[j].Text != "binary") return;
        var bytes = new List<byte>();
        for (j++; tokens[j].Kind == TokenKind.String; j++) bytes.AddRange(tokens[j].Bytes!);
        result.Add(new WastBinaryModule(file, tokens[open].Line, expectation, bytes.ToArray(), message));
    }

    private static int MatchingClose(List<Token> tokens, int open)
    {
        int depth = 0;
        for (int k = open; k < tokens.Count; k++)
        {
            if (tokens[k].Kind == TokenKind.Open) depth++;
            else if (tokens[k].Kind == TokenKind.Close && --depth == 0) return k;
        }
        throw new FormatException($"unbalanced parentheses at line {tokens[open].Line}");
    }

    private enum TokenKind { Open, Close, Atom, String }

    private sealed record Token(TokenKind Kind, string Text, byte[]? Bytes, int Line);

    private static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        int line = 1;
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (c == '\n') { line++; i++; }
            else if (char.IsWhiteSpace(c)) i++;
            else if (c == ';' && i + 1 < text.Length && text[i + 1] == ';')
            {
                while (i < text.Length && text[i] != '\n') i++;
            }
            else if (c == '(' && i + 1 < text.Length && text[i + 1] == ';')
            {
                int depth = 0;
                do
                {
                    if (text[i] == '(' && i + 1 < text.Length && text[i + 1] == ';') { depth++; i += 2; }
                    else if (text[i] == ';' && i + 1 < text.Length && text[i + 1] == ')') { depth--; i += 2; }
                    else { if (text[i] == '\n') line++; i++; }
                } while (depth > 0);
            }
            else if (c == '(') { tokens.Add(new Token(TokenKind.Open, "(", null, line)); i++; }
            else if (c == ')') { tokens.Add(new Token(TokenKind.Close, ")", null, line)); i++; }
            else if (c == '"')
            {
                int start = line;
                var bytes = ReadString(text, ref i, ref line);
                tokens.Add(new Token(TokenKind.String, "", bytes, start));
            }
            else
            {
                int start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '(' and not ')' and not '"') i++;
                tokens.Add(new Token(TokenKind.Atom, text[start..i], null, line));
            }
        }
        return tokens;
    }

    private static byte[] ReadString(string text, ref int i, ref int line)
    {
        var bytes = new List<byte>();
        i++;   // opening quote
        while (text[i] != '"')
        {
            char c = text[i];
            if (c == '\n') line++;
            if (c != '\\')
            {
                int length = char.IsSurrogatePair(text, i) ? 2 : 1;
                bytes.AddRange(Encoding.UTF8.GetBytes(text.Substring(i, length)));
                i += length;
                continue;
            }
            char e = text[i + 1];
            i += 2;
            switch (e)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case '\\': bytes.Add((byte)'\\'); break;
                case '\'': bytes.Add((byte)'\''); break;
                case '"': bytes.Add((byte)'"'); break;
                case 'u':
                    {
                        int close = text.IndexOf('}', i);
                        int codePoint = Convert.ToInt32(text[(i + 1)..close].Replace("_", ""), 16);
                        bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(codePoint)));
                        i = close + 1;
                        break;
                    }
                default:
                    bytes.Add(Convert.ToByte(text.Substring(i - 1, 2), 16));
                    i++;
                    break;
            }
        }
        i++;   // closing quote
        return bytes.ToArray();
    }
}
