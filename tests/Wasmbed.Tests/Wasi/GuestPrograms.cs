using System.Text.Json;

namespace Wasmbed.Tests.Wasi;

/// <summary>tests/guests/guests.json: the C guest programs, their arguments, environment and stdin.</summary>
internal static class GuestPrograms
{
    public static string Directory { get; } = FindGuestsDirectory();

    public static IReadOnlyList<GuestProgram> All { get; } = Load();

    public static GuestProgram Get(string name) => All.Single(p => p.Name == name);

    private static string FindGuestsDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "guests");
            if (File.Exists(Path.Combine(candidate, "guests.json"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/guests/guests.json not found above " + AppContext.BaseDirectory);
    }

    private static List<GuestProgram> Load()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "guests.json")));
        var programs = new List<GuestProgram>();
        foreach (var element in document.RootElement.GetProperty("programs").EnumerateArray())
        {
            var name = element.GetProperty("name").GetString()!;
            var args = element.TryGetProperty("args", out var a) ? a.EnumerateArray().Select(x => x.GetString()!).ToArray() : [];
            var env = element.TryGetProperty("env", out var e)
                ? e.EnumerateObject().Select(p => new KeyValuePair<string, string>(p.Name, p.Value.GetString()!)).ToArray()
                : [];
            var stdin = element.TryGetProperty("stdin", out var s) ? Path.Combine(Directory, "src", s.GetString()!) : null;
            programs.Add(new GuestProgram(name, args, env, stdin));
        }
        return programs;
    }
}

internal sealed record GuestProgram(string Name, string[] Arguments, KeyValuePair<string, string>[] Environment, string? StdinPath)
{
    public string WasmPath => Path.Combine(GuestPrograms.Directory, "bin", Name + ".wasm");

    public byte[] ExpectedStdout => File.ReadAllBytes(Path.Combine(GuestPrograms.Directory, "expected", Name + ".stdout"));

    public int ExpectedExitCode => int.Parse(File.ReadAllText(Path.Combine(GuestPrograms.Directory, "expected", Name + ".exit")).Trim());
}
