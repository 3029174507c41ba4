using System.Collections.Concurrent;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using Wasmbed.Text;
using static Wasmbed.Tests.Device.AppsGuests;

namespace Wasmbed.Tests.Device;

/// <summary>A manifest's <c>limits.fuelPerCall</c> bounds every call into the app: a runaway handler runs out of fuel, the next event is served.</summary>
public sealed class AppsFuelTests : IDisposable
{
    private const string Looper = """
        (module
          (memory (export "memory") 1)
          (func (export "event_buffer") (param i32) (result i32) (i32.const 0))
          ;; event 13 never returns; every other event returns at once
          (func (export "on_event") (param $ptr i32) (param $len i32)
            (if (i32.eq (i32.load (local.get $ptr)) (i32.const 13))
              (then (loop $forever (br $forever))))))
        """;

    private readonly AppsDevice _device = new();

    public void Dispose() => _device.Dispose();

    [Fact]
    public void RunawayEventHandlerRunsOutOfFuelAndTheNextEventIsServed()
    {
        var module = Wat.ToBinary(Looper);
        var manifest = new PackageManifest
        {
            Name = "looper",
            Version = "1.0.0",
            AbiVersion = 1,
            Limits = new ResourceLimits { MemoryPages = 1, FuelPerCall = 100_000 },
        };
        using var engine = new Engine();
        using var compiled = Module.FromBytes(engine, module);
        var package = Package.Create(EntryPointRules.Resolve(manifest, compiled), module).SignWith(_device.Publisher);
        var outcomes = new ConcurrentQueue<(int Payload, Exception? Failure)>();

        using var manager = _device.Open();
        manager.Install(package);
        manager.ObserveDeliveries("looper", (e, _, failure) => outcomes.Enqueue((BitConverter.ToInt32(e.Payload.Span), failure)));
        foreach (int payload in new[] { 12, 13, 14 }) manager.Post("looper", Payload(payload));

        Assert.True(manager.WaitUntilIdle("looper", TimeSpan.FromSeconds(30)));
        Assert.Equal([12, 13, 14], outcomes.Select(o => o.Payload));
        Assert.Null(outcomes.ElementAt(0).Failure);
        Assert.Contains("out of fuel", outcomes.ElementAt(1).Failure?.Message);
        Assert.Null(outcomes.ElementAt(2).Failure);
    }
}
