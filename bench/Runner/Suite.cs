namespace Wasmbed.Bench;

/// <summary>The timings of one workload on one engine, or why there are none.</summary>
sealed class Measurement
{
    public List<double> Seconds { get; } = [];

    /// <summary>Why the engine has no (trustworthy) time for this workload; null when it ran correctly.</summary>
    public string? Failure { get; set; }

    public double? Median => Failure is null && Seconds.Count > 0 ? Statistics.Median(Seconds) : null;
}

/// <summary>
/// Times a workload on every engine. One untimed warm-up run per engine checks the output against
/// native's; then the timed runs go round the engines, starting from a different engine each round,
/// so that a noisy stretch of the machine hits all engines alike rather than one.
/// </summary>
static class Suite
{
    /// <param name="expectedOutput">
    /// The output every engine must print; when null, <paramref name="engines"/> includes native code and its output is
    /// the expectation.
    /// </param>
    public static Dictionary<BenchEngine, Measurement> Measure(
        string label, string program, IReadOnlyList<string> arguments, IReadOnlyList<BenchEngine> engines, int runs, double timeoutSeconds,
        string? expectedOutput = null)
    {
        var measurements = engines.ToDictionary(engine => engine, engine => new Measurement { Failure = engine.UnavailableReason });
        var expected = expectedOutput;
        if (expected is null)
        {
            var native = engines.Single(engine => engine.IsNative);
            var reference = Run(native, program, arguments, timeoutSeconds);
            if (!reference.Succeeded)
            {
                foreach (var measurement in measurements.Values)
                    measurement.Failure ??= $"native run failed ({reference.Describe(timeoutSeconds)})";
                Log($"{label}: native failed: {reference.Describe(timeoutSeconds)}");
                return measurements;
            }
            expected = reference.Output.Trim();
        }
        Log($"{label}: expecting '{expected}'");

        foreach (var engine in engines.Where(engine => !engine.IsNative && measurements[engine].Failure is null))
            measurements[engine].Failure = Check(Run(engine, program, arguments, timeoutSeconds), expected, timeoutSeconds);

        var active = engines.Where(engine => measurements[engine].Failure is null).ToList();
        for (var round = 0; round < runs; round++)
        {
            for (var i = 0; i < active.Count; i++)
            {
                var engine = active[(round + i) % active.Count];
                var measurement = measurements[engine];
                if (measurement.Failure is not null) continue;
                var result = Run(engine, program, arguments, timeoutSeconds);
                measurement.Failure = Check(result, expected, timeoutSeconds);
                if (measurement.Failure is null) measurement.Seconds.Add(result.Seconds);
            }
        }

        foreach (var engine in engines)
        {
            var measurement = measurements[engine];
            Log(measurement.Failure is { } failure
                ? $"{label}: {engine.Title}: not measured: {failure}"
                : $"{label}: {engine.Title}: median {measurement.Median:0.000} s of [{string.Join(", ", measurement.Seconds.Select(s => s.ToString("0.000")))}]");
        }
        return measurements;
    }

    static RunResult Run(BenchEngine engine, string program, IReadOnlyList<string> arguments, double timeoutSeconds)
    {
        var (file, commandArguments) = engine.Command(program, arguments);
        return TimedProcess.Run(file, commandArguments, timeoutSeconds);
    }

    /// <summary>Null when the run succeeded with the expected output, else why not.</summary>
    static string? Check(RunResult result, string expected, double timeoutSeconds)
    {
        if (!result.Succeeded) return result.Describe(timeoutSeconds);
        var actual = result.Output.Trim();
        return actual == expected ? null : $"wrong output '{(actual.Length > 60 ? actual[..60] + "…" : actual)}', expected '{expected}'";
    }

    public static void Log(string message) => Console.Error.WriteLine($"[bench] {message}");
}

static class Statistics
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    public static double GeometricMean(IReadOnlyCollection<double> values) =>
        Math.Exp(values.Sum(Math.Log) / values.Count);
}
