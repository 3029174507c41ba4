using System.Text;

namespace Wasmbed.Gateway.Messages;

/// <summary>
/// A message's metadata: ordered <c>key=value</c> pairs, encoded as UTF-8 lines <c>key=value\n</c>. Keys are
/// 1-64 of <c>a-z 0-9 . _ -</c>; values contain no newline. Small and immutable.
/// </summary>
public sealed class MessageMetadata
{
    public const int MaxKeyLength = 64, MaxEncodedBytes = 4096;

    private readonly KeyValuePair<string, string>[] _pairs;

    private MessageMetadata(KeyValuePair<string, string>[] pairs) => _pairs = pairs;

    public static MessageMetadata Empty { get; } = new([]);

    public IReadOnlyList<KeyValuePair<string, string>> Pairs => _pairs;

    public string? Get(string key)
    {
        foreach (var pair in _pairs) if (pair.Key == key) return pair.Value;
        return null;
    }

    /// <summary>A copy with <paramref name="key"/> set (an empty value removes it).</summary>
    public MessageMetadata With(string key, string value) => Overlay([new(key, value)]);

    public MessageMetadata With(params (string Key, string Value)[] pairs) =>
        Overlay([.. pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value))]);

    /// <summary>
    /// These pairs overlaid with <paramref name="changes"/>: a changed key keeps its place with the new value, a new
    /// key is appended, a key with an empty value is removed.
    /// </summary>
    public MessageMetadata Overlay(IReadOnlyList<KeyValuePair<string, string>> changes)
    {
        if (changes.Count == 0) return this;
        var result = new List<KeyValuePair<string, string>>(_pairs);
        foreach (var (key, value) in changes)
        {
            CheckKey(key);
            CheckValue(key, value);
            int index = result.FindIndex(p => p.Key == key);
            if (value.Length == 0)
            {
                if (index >= 0) result.RemoveAt(index);
            }
            else if (index >= 0) result[index] = new(key, value);
            else result.Add(new(key, value));
        }
        return new([.. result]);
    }

    public MessageMetadata Overlay(MessageMetadata changes) => Overlay(changes._pairs);

    public byte[] Encode()
    {
        var text = new StringBuilder();
        foreach (var (key, value) in _pairs) text.Append(key).Append('=').Append(value).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Decodes <c>key=value\n</c> lines (the last newline may be missing); throws <see cref="FormatException"/>.</summary>
    public static MessageMetadata Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxEncodedBytes) throw new FormatException($"metadata is {bytes.Length} bytes, more than {MaxEncodedBytes}");
        if (bytes.IsEmpty) return Empty;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new FormatException("metadata is not valid UTF-8", e);
        }
        var pairs = new List<KeyValuePair<string, string>>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            int equals = line.IndexOf('=');
            if (equals <= 0) throw new FormatException($"metadata line \"{Truncate(line)}\" is not key=value");
            var key = line[..equals];
            CheckKey(key);
            pairs.RemoveAll(p => p.Key == key);
            pairs.Add(new(key, line[(equals + 1)..]));
        }
        return new([.. pairs]);
    }

    public Dictionary<string, string> ToDictionary() => _pairs.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= MaxKeyLength && key.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '_' or '-');

    private static void CheckKey(string key)
    {
        if (!IsValidKey(key)) throw new FormatException($"metadata key \"{Truncate(key)}\" is not 1-{MaxKeyLength} of a-z 0-9 . _ -");
    }

    private static void CheckValue(string key, string value)
    {
        if (value.Contains('\n')) throw new FormatException($"metadata value of \"{key}\" contains a newline");
    }

    private static string Truncate(string s) => s.Length <= 40 ? s : s[..40] + "…";

    public override string ToString() => string.Join(" ", _pairs.Select(p => $"{p.Key}={p.Value}"));
}
