// The benchmark runner behind bench/run (see docs/PERFORMANCE.md):
//   Wasmbed.Bench.Runner [--root DIR] [--runs N] [--timeout SECONDS] [--only NAME,...] [--wasmbed PATH] [--output FILE|-] [--sandbox]
namespace Wasmbed.Bench;

public static class Program
{
    public static int Main(string[] args)
    {
        Options options;
        try
        {
            options = Options.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine($"bench: {exception.Message}");
            Console.Error.WriteLine("usage: bench/run [--runs N] [--timeout SECONDS] [--only NAME,...] [--wasmbed PATH] [--output FILE|-] [--sandbox]");
            return 2;
        }

        var root = Path.GetFullPath(options.Root);
        var outDirectory = Path.Combine(root, "bench", "out");
        if (!Directory.Exists(Path.Combine(outDirectory, "native")))
        {
            Console.Error.WriteLine($"bench: {outDirectory} has no programs; run bench/build first");
            return 1;
        }
        var timeout = options.TimeoutSeconds;
        var workloads = Workload.ReadAll(Path.Combine(root, "bench", "workloads"))
            .Where(workload => options.Only is null || options.Only.Contains(workload.Name)).ToList();

        var machine = MachineInfo.Collect(timeout);
        var node = BenchEngine.Node(Path.Combine(root, "bench", "node", "wasi-run.mjs"), outDirectory,
            machine.Node == MachineInfo.NotInstalled ? "node not found (Debian package nodejs)" : null);
        node = node.Unavailable(node.UnavailableReason is null ? node.ProbeHello(timeout) : null);
        var nodeReason = node.UnavailableReason;
        var engines = new List<BenchEngine> { BenchEngine.Native(outDirectory), node };
        var (cli, wasmbedEngines) = WasmbedEngines(options, root, outDirectory, timeout);
        engines.AddRange(wasmbedEngines);

        var results = new List<(Workload, Dictionary<BenchEngine, Measurement>)>();
        foreach (var workload in workloads)
            results.Add((workload, Suite.Measure(workload.Name, workload.Program, workload.Arguments, engines, options.Runs, timeout)));
        var startUp = Suite.Measure("hello", "hello", [], engines, options.Runs, timeout);

        var inProcess = new List<InProcessResult>();
        if (nodeReason is null)
            inProcess.AddRange(InProcessResult.Measure("Node.js/V8", "node",
                [Path.Combine(root, "bench", "node", "embed.mjs"), outDirectory, options.Runs.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout));
        inProcess.AddRange(WasmbedInProcess(root, outDirectory, options.Runs, timeout));
        var expectedLarge = TimedProcess.Run(Path.Combine(outDirectory, "native", "large"), [], timeout);
        var aot = cli is null ? [] : AotStartup.Measure(cli, outDirectory, options.Runs, timeout);

        var section = Report.Render(new SuiteResults(
            machine, options.Runs, engines, results, startUp, inProcess,
            expectedLarge.Succeeded ? expectedLarge.Output.Trim() : null,
            new FileInfo(Path.Combine(outDirectory, "wasm", "large.wasm")).Length,
            aot));
        if (options.Output == "-")
        {
            Console.WriteLine(section);
        }
        else
        {
            var document = Path.GetFullPath(Path.Combine(root, options.Output));
            Report.WriteInto(document, section);
            Suite.Log($"wrote {document}");
        }
        return 0;
    }

    /// <summary>
    /// The `wasmbed` command given with --wasmbed, or src/Wasmbed.Cli published into bench/out/cli (null when it does
    /// not build); then its tiers.
    /// </summary>
    static (string? Cli, IReadOnlyList<BenchEngine> Engines) WasmbedEngines(Options options, string root, string outDirectory, double timeout)
    {
        var cli = options.Wasmbed;
        if (cli is null)
        {
            var publishDirectory = Path.Combine(outDirectory, "cli");
            Suite.Log("publishing src/Wasmbed.Cli");
            var publish = Dotnet(["publish", Path.Combine(root, "src", "Wasmbed.Cli"), "-c", "Release", "-o", publishDirectory], timeout);
            if (publish is not null)
                return (null, [BenchEngine.Wasmbed("wasmbed", "interpreter", outDirectory, $"src/Wasmbed.Cli does not build: {publish}")]);
            cli = Path.Combine(publishDirectory, "wasmbed");
        }
        cli = Path.GetFullPath(cli);
        var tiers = WasmbedTiers.Detect(cli, outDirectory, timeout);
        return (cli, options.Sandbox ? [.. tiers, .. WasmbedTiers.SandboxVariants(cli, tiers, outDirectory)] : tiers);
    }

    /// <summary>Builds bench/Embedding against src/Wasmbed and runs it; it measures every tier of the engine.</summary>
    static IReadOnlyList<InProcessResult> WasmbedInProcess(string root, string outDirectory, int runs, double timeout)
    {
        var buildDirectory = Path.Combine(outDirectory, "embedding");
        Suite.Log("building bench/Embedding");
        var build = Dotnet(["build", Path.Combine(root, "bench", "Embedding"), "-c", "Release", "-o", buildDirectory], timeout);
        if (build is not null)
            return [InProcessResult.Failed("Wasmbed", $"bench/Embedding does not build against src/Wasmbed: {build}")];
        Suite.Log("measuring in-process (Wasmbed)");
        return InProcessResult.Measure("Wasmbed", "dotnet",
            [Path.Combine(buildDirectory, "Wasmbed.Bench.Embedding.dll"), outDirectory, runs.ToString(System.Globalization.CultureInfo.InvariantCulture)], timeout);
    }

    /// <summary>Runs a dotnet build command; null on success, else its first error line.</summary>
    static string? Dotnet(string[] arguments, double timeout)
    {
        var result = TimedProcess.Run("dotnet", [.. arguments, "-nologo", "-v", "quiet"], Math.Max(timeout, 600));
        if (result.Succeeded) return null;
        var error = (result.Output + "\n" + result.Error).Split('\n')
            .FirstOrDefault(line => line.Contains(": error ", StringComparison.Ordinal));
        if (error is null) return result.Describe(timeout);
        // "path(line,col): error CS0117: message [project]" -> "error CS0117: message"
        error = error[error.IndexOf(": error ", StringComparison.Ordinal)..][2..];
        var project = error.LastIndexOf(" [", StringComparison.Ordinal);
        return (project > 0 ? error[..project] : error).Trim();
    }
}

/// <summary>Command-line options of the runner.</summary>
sealed record Options(string Root, int Runs, double TimeoutSeconds, HashSet<string>? Only, string? Wasmbed, string Output, bool Sandbox = false)
{
    public static Options Parse(string[] args)
    {
        var options = new Options(".", 5, 300, null, null, Path.Combine("docs", "PERFORMANCE.md"));
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--root" => options with { Root = Value() },
                "--runs" => options with { Runs = PositiveInteger(Value(), "--runs") },
                "--timeout" => options with { TimeoutSeconds = PositiveInteger(Value(), "--timeout") },
                "--only" => options with { Only = [.. Value().Split(',', StringSplitOptions.RemoveEmptyEntries)] },
                "--wasmbed" => options with { Wasmbed = Value() },
                "--output" => options with { Output = Value() },
                "--sandbox" => options with { Sandbox = true },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return options;
    }

    static int PositiveInteger(string text, string option) =>
        int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value : throw new ArgumentException($"{option} wants a positive integer, not '{text}'");
}
