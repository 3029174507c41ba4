using System.Diagnostics;
using Wasmbed;
using Wasmbed.Compiler;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware.Simulation;
using Wasmbed.Device.HostApi;
using Wasmbed.Text;

// Host-call overhead: a WebAssembly loop calling one host function N times, minus the same loop calling a Wasm function.
const string Text = """
(module
  (import "wasmbed:system/1" "abi_version" (func $abi (result i32)))
  (import "wasmbed:gpio/1" "read" (func $gpio_read (param i32) (result i32)))
  (import "wasmbed:sensor/1" "read" (func $sensor_read (param i32 i32 i32) (result i32)))
  (import "wasmbed:kv/1" "get" (func $kv_get (param i32 i32 i32 i32) (result i32)))
  (memory 1) (data (i32.const 0) "key")
  (type $get (func (result i32)))
  (table 1 funcref) (elem (i32.const 0) $local)
  (func $local (result i32) i32.const 1)
  (func (export "loop_indirect") (param $n i32) (local $s i32)
    (loop $l (local.set $s (i32.add (local.get $s) (call_indirect (type $get) (i32.const 0)))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "loop_local") (param $n i32) (local $s i32)
    (loop $l (local.set $s (i32.add (local.get $s) (call $local))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "loop_abi") (param $n i32) (local $s i32)
    (loop $l (local.set $s (i32.add (local.get $s) (call $abi))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "loop_gpio") (param $n i32) (local $s i32)
    (loop $l (local.set $s (i32.add (local.get $s) (call $gpio_read (i32.const 1)))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "loop_sensor") (param $n i32) (local $s i32)
    (loop $l (local.set $s (i32.add (local.get $s) (call $sensor_read (i32.const 0) (i32.const 64) (i32.const 72)))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
  (func (export "loop_kv") (param $n i32) (local $s i32)
    (loop $l (local.set $s (i32.add (local.get $s) (call $kv_get (i32.const 0) (i32.const 3) (i32.const 128) (i32.const 64)))) (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))))
""";
// Usage: [interpreter|compiler|tiered ...] [--iterations N]; default: interpreter and compiler, 5,000,000 iterations.
var tiers = new List<ExecutionTier>();
int iterations = 5_000_000;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--iterations") iterations = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else tiers.Add(Enum.Parse<ExecutionTier>(args[i], ignoreCase: true));
}
if (tiers.Count == 0) tiers = [ExecutionTier.Interpreter, ExecutionTier.Compiler];

byte[] binary = Wat.ToBinary(Text);
Console.WriteLine($"{iterations:N0} iterations, best of 5 runs, ns per iteration (one call each)");
foreach (var tier in tiers) Measure(tier);

void Measure(ExecutionTier tier)
{
    var device = new SimulatedDevice();
    using var engine = new Engine(tier == ExecutionTier.Interpreter
        ? new EngineOptions { Tier = tier }
        : new EngineOptions { Tier = tier, Compiler = new IlCompiler() });
    var kv = new InMemoryKeyValueStore();
    kv.Set("key"u8, "small value"u8);
    using var context = new DeviceContext(device.Hardware, GrantedCapabilities.Trusted("system;gpio=*;sensor=*;kv")) { KeyValueStore = kv };
    var linker = DeviceHost.Define(new Linker(engine), context);
    using var module = Module.FromBytes(engine, binary);
    using var instance = linker.Instantiate(new Store(engine), module);

    double Time(string name)
    {
        var loop = instance.GetFunction(name)!;
        var call = (int n) => loop.Invoke(Value.I32(n));
        call(1000);
        if (tier == ExecutionTier.Tiered) Thread.Sleep(2000); // let the background compilation finish
        call(100_000);
        double best = double.MaxValue;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            call(iterations);
            best = Math.Min(best, sw.Elapsed.TotalNanoseconds / iterations);
        }
        return best;
    }

    Console.WriteLine($"[{tier.ToString().ToLowerInvariant()}]");
    double local = Time("loop_local");
    Console.WriteLine($"  wasm->wasm call          {local,7:F1}   (the compiler's JIT may inline it)");
    Console.WriteLine($"  wasm->wasm call_indirect {Time("loop_indirect"),7:F1}");
    foreach (var (name, label) in new[] { ("loop_abi", "system.abi_version"), ("loop_gpio", "gpio.read"), ("loop_sensor", "sensor.read"), ("loop_kv", "kv.get (11 bytes)") })
    {
        double t = Time(name);
        Console.WriteLine($"  {label,-24} {t,7:F1}   ({t - local:+0.0;-0.0} over a wasm call)");
    }
}
