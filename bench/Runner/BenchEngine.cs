namespace Wasmbed.Bench;

/// <summary>
/// One way of running a benchmark program: native code, Node.js/V8, or a Wasmbed tier. An engine that
/// cannot run at all (not installed, does not build, cannot run WASI yet) keeps the reason, and the
/// report shows it instead of numbers.
/// </summary>
sealed class BenchEngine
{
    readonly Func<string, IReadOnlyList<string>, (string File, IReadOnlyList<string> Arguments)> _command;

    BenchEngine(string title, Func<string, IReadOnlyList<string>, (string, IReadOnlyList<string>)> command, string? unavailableReason)
    {
        Title = title;
        _command = command;
        UnavailableReason = unavailableReason;
    }

    /// <summary>Column title in the report, e.g. "Node.js/V8".</summary>
    public string Title { get; }

    /// <summary>Why this engine measured nothing, or null when it runs.</summary>
    public string? UnavailableReason { get; }

    public bool IsNative { get; private init; }

    /// <summary>The command line that runs <paramref name="program"/> (a name from bench/workloads) with its arguments.</summary>
    public (string File, IReadOnlyList<string> Arguments) Command(string program, IReadOnlyList<string> arguments) =>
        _command(program, arguments);

    public static BenchEngine Native(string outDirectory) =>
        new("native", (program, arguments) => (Path.Combine(outDirectory, "native", program), arguments), null) { IsNative = true };

    public static BenchEngine Node(string nodeLauncher, string outDirectory, string? unavailableReason) =>
        new("Node.js/V8", (program, arguments) =>
            ("node", ["--no-warnings", nodeLauncher, WasmFile(outDirectory, program), .. arguments]), unavailableReason);

    public static BenchEngine Wasmbed(string cli, string tier, string outDirectory, string? unavailableReason) =>
        Wasmbed(cli, tier, outDirectory, unavailableReason, "", []);

    /// <summary>A Wasmbed tier run with extra `wasmbed run` options (the sandbox variants: fuel, deadline), titled with <paramref name="suffix"/>.</summary>
    public static BenchEngine Wasmbed(string cli, string tier, string outDirectory, string? unavailableReason, string suffix, string[] runOptions) =>
        WasmbedRun($"Wasmbed {tier}{suffix}", cli, program => WasmFile(outDirectory, program), ["--tier", tier, .. runOptions], unavailableReason);

    /// <summary>`wasmbed run OPTIONS FILE ARGUMENTS`, where FILE is <paramref name="file"/> of the program (a module or an artifact).</summary>
    public static BenchEngine WasmbedRun(string title, string cli, Func<string, string> file, string[] runOptions, string? unavailableReason) =>
        new(title, (program, arguments) => (cli, ["run", .. runOptions, file(program), .. arguments]), unavailableReason);

    /// <summary>This engine, or a copy of it that cannot run for <paramref name="reason"/> (null: unchanged).</summary>
    public BenchEngine Unavailable(string? reason) =>
        reason is null ? this : new BenchEngine(Title, _command, reason) { IsNative = IsNative };

    /// <summary>
    /// Runs hello.wasm (or native hello) once: null when it printed the expected line, else why not.
    /// An engine that cannot run this cannot run any workload, and is reported once, not per workload.
    /// </summary>
    public string? ProbeHello(double timeoutSeconds)
    {
        const string expected = "hello from wasm";
        var (file, arguments) = Command("hello", []);
        var probe = TimedProcess.Run(file, arguments, timeoutSeconds);
        var output = probe.Output.Trim();
        return !probe.Succeeded ? $"cannot run hello.wasm ({probe.Describe(timeoutSeconds)})"
            : output != expected ? $"hello.wasm printed '{(output.Length > 60 ? output[..60] + "…" : output)}'"
            : null;
    }

    public static string WasmFile(string outDirectory, string program) => Path.Combine(outDirectory, "wasm", program + ".wasm");
}
