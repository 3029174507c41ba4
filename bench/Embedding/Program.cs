// In-process measurements of Wasmbed, the counterpart of bench/node/embed.mjs:
//   Wasmbed.Bench.Embedding OUT_DIR [RUNS]
// For every execution tier, prints one JSON line: the load+validate+instantiate time of the large
// module (median of RUNS), its first run() call (which pays for lazy translation) and result, and the
// cost of one host->wasm and one wasm->host call in ns.
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
            Console.Error.WriteLine("usage: Wasmbed.Bench.Embedding OUT_DIR [RUNS]");
            return 2;
        }
        var outDirectory = args[0];
        var runs = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
        var largeBytes = File.ReadAllBytes(Path.Combine(outDirectory, "wasm", "large.wasm"));
        var callsBytes = File.ReadAllBytes(Path.Combine(outDirectory, "wasm", "calls.wasm"));

        foreach (var tier in Enum.GetValues<ExecutionTier>())
        {
            var result = new Dictionary<string, object> { ["tier"] = tier.ToString() };
            try
            {
                MeasureLargeModule(tier, largeBytes, runs, result);
                MeasureCalls(tier, callsBytes, runs, result);
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
