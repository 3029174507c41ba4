// In-process measurements of Wasmbed, the counterpart of bench/node/embed.mjs:
//   Wasmbed.Bench.Embedding OUT_DIR [RUNS] [--artifacts]
// For every execution tier, prints one JSON line: the load+validate+instantiate time of the large
// module (median of RUNS), its first run() call (which pays for lazy translation) and result, and the
// cost of one host->wasm and one wasm->host call in ns. With --artifacts, the compiler tier's line also compares
// starting the large module from an ahead-of-time artifact (IlCompiler.ArtifactDirectory) with compiling it from
// .wasm; that takes about 6 x RUNS compilations of the large module, so bench/run (whose table does not show it) leaves
// it out.
using System.Diagnostics;
using System.Text.Json;
using Wasmbed;

namespace Wasmbed.Bench.Embedding;

public static class Program
{
    const int CallCount = 2_000_000;

    public static int Main(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: Wasmbed.Bench.Embedding OUT_DIR [RUNS] [--artifacts]");
            return 2;
        }
        var outDirectory = args[0];
        var runs = args.Length > 1 && args[1] != "--artifacts" ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var measureArtifacts = args.Contains("--artifacts");
        var largeBytes = File.ReadAllBytes(Path.Combine(outDirectory, "wasm", "large.wasm"));
        var callsBytes = File.ReadAllBytes(Path.Combine(outDirectory, "wasm", "calls.wasm"));

        foreach (var tier in Enum.GetValues<ExecutionTier>())
        {
            var result = new Dictionary<string, object> { ["tier"] = tier.ToString() };
            try
            {
                MeasureLargeModule(tier, largeBytes, runs, result);
                MeasureCalls(tier, callsBytes, runs, result);
                if (measureArtifacts && tier == ExecutionTier.Compiler) MeasureArtifact(largeBytes, runs, result);
            }
            catch (Exception exception)
            {
                result["error"] = $"{exception.GetType().Name}: {exception.Message}";
            }
            Console.WriteLine(JsonSerializer.Serialize(result));
        }
        return 0;
    }

    static void MeasureLargeModule(ExecutionTier tier, byte[] bytes, int runs, Dictionary<string, object> result)
    {
        var loads = new List<double>();
        var firstCalls = new List<double>();
        uint value = 0;
        for (var run = 0; run < runs; run++)
        {
            // A new engine each run, so nothing translated in an earlier run is reused.
            using var engine = new Engine(Options(tier));
            var clock = Stopwatch.StartNew();
            using var module = Module.FromBytes(engine, bytes);
            var store = new Store(engine);
            var instance = new Linker(engine).Instantiate(store, module);
            var loaded = clock.Elapsed.TotalSeconds;
            var runFunction = (instance.GetFunction("run") ?? throw new InvalidOperationException("large.wasm exports no run")).AsFunc<int, int>();
            value = (uint)runFunction(1);
            loads.Add(loaded);
            firstCalls.Add(clock.Elapsed.TotalSeconds - loaded);
        }
        result["largeModuleBytes"] = bytes.Length;
        result["loadSeconds"] = Median(loads);
        result["firstCallSeconds"] = Median(firstCalls);
        result["largeResult"] = $"large {value:x8}";
    }

    /// <summary>
    /// Load + instantiate + first run() of the large module in a fresh engine: compiled from .wasm (no artifact
    /// directory), compiled and saved as an artifact (what the first start with a directory pays), and loaded from that
    /// artifact; each with the default full JIT optimization before the first call and with
    /// <c>OptimizeBeforeFirstCall = false</c> (tier-0 JIT first), which separates IL generation, what an artifact
    /// saves, from JIT compilation, which it does not. Medians of RUNS; the variants are interleaved so that machine
    /// noise falls on all alike. Every variant must compute the same result.
    /// </summary>
    static void MeasureArtifact(byte[] bytes, int runs, Dictionary<string, object> result)
    {
        var times = new Dictionary<string, List<(double Load, double FirstCall)>>();
        var values = new HashSet<uint>();
        foreach (var optimize in new[] { true, false })
        {
            var suffix = optimize ? "" : "LazyJit";
            var directory = Path.Combine(Path.GetTempPath(), "wasmbed-bench-artifacts-" + Guid.NewGuid().ToString("N"));
            try
            {
                for (var run = 0; run < runs; run++)
                {
                    Add("compileFromWasm" + suffix, StartLarge(bytes, null, optimize));
                    if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
                    Add("compileAndSaveArtifact" + suffix, StartLarge(bytes, directory, optimize));
                    var files = Directory.GetFiles(directory);
                    if (files.Length != 1) throw new InvalidOperationException("compiling with an artifact directory saved no artifact");
                    var written = File.GetLastWriteTimeUtc(files[0]);
                    Add("loadArtifact" + suffix, StartLarge(bytes, directory, optimize));
                    if (File.GetLastWriteTimeUtc(files[0]) != written) throw new InvalidOperationException("the artifact was compiled again instead of loaded");
                    result["artifactBytes"] = new FileInfo(files[0]).Length;
                }
            }
            finally
            {
                if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            }
        }
        if (values.Count != 1) throw new InvalidOperationException("the artifact variants computed different results");
        foreach (var (name, list) in times)
        {
            result[name + "LoadSeconds"] = Median(list.Select(t => t.Load).ToList());
            result[name + "FirstCallSeconds"] = Median(list.Select(t => t.FirstCall).ToList());
            result[name + "TotalSeconds"] = Median(list.Select(t => t.Load + t.FirstCall).ToList());
        }

        void Add(string name, (double Load, double FirstCall, uint Value) time)
        {
            if (!times.TryGetValue(name, out var list)) times[name] = list = [];
            list.Add((time.Load, time.FirstCall));
            values.Add(time.Value);
        }
    }

    static (double Load, double FirstCall, uint Value) StartLarge(byte[] bytes, string? artifactDirectory, bool optimizeBeforeFirstCall)
    {
        using var engine = new Engine(new EngineOptions
        {
            Tier = ExecutionTier.Compiler,
            Compiler = new Wasmbed.Compiler.IlCompiler { ArtifactDirectory = artifactDirectory, OptimizeBeforeFirstCall = optimizeBeforeFirstCall },
        });
        var clock = Stopwatch.StartNew();
        using var module = Module.FromBytes(engine, bytes);
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        var load = clock.Elapsed.TotalSeconds;
        var runFunction = (instance.GetFunction("run") ?? throw new InvalidOperationException("large.wasm exports no run")).AsFunc<int, int>();
        var value = (uint)runFunction(1);
        return (load, clock.Elapsed.TotalSeconds - load, value);
    }

    static void MeasureCalls(ExecutionTier tier, byte[] bytes, int runs, Dictionary<string, object> result)
    {
        using var engine = new Engine(Options(tier));
        using var module = Module.FromBytes(engine, bytes);
        var store = new Store(engine);
        var linker = new Linker(engine);
        linker.Define("env", "host_increment", (int value) => value + 1);
        var instance = linker.Instantiate(store, module);
        var addOne = (instance.GetFunction("add_one") ?? throw new InvalidOperationException("calls.wasm exports no add_one")).AsFunc<int, int>();
        var callHost = (instance.GetFunction("call_host") ?? throw new InvalidOperationException("calls.wasm exports no call_host")).AsFunc<int, int>();

        var hostToWasm = new List<double>();
        var wasmToHost = new List<double>();
        for (var run = 0; run < runs + 1; run++)
        {
            var value = 0;
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < CallCount; i++) value = addOne(value);
            var hostToWasmNs = clock.Elapsed.TotalNanoseconds / CallCount;
            if (value != CallCount) throw new InvalidOperationException($"add_one loop returned {value}");
            clock.Restart();
            value = callHost(CallCount);
            var wasmToHostNs = clock.Elapsed.TotalNanoseconds / CallCount;
            if (value != CallCount) throw new InvalidOperationException($"call_host returned {value}");
            // The first round warms the JIT (tiered compilation) and is not counted.
            if (run == 0) continue;
            hostToWasm.Add(hostToWasmNs);
            wasmToHost.Add(wasmToHostNs);
        }
        result["hostToWasmNs"] = Median(hostToWasm);
        result["wasmToHostNs"] = Median(wasmToHost);
    }

    static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    /// <summary>The compiler and tiered modes need the IL compiler plugged in.</summary>
    static EngineOptions Options(ExecutionTier tier) =>
        new() { Tier = tier, Compiler = tier == ExecutionTier.Interpreter ? null : new Wasmbed.Compiler.IlCompiler() };
}
