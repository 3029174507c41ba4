namespace Wasmbed.Cli.Wast;

/// <summary>
/// The one list of spec-suite commands that are not run, each with its reason
/// (tests/spec-skips.txt: <c>file.wast:LINE reason</c> per line, <c>#</c> comments).
/// A skip is counted and printed, never silently dropped.
/// </summary>
internal sealed class SpecSkipList
{
    private readonly Dictionary<(string File, int Line), string> _reasons = [];

    public static SpecSkipList Empty { get; } = new();

    public int Count => _reasons.Count;

    public static SpecSkipList Load(string path)
    {
        var list = new SpecSkipList();
        int number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            int space = line.IndexOf(' ');
            var location = space < 0 ? line : line[..space];
            var reason = space < 0 ? "" : line[(space + 1)..].Trim();
            int colon = location.LastIndexOf(':');
            if (colon < 0 || !int.TryParse(location[(colon + 1)..], out int at) || reason.Length == 0)
                throw new FormatException($"{path}:{number}: expected 'file.wast:LINE reason'");
            list._reasons[(location[..colon], at)] = reason;
        }
        return list;
    }

    public bool TryGetReason(string fileName, int line, out string reason) =>
        _reasons.TryGetValue((Path.GetFileName(fileName), line), out reason!);

    /// <summary>Finds tests/spec-skips.txt by walking up from <paramref name="start"/>.</summary>
    public static SpecSkipList FindDefault(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "spec-skips.txt");
            if (File.Exists(candidate)) return Load(candidate);
        }
        return Empty;
    }
}
