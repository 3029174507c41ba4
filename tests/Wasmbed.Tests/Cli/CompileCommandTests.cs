using System.Text;

namespace Wasmbed.Tests.Cli;

/// <summary><c>wasmbed compile</c> and running its artifacts, as real processes on real files.</summary>
public sealed class CompileCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wasmbed-compile-").FullName;

    /// <summary>A WASI program built by clang (tests/guests/bench) and the line the native build prints for these arguments.</summary>
    private static readonly string Sha256 = Path.Combine(TestPaths.Repository(), "tests", "guests", "bench", "sha256.wasm");

    private static readonly string[] Sha256Arguments = ["1", "4"];

    private const string Sha256Output = "sha256 c62dd60c\n";

    private static string Stdout(WasmbedProcess.Result result) => Encoding.UTF8.GetString(result.Stdout);

    private string Compile(string module, string name, params string[] options)
    {
        var artifact = Path.Combine(_directory, name);
        var result = WasmbedProcess.Run(["compile", module, "-o", artifact, .. options]);
        Assert.True(result.ExitCode == 0, $"wasmbed compile exited with {result.ExitCode}: {result.Stderr}");
        Assert.StartsWith($"{module} -> {artifact} (", Stdout(result), StringComparison.Ordinal);
        return artifact;
    }

    [Fact]
    public void A_compiled_WASI_program_prints_what_the_wasm_prints()
    {
        var fromWasm = WasmbedProcess.Run(["run", "--tier", "compiler", Sha256, .. Sha256Arguments]);
        Assert.Equal(0, fromWasm.ExitCode);
        Assert.Equal(Sha256Output, Stdout(fromWasm));

        var artifact = Compile(Sha256, "sha256.wasmbed.dll");
        var fromArtifact = WasmbedProcess.Run(["run", artifact, .. Sha256Arguments]);
        Assert.True(fromArtifact.ExitCode == 0, fromArtifact.Stderr);
        Assert.Equal(Sha256Output, Stdout(fromArtifact));

        var checkedAgainstWasm = WasmbedProcess.Run(["run", "--aot", artifact, Sha256, .. Sha256Arguments]);
        Assert.True(checkedAgainstWasm.ExitCode == 0, checkedAgainstWasm.Stderr);
        Assert.Equal(Sha256Output, Stdout(checkedAgainstWasm));
    }

    [Fact]
    public void The_artifact_goes_beside_the_module_by_default_and_runs_invoked_exports()
    {
        var module = Path.Combine(_directory, "fac.wat");
        File.Copy(Path.Combine(TestPaths.Repository(), "examples", "fac.wat"), module);

        var compile = WasmbedProcess.Run(["compile", module]);
        Assert.True(compile.ExitCode == 0, compile.Stderr);
        var artifact = Path.Combine(_directory, "fac.wasmbed.dll");
        Assert.True(File.Exists(artifact));

        var result = WasmbedProcess.Run(["run", "--invoke", "fac", artifact, "20"]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("2432902008176640000\n", Stdout(result));
    }

    [Fact]
    public void An_artifact_compiled_with_fuel_runs_with_fuel_and_is_refused_without()
    {
        var metered = Compile(Sha256, "sha256-fuel.wasmbed.dll", "--fuel");
        var withFuel = WasmbedProcess.Run(["run", "--fuel", "100000000000", metered, .. Sha256Arguments]);
        Assert.True(withFuel.ExitCode == 0, withFuel.Stderr);
        Assert.Equal(Sha256Output, Stdout(withFuel));
        var outOfFuel = WasmbedProcess.Run(["run", "--fuel", "1000", metered, .. Sha256Arguments]);
        Assert.Equal(134, outOfFuel.ExitCode);
        Assert.Contains("out of fuel", outOfFuel.Stderr, StringComparison.Ordinal);

        var refused = WasmbedProcess.Run(["run", metered, .. Sha256Arguments]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Equal($"error: {metered}: compiled with fuel metering, which this engine does not use: compile the module again with this engine's options\n", refused.Stderr);
        Assert.Empty(refused.Stdout);
    }

    [Fact]
    public void Stale_damaged_and_misused_artifacts_are_refused_before_anything_runs()
    {
        var artifact = Compile(Sha256, "sha256.wasmbed.dll");
        var fac = Path.Combine(TestPaths.Repository(), "examples", "fac.wat");

        var interruptible = WasmbedProcess.Run(["run", "--timeout", "1h", artifact, .. Sha256Arguments]);
        Assert.Equal(1, interruptible.ExitCode);
        Assert.StartsWith($"error: {artifact}: compiled without interruption checks", interruptible.Stderr, StringComparison.Ordinal);
        Assert.Contains("wasmbed compile --interruptible", interruptible.Stderr, StringComparison.Ordinal);

        var otherModule = WasmbedProcess.Run(["run", "--aot", artifact, "--invoke", "fac", fac, "5"]);
        Assert.Equal(1, otherModule.ExitCode);
        Assert.Equal($"error: {artifact}: compiled from another module than the one given (their SHA-256 hashes differ): compile the module again\n", otherModule.Stderr);

        var interpreter = WasmbedProcess.Run(["run", "--tier", "interpreter", artifact, .. Sha256Arguments]);
        Assert.Equal(2, interpreter.ExitCode);
        Assert.Contains("runs on --tier compiler", interpreter.Stderr, StringComparison.Ordinal);

        var damaged = Path.Combine(_directory, "damaged.wasmbed.dll");
        var bytes = File.ReadAllBytes(artifact);
        bytes[1000] ^= 1;
        File.WriteAllBytes(damaged, bytes);
        var result = WasmbedProcess.Run(["run", damaged, .. Sha256Arguments]);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {damaged}: damaged or modified after it was written: its content does not match its SHA-256\n", result.Stderr);
        Assert.Empty(result.Stdout);
    }

    [Fact]
    public void Compile_reports_usage_and_module_errors()
    {
        var notValid = Path.Combine(_directory, "bad.wat");
        File.WriteAllText(notValid, "(module (func (result i32) (i64.const 1)))");
        var invalid = WasmbedProcess.Run(["compile", notValid]);
        Assert.Equal(1, invalid.ExitCode);
        Assert.StartsWith("error: ", invalid.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "bad.wasmbed.dll")));

        var crossgen2WithoutReadyToRun = WasmbedProcess.Run(["compile", Sha256, "-o", Path.Combine(_directory, "x.dll"), "--crossgen2", "/bin/true"]);
        Assert.Equal(2, crossgen2WithoutReadyToRun.ExitCode);
        Assert.Equal("error: --crossgen2 is for --ready-to-run\n", crossgen2WithoutReadyToRun.Stderr);
    }

    /// <summary>
    /// The runtime lists every method it JIT-compiles (DOTNET_JitStdOutFile, DOTNET_JitDisasmSummary): from a
    /// ReadyToRun artifact no compiled WebAssembly function is JIT-compiled before its first call, from an IL artifact
    /// they all are. (Hot functions may be recompiled later by tiered compilation, "Tier1", which is allowed.) crc16 has
    /// no SIMD: crossgen2 leaves functions that pass a V128 to Wasmbed's SIMD helpers to the JIT (docs/compiler.md).
    /// </summary>
    [Fact]
    public void A_ReadyToRun_artifact_runs_without_JIT_compiling_its_functions()
    {
        var crc16 = Path.Combine(TestPaths.Repository(), "tests", "guests", "bench", "crc16.wasm");
        var readyToRun = Compile(crc16, "crc16-r2r.wasmbed.dll", "--ready-to-run");
        var il = Compile(crc16, "crc16.wasmbed.dll");

        Assert.Empty(JitCompiledFunctions(readyToRun));
        Assert.Contains(JitCompiledFunctions(il), line => line.Contains(":crc16_ccitt(", StringComparison.Ordinal));
    }

    private List<string> JitCompiledFunctions(string artifact)
    {
        var list = Path.Combine(_directory, Path.GetFileName(artifact) + ".jit.txt");
        var result = WasmbedProcess.Run(["run", artifact, "20", "100"],
            environment: new Dictionary<string, string> { ["DOTNET_JitStdOutFile"] = list, ["DOTNET_JitDisasmSummary"] = "1" });
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal("crc16 1547ea64\n", Stdout(result));
        var lines = File.ReadAllLines(list);
        Assert.Contains(lines, line => line.Contains("JIT compiled", StringComparison.Ordinal));
        // Generated methods live in the module's context type, Wasm.<module name>.
        return [.. lines.Where(line => line.Contains(" Wasm.", StringComparison.Ordinal) && !line.Contains("Tier1", StringComparison.Ordinal))];
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
