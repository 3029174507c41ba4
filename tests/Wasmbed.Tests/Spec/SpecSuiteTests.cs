using Wasmbed.Cli.Wast;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Spec;

/// <summary>Every file of the official WebAssembly 2.0 test suite, one test per file, on the interpreter.</summary>
public sealed class SpecSuiteTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(TestPaths.SpecSuite("2.0"), "*.wast").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Interpreter(string file) => Run(file, new EngineOptions { Tier = ExecutionTier.Interpreter });

    /// <summary>The same files with fuel accounting and interruption checks in the code: neither may change a result.</summary>
    [Theory]
    [MemberData(nameof(Files))]
    public void InterpreterWithFuelAndInterruption(string file) =>
        Run(file, new EngineOptions { Tier = ExecutionTier.Interpreter, ConsumeFuel = true, Interruptible = true });

    private void Run(string file, EngineOptions options)
    {
        var runner = new WastRunner(options, Path.Combine(TestPaths.Repository(), "tests", "spec-skips.txt"));
        var result = runner.RunFile(Path.Combine(TestPaths.SpecSuite("2.0"), file));
        foreach (var line in result.Failures.Concat(result.Skips)) output.WriteLine(line);
        output.WriteLine($"{file}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped");
        Assert.True(result.Passed > 0, $"{file}: no command ran");
        Assert.True(result.Failed == 0, $"{file}: {result.Failed} failed:\n{string.Join("\n", result.Failures.Take(20))}");
    }
}
