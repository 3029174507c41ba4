using Wasmbed.Device;
using System.Text;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.Hardware.Simulation;
using Wasmbed.Device.HostApi;
using Wasmbed.Text;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>
/// One app on a simulated device, for the host API tests: the hardware, the app's grants, log and kv store, and
/// a module that wraps every host function as an export named "api.name" (so calls come from WebAssembly, with
/// a caller and its memory), plus "mem" to reach its memory.
/// </summary>
internal sealed class DeviceSandbox : IDisposable
{
    public DeviceSandbox(string capabilities, DeviceHardware? hardware = null, IKeyValueStore? kv = null, DeviceHostOptions? options = null,
        ExecutionTier tier = ExecutionTier.Interpreter)
    {
        Device = new SimulatedDevice();
        Engine = DeviceTiers.Engine(tier);
        Context = new DeviceContext(hardware ?? Device.Hardware, GrantedCapabilities.Trusted(capabilities))
        {
            Log = Log,
            KeyValueStore = kv ?? Kv,
            Options = options ?? new DeviceHostOptions(),
        };
        Linker = DeviceHost.Define(new Linker(Engine), Context);
        Store = new Store(Engine);
    }

    public SimulatedDevice Device { get; }
    public Engine Engine { get; }
    public MemoryLog Log { get; } = new();
    public InMemoryKeyValueStore Kv { get; } = new();
    public DeviceContext Context { get; }
    public Linker Linker { get; }
    public Store Store { get; }
    public Instance? Instance { get; private set; }

    public Memory Memory => Instance!.GetMemory("mem")!;

    /// <summary>Instantiates the wrapper module for the given APIs (by default every granted one), with one page of memory.</summary>
    public DeviceSandbox WithWrappers(params string[] apis)
    {
        if (apis.Length == 0) apis = [.. HostApiNames.All.Where(Context.Granted.HasApi)];
        Instance = Linker.Instantiate(Store, Module.FromBytes(Engine, Wat.ToBinary(WrapperModule(apis))));
        return this;
    }

    /// <summary>Calls the wrapper of <paramref name="function"/> ("api.name") with i32 arguments; returns its i32 or i64 result.</summary>
    public long Call(string function, params int[] args)
    {
        var f = Instance!.GetFunction(function) ?? throw new ArgumentException($"no wrapper {function}");
        var results = f.Invoke([.. args.Select(Value.I32)]);
        return results[0].Type == ValueType.I64 ? results[0].AsInt64() : results[0].AsInt32();
    }

    public int WriteString(int offset, string text) => Memory.WriteString(offset, text);

    public string ReadString(int offset, int length) => Memory.ReadString(offset, length);

    /// <summary>A module importing every function of <paramref name="apis"/> and exporting a wrapper "api.name" that calls it.</summary>
    public static string WrapperModule(string[] apis, bool withMemory = true)
    {
        var text = new StringBuilder("(module\n");
        var functions = HostApiCatalog.Functions.Where(f => apis.Length == 0 || apis.Contains(f.Api)).ToList();
        foreach (var (api, name, type) in functions)
            text.Append($"  (import \"{HostApiNames.ImportModule(api)}\" \"{name}\" (func ${api}.{name} {Signature(type)}))\n");
        if (withMemory) text.Append("  (memory (export \"mem\") 1)\n");
        foreach (var (api, name, type) in functions)
        {
            text.Append($"  (func (export \"{api}.{name}\") {Signature(type)}");
            for (int i = 0; i < type.Parameters.Count; i++) text.Append($" local.get {i}");
            text.Append($" call ${api}.{name})\n");
        }
        return text.Append(')').ToString();
    }

    private static string Signature(FunctionType type) =>
        (type.Parameters.Count > 0 ? $"(param {string.Join(" ", type.Parameters.Select(p => p.ToText()))}) " : "")
        + (type.Results.Count > 0 ? $"(result {string.Join(" ", type.Results.Select(r => r.ToText()))})" : "");

    public void Dispose()
    {
        Instance?.Dispose();
        Context.Dispose();
        Engine.Dispose();
    }
}
