using System.Diagnostics;
using Wasmbed;
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
  (func $local (result i32) i32.const 1)
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
var device = new SimulatedDevice();
using var engine = new Engine();
var kv = new InMemoryKeyValueStore(); kv.Set("key"u8, "small value"u8);
using var context = new DeviceContext(device.Hardware, GrantedCapabilities.Trusted("system;gpio=*;sensor=*;kv")) { KeyValueStore = kv };
var linker = DeviceHost.Define(new Linker(engine), context);
using var module = Module.FromBytes(engine, Wat.ToBinary(Text));
using var instance = linker.Instantiate(new Store(engine), module);
int N = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5_000_000;
double Time(string name)
{
    var g = (Action<int>)(n => instance.GetFunction(name)!.Invoke(Value.I32(n)));
    g(1000);
    double best = double.MaxValue;
    for (int r = 0; r < 5; r++) { var sw = Stopwatch.StartNew(); g(N); best = Math.Min(best, sw.Elapsed.TotalNanoseconds / N); }
    return best;
}
double local = Time("loop_local");
Console.WriteLine($"wasm->wasm call loop: {local:F1} ns/iteration");
foreach (var name in new[] { "loop_abi", "loop_gpio", "loop_sensor", "loop_kv" })
{
    double t = Time(name);
    Console.WriteLine($"{name}: {t:F1} ns/iteration, {t - local:F1} ns over a wasm call");
}
