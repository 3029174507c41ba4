using System.Text;

namespace Wasmbed.Text.Lexing;

/// <summary>Decodes string tokens (spec 6.3.3): escapes produce bytes, other characters their UTF-8.</summary>
internal static class TextStrings
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Appends the bytes of a string token (quotes included in the token) to <paramref name="output"/>.</summary>
    public static void Decode(string source, Token token, List<byte> output)
    {
        int end = token.End - 1;
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = token.Start + 1; i < end;)
        {
            char c = source[i];
            if (c != '\\')
            {
                if (c < 0x80)
                {
                    output.Add((byte)c);
                    i++;
                    continue;
                }
                // A non-ASCII character: encode its scalar value (a surrogate pair counts once).
                int length = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(source[i + 1]) ? 2 : 1;
                if (char.IsSurrogate(c) && length == 1)
                    throw SourceText.Error(source, i, "malformed UTF-8 encoding: unpaired surrogate");
                int written = Encoding.UTF8.GetBytes(source.AsSpan(i, length), utf8);
                for (int k = 0; k < written; k++) output.Add(utf8[k]);
                i += length;
                continue;
            }
            char e = source[i + 1];
            switch (e)
            {
                case 'n': output.Add((byte)'\n'); i += 2; break;
                case 't': output.Add((byte)'\t'); i += 2; break;
                case 'r': output.Add((byte)'\r'); i += 2; break;
                case '\\': output.Add((byte)'\\'); i += 2; break;
                case '\'': output.Add((byte)'\''); i += 2; break;
                case '"': output.Add((byte)'"'); i += 2; break;
                case 'u':
                {
                    int j = i + 3;
                    int value = 0;
                    while (source[j] != '}')
                    {
                        if (source[j] != '_') value = value * 16 + Lexer.HexValue(source[j]);
                        j++;
                    }
                    int written = new Rune(value).EncodeToUtf8(utf8);
                    for (int k = 0; k < written; k++) output.Add(utf8[k]);
                    i = j + 1;
                    break;
                }
                default:
                    output.Add((byte)(Lexer.HexValue(e) * 16 + Lexer.HexValue(source[i + 2])));
                    i += 3;
                    break;
            }
        }
    }

    public static byte[] Decode(string source, Token token)
    {
        var bytes = new List<byte>(token.Length);
        Decode(source, token, bytes);
        return bytes.ToArray();
    }

    /// <summary>A name (spec 6.3.4): the string's bytes must be valid UTF-8.</summary>
    public static byte[] DecodeName(string source, Token token)
    {
        var bytes = Decode(source, token);
        if (!IsValidUtf8(bytes)) throw SourceText.Error(source, token.Start, "malformed UTF-8 encoding");
        return bytes;
    }

    public static bool IsValidUtf8(byte[] bytes)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static string DecodeUtf8(byte[] bytes) => StrictUtf8.GetString(bytes);
}
