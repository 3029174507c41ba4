using System.Globalization;

namespace Wasmbed.Device.Packages;

/// <summary>
/// A Semantic Versioning 2.0.0 version: <c>MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]</c>. Ordering follows
/// semver.org §11: numeric core, then a pre-release sorts before its release, identifiers compared one by
/// one (numeric ones numerically and below alphanumeric ones); build metadata is ignored for ordering.
/// </summary>
public sealed class SemanticVersion : IComparable<SemanticVersion>, IEquatable<SemanticVersion>
{
    private readonly string[] _prerelease;

    private SemanticVersion(ulong major, ulong minor, ulong patch, string[] prerelease, string? build, string text)
    {
        Major = major;
        Minor = minor;
        Patch = patch;
        _prerelease = prerelease;
        Build = build;
        Text = text;
    }

    public ulong Major { get; }
    public ulong Minor { get; }
    public ulong Patch { get; }

    /// <summary>Dot-separated pre-release identifiers (empty for a release).</summary>
    public IReadOnlyList<string> Prerelease => _prerelease;

    /// <summary>Build metadata after <c>+</c>, or null. Ignored when comparing.</summary>
    public string? Build { get; }

    /// <summary>The version as written.</summary>
    public string Text { get; }

    public static SemanticVersion Parse(string text) =>
        TryParse(text, out var version, out var error) ? version : throw new FormatException($"\"{text}\" is not a semantic version: {error}");

    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SemanticVersion? version, out string error)
    {
        version = null;
        if (string.IsNullOrEmpty(text)) { error = "empty"; return false; }
        string rest = text;
        string? build = null;
        int plus = rest.IndexOf('+');
        if (plus >= 0)
        {
            build = rest[(plus + 1)..];
            rest = rest[..plus];
            if (!ValidIdentifiers(build, numericNoLeadingZero: false, out error)) { error = "build metadata: " + error; return false; }
        }
        string[] prerelease = [];
        int dash = rest.IndexOf('-');
        if (dash >= 0)
        {
            var pre = rest[(dash + 1)..];
            rest = rest[..dash];
            if (!ValidIdentifiers(pre, numericNoLeadingZero: true, out error)) { error = "pre-release: " + error; return false; }
            prerelease = pre.Split('.');
        }
        var core = rest.Split('.');
        if (core.Length != 3) { error = "expected MAJOR.MINOR.PATCH"; return false; }
        var numbers = new ulong[3];
        for (int i = 0; i < 3; i++)
        {
            if (!IsNumeric(core[i]) || (core[i].Length > 1 && core[i][0] == '0')
                || !ulong.TryParse(core[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                error = $"\"{core[i]}\" is not a number without leading zeros";
                return false;
            }
        }
        version = new SemanticVersion(numbers[0], numbers[1], numbers[2], prerelease, build, text);
        error = "";
        return true;
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null) return 1;
        int c = Major.CompareTo(other.Major);
        if (c == 0) c = Minor.CompareTo(other.Minor);
        if (c == 0) c = Patch.CompareTo(other.Patch);
        if (c != 0) return c;
        // spec: semver 11.3 a pre-release version has lower precedence than the release
        if (_prerelease.Length == 0 || other._prerelease.Length == 0)
            return (_prerelease.Length == 0 ? 1 : 0) - (other._prerelease.Length == 0 ? 1 : 0);
        for (int i = 0; i < Math.Min(_prerelease.Length, other._prerelease.Length); i++)
        {
            c = CompareIdentifier(_prerelease[i], other._prerelease[i]);
            if (c != 0) return c;
        }
        return _prerelease.Length.CompareTo(other._prerelease.Length);
    }

    public bool Equals(SemanticVersion? other) => other is not null && CompareTo(other) == 0;
    public override bool Equals(object? obj) => obj is SemanticVersion other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(Major, Minor, Patch, string.Join('.', _prerelease));
    public override string ToString() => Text;

    public static bool operator <(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) < 0;
    public static bool operator >(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) > 0;
    public static bool operator <=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) <= 0;
    public static bool operator >=(SemanticVersion a, SemanticVersion b) => a.CompareTo(b) >= 0;

    // spec: semver 11.4 numeric identifiers compare numerically and sort below alphanumeric ones
    private static int CompareIdentifier(string a, string b)
    {
        bool numericA = IsNumeric(a), numericB = IsNumeric(b);
        if (numericA && numericB)
            return a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
        if (numericA) return -1;
        if (numericB) return 1;
        return Math.Sign(string.CompareOrdinal(a, b));
    }

    private static bool ValidIdentifiers(string text, bool numericNoLeadingZero, out string error)
    {
        foreach (var identifier in text.Split('.'))
        {
            if (identifier.Length == 0) { error = "empty identifier"; return false; }
            foreach (char ch in identifier)
            {
                if (!(char.IsAsciiLetterOrDigit(ch) || ch == '-')) { error = $"'{ch}' is not allowed"; return false; }
            }
            if (numericNoLeadingZero && IsNumeric(identifier) && identifier.Length > 1 && identifier[0] == '0')
            {
                error = $"\"{identifier}\" has a leading zero";
                return false;
            }
        }
        error = "";
        return true;
    }

    private static bool IsNumeric(string text) => text.Length > 0 && text.All(char.IsAsciiDigit);
}
