using Wasmbed.Cli.Wast;
using Wasmbed.Compiler;
using Wasmbed.Tests.Spec;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Compiler;

/// <summary>Every file of the official WebAssembly 2.0 test suite, one test per file, on the compiler tier.</summary>
public sealed class CompilerSpecSuiteTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(SpecSuiteTests.Files), MemberType = typeof(SpecSuiteTests))]
    public void Compiler(string file)
    {
        var runner = new WastRunner(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler() },
            Path.Combine(TestPaths.Repository(), "tests", "spec-skips.txt"));
        var result = runner.RunFile(Path.Combine(TestPaths.SpecSuite("2.0"), file));
        foreach (var line in result.Failures.Concat(result.Skips)) output.WriteLine(line);
        output.WriteLine($"{file}: {result.Passed} passed, {result.Failed} failed, {result.Skipped} skipped");
        Assert.True(result.Passed > 0, $"{file}: no command ran");
        Assert.True(result.Failed == 0, $"{file}: {result.Failed} failed:\n{string.Join("\n", result.Failures.Take(20))}");
    }
}
