using System.Diagnostics;
using Wasmbed.Text;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Text;

/// <summary>The text side of the official 2.0 test suite: every script parses, every well-formed module encodes, every malformed quote fails.</summary>
public sealed class SpecSuiteTextTests(ITestOutputHelper output)
{
    /// <summary>
    /// assert_malformed quote modules that only the binary decoder can reject (none so far; each entry
    /// is "file.wast:line" with the reason in a comment).
    /// </summary>
    private static readonly HashSet<string> MalformedOnlyInBinary = [];

    public static TheoryData<string> SuiteFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(SuiteDirectory.Path, "*.wast").Order(StringComparer.Ordinal))
            data.Add(System.IO.Path.GetFileName(path));
        return data;
    }

    [Fact]
    public void SuiteHasAllFiles() =>
        Assert.Equal(147, Directory.GetFiles(SuiteDirectory.Path, "*.wast").Length);

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void ScriptParsesAndModulesEncodeAsExpected(string file)
    {
        var stopwatch = Stopwatch.StartNew();
        var script = WastScript.Parse(File.ReadAllText(System.IO.Path.Combine(SuiteDirectory.Path, file)), file);
        Assert.NotEmpty(script.Commands);
        int encoded = 0, rejected = 0;
        var problems = new List<string>();
        foreach (var command in script.Commands)
        {
            var module = command switch
            {
                WastModuleCommand m => m.Module,
                WastAssertModule a => a.Module,
                WastAssertTrap { Module: { } m } => m,
                _ => null,
            };
            if (module is null || module.Format == WastModuleFormat.Binary) continue;
            bool malformed = command is WastAssertModule { Kind: WastModuleAssertionKind.Malformed };
            try
            {
                module.Encode();
                encoded++;
                if (malformed && !MalformedOnlyInBinary.Contains($"{file}:{command.Line}"))
                    problems.Add($"line {command.Line}: malformed module encoded without error (expected \"{((WastAssertModule)command).Message}\")");
            }
            catch (WasmFormatException error)
            {
                rejected++;
                if (!malformed) problems.Add($"line {command.Line}: {error.Message}");
            }
        }
        output.WriteLine($"{file}: {script.Commands.Count} commands, {encoded} modules encoded, {rejected} malformed rejected, {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}

/// <summary>Finds shared/wasm-testsuite/2.0 by walking up from the test assembly (the repo is /work/main or /work/wt/name).</summary>
internal static class SuiteDirectory
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Path => Located.Value;

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "shared", "wasm-testsuite", "2.0");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/wasm-testsuite/2.0 not found in any parent of {AppContext.BaseDirectory}; the spec suite must sit beside the repository.");
    }
}
