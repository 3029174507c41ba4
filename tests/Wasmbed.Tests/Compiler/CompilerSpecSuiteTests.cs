using Wasmbed.Cli.Wast;
using Wasmbed.Compiler;
using Wasmbed.Tests.Spec;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Compiler;

/// <summary>Every file of the official WebAssembly 2.0 test suite, one test per file, on the compiler tier and its variants.</summary>
public sealed class CompilerSpecSuiteTests(ITestOutputHelper output)
{
    /// <summary>Every function compiled before it runs, in a dynamic assembly (the default).</summary>
    [Theory]
    [MemberData(nameof(SpecSuiteTests.Files), MemberType = typeof(SpecSuiteTests))]
    public void Compiler(string file) =>
        Run(file, new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler() });

    /// <summary>The same files with fuel accounting and interruption checks in the compiled code: neither may change a result.</summary>
    [Theory]
    [MemberData(nameof(SpecSuiteTests.Files), MemberType = typeof(SpecSuiteTests))]
    public void CompilerWithFuelAndInterruption(string file) =>
        Run(file, new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler(), ConsumeFuel = true, Interruptible = true });

    /// <summary>The compiled module saved and loaded as a regular collectible assembly (the path of saved artifacts).</summary>
    [Theory]
    [MemberData(nameof(SpecSuiteTests.Files), MemberType = typeof(SpecSuiteTests))]
    public void CompilerLoadedAssembly(string file) =>
        Run(file, new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler { TieredJit = true } });

    /// <summary>
    /// Non-collectible code with no function optimized up front (<c>wasmbed run</c>'s setting, with every function
    /// over the size limit): .NET's tier-0 code first, optimized code for what gets hot.
    /// </summary>
    [Theory]
    [MemberData(nameof(SpecSuiteTests.Files), MemberType = typeof(SpecSuiteTests))]
    public void CompilerNonCollectibleTiered(string file) =>
        Run(file, new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler { Collectible = false, LargeFunctionBytes = 0 } });

    /// <summary>Interpreter first, compiled code once the background compilation is done: results must not change.</summary>
    [Theory]
    [MemberData(nameof(SpecSuiteTests.Files), MemberType = typeof(SpecSuiteTests))]
    public void Tiered(string file) =>
        Run(file, new EngineOptions { Tier = ExecutionTier.Tiered, Compiler = new IlCompiler() });

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
