using Wasmbed.Device.HostApi;
using Wasmbed.Device.Packages;

namespace Wasmbed.Device.Apps;

/// <summary>
/// One version of an app, instantiated in its own <see cref="Store"/> (with the manifest's limits) and linked
/// to the device host API. Calls into it come from one thread at a time: the app's event worker, or the
/// manager while that worker is paused.
/// </summary>
internal sealed class AppInstance : IDisposable
{
    private readonly Instance _instance;
    private readonly Function _onEvent;
    private readonly Function? _eventBuffer, _health, _exportState, _importState;
    private readonly Value[] _eventArguments = new Value[2];
    private Action<Store>? _beforeCall;

    private AppInstance(Package package, Instance instance)
    {
        Package = package;
        _instance = instance;
        var entry = package.Manifest.EntryPoints;
        _onEvent = instance.GetFunction(entry.Event)!;
        _eventBuffer = Optional(entry.EventBuffer);
        _health = Optional(entry.Health);
        _exportState = Optional(entry.ExportState);
        _importState = Optional(entry.ImportState);
    }

    public Package Package { get; }

    public string Version => Package.Manifest.Version;

    /// <summary>The WebAssembly instance, for <see cref="AppManager.Invoke"/>.</summary>
    public Instance Instance => _instance;

    /// <summary>
    /// Instantiates <paramref name="module"/> (its WebAssembly start function runs) and calls the manifest's
    /// <c>start</c> entry point. Throws <see cref="AppException"/> saying which stage failed.
    /// </summary>
    public static AppInstance Create(Engine engine, Package package, Module module, DeviceContext context,
        Action<Linker>? defineImports = null, Action<Instance>? instantiated = null, Action<Store>? beforeCall = null)
    {
        var manifest = package.Manifest;
        var defaults = new StoreLimits();
        var store = new Store(engine, new StoreLimits
        {
            MaxMemoryPages = manifest.Limits.MemoryPages,
            MaxCallDepth = manifest.Limits.MaxCallDepth ?? defaults.MaxCallDepth,
        });
        var linker = new Linker(engine);
        DeviceHost.Define(linker, context);
        defineImports?.Invoke(linker);
        Instance instance;
        try
        {
            instance = linker.Instantiate(store, module);
        }
        catch (WasmException e)
        {
            throw new AppException($"{manifest} failed to instantiate: {e.Message}", e);
        }
        instantiated?.Invoke(instance);
        var app = new AppInstance(package, instance) { _beforeCall = beforeCall };
        if (manifest.EntryPoints.Start is { } start) app.Call("start", instance.GetFunction(start)!);
        return app;
    }

    /// <summary>Hands one event to the app's handler; throws <see cref="AppException"/> when it traps or reports failure.</summary>
    public void Deliver(AppEvent appEvent)
    {
        int pointer = 0, length = appEvent.Payload.Length;
        if (length > 0)
        {
            if (_eventBuffer is null)
                throw new AppException($"{Package.Manifest}: event {appEvent.Sequence} has a payload but the app exports no eventBuffer entry point");
            pointer = Call("eventBuffer", _eventBuffer, Value.I32(length))[0].AsInt32();
            var memory = _instance.Exports.Select(e => e.Item).OfType<Memory>().FirstOrDefault()
                ?? throw new AppException($"{Package.Manifest} exports no memory to receive event payloads");
            if (pointer < 0 || (long)pointer + length > memory.Length)
                throw new AppException($"{Package.Manifest}: eventBuffer returned {pointer}, which cannot hold {length} bytes");
            appEvent.Payload.Span.CopyTo(memory.GetSpan(pointer, length));
        }
        _eventArguments[0] = Value.I32(pointer);
        _eventArguments[1] = Value.I32(length);
        var results = Call("event", _onEvent, _eventArguments);
        if (results.Length == 1 && results[0].AsInt32() != 0)
            throw new AppException($"{Package.Manifest}: event {appEvent.Sequence} handler returned status {results[0].AsInt32()}");
    }

    /// <summary>Throws <see cref="AppException"/> unless the health hook (if any) returns 0.</summary>
    public void CheckHealth()
    {
        if (_health is null) return;
        int status = Call("health", _health)[0].AsInt32();
        if (status != 0) throw new AppException($"{Package.Manifest} failed its health check (health returned {status})");
    }

    /// <summary>Calls the export-state hook, if any, so the app writes what it holds in memory to kv.</summary>
    public void ExportState()
    {
        if (_exportState is not null) Call("exportState", _exportState);
    }

    /// <summary>Calls the import-state hook, if any, so a new version reads what the old one left in kv.</summary>
    public void ImportState()
    {
        if (_importState is not null) Call("importState", _importState);
    }

    private Value[] Call(string role, Function function, params Value[] arguments)
    {
        _beforeCall?.Invoke(_instance.Store);
        // The manifest's limits.fuelPerCall bounds every call into the app (docs/packages.md, docs/sandbox.md).
        if (Package.Manifest.Limits.FuelPerCall is { } fuel) _instance.Store.Fuel = (ulong)fuel;
        try
        {
            return function.Invoke(arguments);
        }
        catch (TrapException e)
        {
            throw new AppException($"{Package.Manifest} trapped in {role} ({function.Name ?? "export"}): {e.Message}", e);
        }
    }

    private Function? Optional(string? name) => name is null ? null : _instance.GetFunction(name);

    public void Dispose() => _instance.Dispose();
}
