using System.Text;
using Wasmbed.Runtime;
using Wasmbed.Wasi;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Sandbox;

/// <summary>
/// The benchmark workloads (bench/workloads, committed as tests/guests/bench/*.wasm) consume exactly the same fuel on
/// every tier: whole WASI programs built by clang, with calls, loops, br_table, memory and bulk-memory code, rather
/// than the hand-written fac and fib of <see cref="FuelTests"/>.
/// </summary>
public sealed class BenchFuelTests(ITestOutputHelper output)
{
    private const ulong Budget = 100_000_000_000;

    /// <summary>
    /// Workload, arguments small enough for well under a second on the interpreter, and the line the native build of
    /// the same program prints for them (bench/out/native), so that tiers agreeing on a wrong result still fail.
    /// </summary>
    public static TheoryData<string, string[], string> Workloads() => new()
    {
        { "bubble", ["30", "20"], "bubble f4618647" },
        { "crc16", ["20", "100"], "crc16 1547ea64" },
        { "fib", ["20"], "fib cebf67b6" },
        { "matmul", ["16", "2"], "matmul 1e319c80" },
        { "sha256", ["1", "4"], "sha256 c62dd60c" },
        { "memops", ["2"], "memops 77c0ca70" },
        { "memops-bulk", ["2"], "memops 77c0ca70" },
        { "mixed", ["20"], "mixed 04a227da" },
    };

    [Theory]
    [MemberData(nameof(Workloads))]
    public void AWorkloadConsumesTheSameFuelOnEveryTier(string workload, string[] arguments, string expectedLine)
    {
        var results = new Dictionary<string, Result>();
        foreach (string tier in SandboxHarness.Tiers()) results[tier] = Run(tier, workload, arguments);
        foreach (var (tier, result) in results)
        {
            Assert.True(result.ExitCode == 0, $"{workload} on the {tier} tier exited with {result.ExitCode}");
            Assert.Equal(expectedLine + "\n", result.Stdout);
        }
        var interpreter = results["interpreter"];
        output.WriteLine($"{workload} {string.Join(' ', arguments)}: " + string.Join(", ", results.Select(r => $"{r.Key} {r.Value.FuelUsed}")));
        Assert.True(interpreter.FuelUsed > 0, $"{workload} consumed no fuel");
        foreach (var (tier, result) in results)
            Assert.True(interpreter.FuelUsed == result.FuelUsed,
                $"{workload}: interpreter used {interpreter.FuelUsed} fuel, the {tier} tier {result.FuelUsed}");
    }

    private sealed record Result(int ExitCode, string Stdout, ulong FuelUsed);

    private static Result Run(string tier, string workload, string[] arguments)
    {
        using var engine = new Engine(SandboxHarness.Options(tier, fuel: true));
        var module = Module.FromFile(engine, Path.Combine(BenchDirectory, workload + ".wasm"));
        var store = new Store(engine) { Fuel = Budget };
        var linker = new Linker(engine);
        var stdout = new MemoryStream();
        var configuration = new WasiConfiguration()
            .WithArgs([workload, .. arguments])
            .WithStdout(stdout)
            .WithStderr(new MemoryStream());
        using var wasi = linker.DefineWasi(configuration);
        int exitCode = wasi.Run(linker.Instantiate(store, module));
        return new Result(exitCode, Encoding.UTF8.GetString(stdout.ToArray()), Budget - store.Fuel);
    }

    private static string BenchDirectory { get; } = FindBenchDirectory();

    private static string FindBenchDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "guests", "bench");
            if (File.Exists(Path.Combine(candidate, "fib.wasm"))) return candidate;
        }
        throw new DirectoryNotFoundException("tests/guests/bench/fib.wasm not found above " + AppContext.BaseDirectory);
    }
}
