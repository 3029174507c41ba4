using System.Globalization;
using System.Text;

namespace Wasmbed.Bench;

/// <summary>Everything one bench/run measured, ready to be written as markdown.</summary>
sealed record SuiteResults(
    MachineInfo Machine,
    int Runs,
    IReadOnlyList<BenchEngine> Engines,
    IReadOnlyList<(Workload Workload, Dictionary<BenchEngine, Measurement> Measurements)> Workloads,
    Dictionary<BenchEngine, Measurement> StartUp,
    IReadOnlyList<InProcessResult> InProcess,
    string? ExpectedLargeResult,
    long LargeModuleBytes,
    IReadOnlyList<AotRow> Aot);

/// <summary>
/// Writes the results section of docs/PERFORMANCE.md: the part between the two marker comments is
/// replaced, and the hand-written text around it (methodology, reproduction) is kept.
/// </summary>
static class Report
{
    public const string BeginMarker = "<!-- bench/run results: begin (generated; edits here are overwritten) -->";
    public const string EndMarker = "<!-- bench/run results: end -->";

    public static void WriteInto(string documentPath, string section)
    {
        var block = $"{BeginMarker}\n{section.TrimEnd()}\n{EndMarker}";
        var text = File.Exists(documentPath) ? File.ReadAllText(documentPath) : "# Performance\n";
        var begin = text.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = text.IndexOf(EndMarker, StringComparison.Ordinal);
        text = begin >= 0 && end > begin
            ? text[..begin] + block + text[(end + EndMarker.Length)..]
            : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(documentPath, text);
    }

    public static string Render(SuiteResults results)
    {
        var markdown = new StringBuilder();
        var machine = results.Machine;
        markdown.AppendLine(Invariant($"Measured {machine.Date}, median of {results.Runs} runs per engine and workload."))
            .AppendLine()
            .AppendLine("| machine | |")
            .AppendLine("| --- | --- |")
            .AppendLine($"| CPU | {machine.Cpu} |")
            .AppendLine(Invariant($"| logical cores | {machine.LogicalCores} |"))
            .AppendLine($"| memory | {machine.Memory} |")
            .AppendLine($"| OS | {machine.OperatingSystem} |")
            .AppendLine($"| .NET | {machine.DotNet} |")
            .AppendLine($"| Node.js | {machine.Node} |")
            .AppendLine($"| C compiler | {machine.Clang} |")
            .AppendLine($"| load average at start (1, 5, 15 min) | {machine.LoadAverage} |")
            .AppendLine();

        var engines = results.Engines;
        var native = engines.Single(engine => engine.IsNative);
        var others = engines.Where(engine => !engine.IsNative).ToList();
        var failures = new List<string>();

        markdown.AppendLine("### Workloads (wall-clock seconds, whole process; × = slowdown against native)").AppendLine();
        markdown.Append("| workload | arguments | native s |");
        foreach (var engine in others) markdown.Append($" {engine.Title} s | × |");
        markdown.AppendLine().Append("| --- | --- | ---: |");
        foreach (var _ in others) markdown.Append(" ---: | ---: |");
        markdown.AppendLine();
        foreach (var (workload, measurements) in results.Workloads)
        {
            var nativeSeconds = measurements[native].Median;
            markdown.Append($"| {workload.Name}{(workload.InGeometricMean ? "" : " †")} | `{string.Join(' ', workload.Arguments)}` | {Seconds(nativeSeconds)} |");
            if (measurements[native].Failure is { } nativeFailure) failures.Add($"{workload.Name}, native: {nativeFailure}");
            foreach (var engine in others)
            {
                var measurement = measurements[engine];
                if (engine.UnavailableReason is null && measurement.Failure is { } failure)
                    failures.Add($"{workload.Name}, {engine.Title}: {failure}");
                markdown.Append(engine.UnavailableReason is not null ? " — | — |"
                    : measurement.Median is { } median ? $" {Seconds(median)} | {Ratio(median, nativeSeconds)} |"
                    : " failed | |");
            }
            markdown.AppendLine();
        }

        var geometric = results.Workloads.Where(w => w.Workload.InGeometricMean).ToList();
        AppendGeometricMeanRow(markdown, "geometric mean ×", geometric, native, others, startUp: null);
        AppendGeometricMeanRow(markdown, "… start-up subtracted", geometric, native, others, results.StartUp);
        markdown.AppendLine()
            .AppendLine($"The geometric means cover {string.Join(", ", geometric.Select(w => w.Workload.Name))} "
                + "(the project's interpreter goal is at most 15× native); † marks workloads outside them. "
                + "\"Start-up subtracted\" takes each engine's `hello` time (below) off every workload time before dividing.")
            .AppendLine();

        markdown.AppendLine("### Start-up: running `hello.wasm` (prints one line)").AppendLine();
        markdown.AppendLine("| engine | seconds |").AppendLine("| --- | ---: |");
        foreach (var engine in engines)
        {
            var measurement = results.StartUp[engine];
            markdown.AppendLine($"| {engine.Title} | {(engine.UnavailableReason is not null ? "—" : measurement.Median is { } median ? Seconds(median) : "failed")} |");
            if (engine.UnavailableReason is null && measurement.Failure is { } failure) failures.Add($"hello, {engine.Title}: {failure}");
        }
        markdown.AppendLine();

        markdown.AppendLine(Invariant($"### In-process: large module ({results.LargeModuleBytes / 1e6:0.00} MB, no imports) and calls across the boundary")).AppendLine();
        markdown.AppendLine("| engine | load + validate + instantiate ms | first `run()` call ms | result | host→wasm ns/call | wasm→host ns/call |")
            .AppendLine("| --- | ---: | ---: | --- | ---: | ---: |");
        foreach (var result in results.InProcess)
        {
            var resultCheck = result.LargeResult is null ? "—"
                : result.LargeResult == results.ExpectedLargeResult ? "matches native" : $"**wrong**: {result.LargeResult}";
            markdown.AppendLine($"| {result.Engine} | {Milliseconds(result.LoadSeconds)} | {Milliseconds(result.FirstCallSeconds)} | {resultCheck} | {Nanoseconds(result.HostToWasmNs)} | {Nanoseconds(result.WasmToHostNs)} |");
            if (result.Error is { } error) failures.Add($"in-process, {result.Engine}: {error}");
        }
        markdown.AppendLine();

        if (results.Aot.Count > 0) AppendAotStartup(markdown, results.Aot, results.LargeModuleBytes, failures);

        var unavailable = engines.Where(engine => engine.UnavailableReason is not null).ToList();
        if (unavailable.Count > 0 || failures.Count > 0)
        {
            markdown.AppendLine("### Not measured").AppendLine();
            foreach (var engine in unavailable) markdown.AppendLine($"- {engine.Title}: {engine.UnavailableReason}");
            foreach (var failure in failures) markdown.AppendLine($"- {failure}");
            markdown.AppendLine();
        }
        return markdown.ToString();
    }

    /// <summary>The ahead-of-time table (<see cref="AotStartup"/>): run times from .wasm and from artifacts side by side, with what the artifacts cost.</summary>
    static void AppendAotStartup(StringBuilder markdown, IReadOnlyList<AotRow> rows, long largeModuleBytes, List<string> failures)
    {
        markdown.AppendLine("### Start-up from ahead-of-time artifacts (`wasmbed compile`; wall-clock seconds, whole process)").AppendLine();
        markdown.AppendLine("| module | arguments | from .wasm s | artifact s | ReadyToRun artifact s | artifact MB | ReadyToRun artifact MB | `wasmbed compile` s | `--ready-to-run` s |")
            .AppendLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            var name = row.Name == "large" ? Invariant($"large ({largeModuleBytes / 1e6:0.00} MB)") : row.Name;
            var arguments = row.Name == "large" ? "`--invoke run` `1`" : row.Arguments.Count == 0 ? "" : $"`{string.Join(' ', row.Arguments)}`";
            markdown.Append($"| {name} | {arguments} |");
            foreach (var engine in new[] { row.FromWasm, row.FromArtifact, row.FromReadyToRun })
            {
                var measurement = row.Measurements[engine];
                markdown.Append(engine.UnavailableReason is not null ? " — |" : measurement.Median is { } median ? $" {Seconds(median)} |" : " failed |");
                if (measurement.Failure is { } failure) failures.Add($"ahead-of-time, {row.Name}, {engine.Title}: {failure}");
            }
            foreach (var artifact in new[] { row.Artifact, row.ReadyToRunArtifact })
                markdown.Append(artifact.Bytes is { } bytes ? Invariant($" {bytes / 1e6:0.00} |") : " — |");
            foreach (var artifact in new[] { row.Artifact, row.ReadyToRunArtifact })
                markdown.Append(artifact.CompileSeconds is { } seconds ? $" {Seconds(seconds)} |" : " — |");
            markdown.AppendLine();
        }
        markdown.AppendLine()
            .AppendLine("From .wasm: `wasmbed run --tier compiler FILE.wasm`; artifact: `wasmbed run FILE.wasmbed.dll` after `wasmbed compile FILE.wasm` "
                + "(compiled IL, still JIT-compiled when loaded); ReadyToRun artifact: the same after `wasmbed compile --ready-to-run` (native code "
                + "from crossgen2). Medians of interleaved runs, every output checked against native's; the compile times are one run each.")
            .AppendLine();
    }

    static void AppendGeometricMeanRow(
        StringBuilder markdown, string title, IReadOnlyList<(Workload Workload, Dictionary<BenchEngine, Measurement> Measurements)> workloads,
        BenchEngine native, IReadOnlyList<BenchEngine> others, Dictionary<BenchEngine, Measurement>? startUp)
    {
        markdown.Append($"| **{title}** | | |");
        foreach (var engine in others)
        {
            var ratios = new List<double>();
            foreach (var (_, measurements) in workloads)
            {
                if (measurements[engine].Median is not { } seconds || measurements[native].Median is not { } nativeSeconds) continue;
                if (startUp is not null)
                {
                    if (startUp[engine].Median is not { } engineStart || startUp[native].Median is not { } nativeStart) continue;
                    seconds -= engineStart;
                    nativeSeconds -= nativeStart;
                }
                if (seconds > 0 && nativeSeconds > 0) ratios.Add(seconds / nativeSeconds);
            }
            // A mean over fewer workloads is not comparable with a full one, so it says how many it covers.
            markdown.Append(ratios.Count == 0 ? " | — |"
                : ratios.Count == workloads.Count ? Invariant($" | **{Statistics.GeometricMean(ratios):0.0}** |")
                : Invariant($" | {Statistics.GeometricMean(ratios):0.0} ({ratios.Count} of {workloads.Count}) |"));
        }
        markdown.AppendLine();
    }

    static string Seconds(double? seconds) => seconds is { } value ? Invariant($"{value:0.000}") : "failed";

    static string Ratio(double seconds, double? nativeSeconds) =>
        nativeSeconds is { } native && native > 0 ? Invariant($"{seconds / native:0.0}") : "";

    static string Milliseconds(double? seconds) => seconds is { } value ? Invariant($"{value * 1000:0.0}") : "—";

    static string Nanoseconds(double? ns) => ns is { } value ? Invariant($"{value:0.0}") : "—";

    static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
