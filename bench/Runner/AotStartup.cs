using System.Globalization;

namespace Wasmbed.Bench;

/// <summary>An artifact made by `wasmbed compile`: its size and how long the command took, or why there is none.</summary>
sealed record AotArtifact(long? Bytes, double? CompileSeconds, string? Failure);

/// <summary>One module of the ahead-of-time table: its run from the .wasm, from its artifact and from its ReadyToRun artifact.</summary>
sealed record AotRow(
    string Name, IReadOnlyList<string> Arguments, BenchEngine FromWasm, BenchEngine FromArtifact, BenchEngine FromReadyToRun,
    Dictionary<BenchEngine, Measurement> Measurements, AotArtifact Artifact, AotArtifact ReadyToRunArtifact);

/// <summary>
/// Start-up from ahead-of-time artifacts (docs/compiler.md): for hello, short runs of sha256 and mixed, and the large
/// module, the wall-clock time of `wasmbed run --tier compiler FILE.wasm` against `wasmbed run` on the artifact
/// `wasmbed compile` made of it, and on the one `wasmbed compile --ready-to-run` made. The runs are interleaved like
/// the workloads' and every output is checked against native's.
/// </summary>
static class AotStartup
{
    /// <summary>
    /// Program, arguments, options of `wasmbed run`. The WASI programs run briefly (about 10 ms natively: one SHA-256
    /// of 1 MiB, 1,000 rounds of mixed), so that loading and first calls are what the times show; the large module's
    /// run(1) calls each of its 2,500 functions once.
    /// </summary>
    static readonly (string Program, string[] Arguments, string[] RunOptions)[] Modules =
    [
        ("hello", [], []),
        ("sha256", ["1"], []),
        ("mixed", ["1000"], []),
        ("large", ["1"], ["--invoke", "run"]),
    ];

    public static IReadOnlyList<AotRow> Measure(string cli, string outDirectory, int runs, double timeoutSeconds)
    {
        var directory = Path.Combine(outDirectory, "aot");
        Directory.CreateDirectory(directory);
        var rows = new List<AotRow>();
        foreach (var (program, arguments, runOptions) in Modules)
        {
            var wasm = BenchEngine.WasmFile(outDirectory, program);
            string ArtifactPath(string variant) => Path.Combine(directory, $"{program}{variant}.wasmbed.dll");
            Suite.Log($"aot: compiling {program}");
            var artifact = Compile(cli, wasm, ArtifactPath(""), [], timeoutSeconds);
            var readyToRun = Compile(cli, wasm, ArtifactPath(".r2r"), ["--ready-to-run"], timeoutSeconds);
            BenchEngine[] engines =
            [
                BenchEngine.WasmbedRun("from .wasm", cli, _ => wasm, ["--tier", "compiler", .. runOptions], null),
                BenchEngine.WasmbedRun("artifact", cli, _ => ArtifactPath(""), runOptions, artifact.Failure),
                BenchEngine.WasmbedRun("ReadyToRun artifact", cli, _ => ArtifactPath(".r2r"), runOptions, readyToRun.Failure),
            ];
            var expected = ExpectedOutput(outDirectory, program, arguments, timeoutSeconds);
            var measurements = expected.Output is { } output
                ? Suite.Measure($"aot {program}", program, arguments, engines, runs, timeoutSeconds, output)
                : engines.ToDictionary(engine => engine, _ => new Measurement { Failure = expected.Failure });
            rows.Add(new AotRow(program, arguments, engines[0], engines[1], engines[2], measurements, artifact, readyToRun));
        }
        return rows;
    }

    static AotArtifact Compile(string cli, string wasm, string artifact, string[] options, double timeoutSeconds)
    {
        var result = TimedProcess.Run(cli, ["compile", wasm, "-o", artifact, .. options], timeoutSeconds);
        return result.Succeeded && File.Exists(artifact)
            ? new AotArtifact(new FileInfo(artifact).Length, result.Seconds, null)
            : new AotArtifact(null, null, $"wasmbed compile {string.Join(' ', options)} failed: {result.Describe(timeoutSeconds)}");
    }

    /// <summary>
    /// What `wasmbed run` must print: native's output; for the large module, whose native driver prints
    /// "large %08x" of run(1), the i32 that `--invoke run` prints.
    /// </summary>
    static (string? Output, string? Failure) ExpectedOutput(string outDirectory, string program, IReadOnlyList<string> arguments, double timeoutSeconds)
    {
        var native = TimedProcess.Run(Path.Combine(outDirectory, "native", program), arguments, timeoutSeconds);
        if (!native.Succeeded) return (null, $"native run failed ({native.Describe(timeoutSeconds)})");
        var output = native.Output.Trim();
        if (program != "large") return (output, null);
        return output.StartsWith("large ", StringComparison.Ordinal) && uint.TryParse(output["large ".Length..], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint value)
            ? (((int)value).ToString(CultureInfo.InvariantCulture), null)
            : (null, $"native large printed '{output}'");
    }
}
