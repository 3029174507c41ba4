using System.Buffers.Binary;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using Wasmbed.Device.Storage;
using Wasmbed.Text;

namespace Wasmbed.Tests.Device;

/// <summary>
/// The guest apps of the device tests, in WAT, and a publisher that packs and signs them. The app is a counter:
/// each event carries the i32 sequence number it expects to follow the kv key "last" (or nothing, meaning the next
/// one); the handler traps when an event arrives out of order or twice, then stores "last" and bumps "count" (and, from version 2 on, "v2").
/// Version 2 keeps "last" in a global it loads in its start hook and checks events against that global, so it
/// only works if it saw everything version 1 committed before the swap.
/// </summary>
internal static class AppsGuests
{
    public const string Name = "counter";

    /// <summary>Loop iterations of busy work per event (tens of microseconds on the interpreter).</summary>
    public const int SpinIterations = 3000;

    public sealed record Flaws(bool TrapInStart = false, int HealthStatus = 0, uint MemoryPages = 1, bool MarkMigrated = false);

    public static string CounterWat(int generation, Flaws? flaws = null)
    {
        flaws ??= new Flaws();
        bool v2 = generation >= 2;
        var start = flaws.TrapInStart ? "unreachable" : v2 ? "(global.set $last (call $load (i32.const 0) (i32.const 4)))" : "";
        var expected = v2 ? "(global.get $last)" : "(call $load (i32.const 0) (i32.const 4))";
        var afterEvent = v2
            ? "(global.set $last (local.get $v)) (call $store (i32.const 32) (i32.const 2) (i32.add (call $load (i32.const 32) (i32.const 2)) (i32.const 1)))"
            : "";
        var import = flaws.MarkMigrated ? "(func (export \"import_state\") (call $store (i32.const 48) (i32.const 8) (global.get $last)))" : "";
        return $$"""
            (module
              (import "wasmbed:kv/1" "get" (func $kv_get (param i32 i32 i32 i32) (result i32)))
              (import "wasmbed:kv/1" "set" (func $kv_set (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") {{flaws.MemoryPages}})
              (global $last (mut i32) (i32.const 0))
              (data (i32.const 0) "last")
              (data (i32.const 16) "count")
              (data (i32.const 32) "v2")
              (data (i32.const 48) "migrated")
              (func $load (param $key i32) (param $len i32) (result i32)
                (if (i32.ne (call $kv_get (local.get $key) (local.get $len) (i32.const 64) (i32.const 4)) (i32.const 4))
                  (then (return (i32.const 0))))
                (i32.load (i32.const 64)))
              (func $store (param $key i32) (param $len i32) (param $v i32)
                (i32.store (i32.const 64) (local.get $v))
                (if (i32.ne (call $kv_set (local.get $key) (local.get $len) (i32.const 64) (i32.const 4)) (i32.const 0))
                  (then unreachable)))
              (func (export "start") {{start}})
              {{import}}
              (func (export "event_buffer") (param i32) (result i32) (i32.const 1024))
              (func (export "on_event") (param $ptr i32) (param $len i32)
                (local $v i32) (local $spin i32)
                ;; some work, so the worker is busy for most of a steady stream and an update meets an event in flight
                (local.set $spin (i32.const {{SpinIterations}}))
                (loop $work (local.set $spin (i32.sub (local.get $spin) (i32.const 1))) (br_if $work (local.get $spin)))
                ;; an empty payload means "the next one" (what `wasmbed app send` delivers)
                (local.set $v (if (result i32) (local.get $len)
                  (then (i32.load (local.get $ptr))) (else (i32.add {{expected}} (i32.const 1)))))
                (if (i32.ne (local.get $v) (i32.add {{expected}} (i32.const 1)))
                  (then unreachable))
                (call $store (i32.const 0) (i32.const 4) (local.get $v))
                (call $store (i32.const 16) (i32.const 5) (i32.add (call $load (i32.const 16) (i32.const 5)) (i32.const 1)))
                {{afterEvent}})
              (func (export "health") (result i32) (i32.const {{flaws.HealthStatus}})))
            """;
    }

    /// <summary>An event payload: the i32 sequence number.</summary>
    public static byte[] Payload(int sequence)
    {
        var bytes = new byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, sequence);
        return bytes;
    }

    /// <summary>An i32 kv value of the app, or null.</summary>
    public static int? ReadInt(AppStateStore state, string key) =>
        state.Get(key) is { Length: 4 } bytes ? BinaryPrimitives.ReadInt32LittleEndian(bytes) : null;

    public static PackageManifest Manifest(string version, uint memoryPages = 2) => new()
    {
        Name = Name,
        Version = version,
        AbiVersion = 1,
        Capabilities = ["kv"],
        Limits = new ResourceLimits { MemoryPages = memoryPages, StorageBytes = 64 * 1024 },
    };

    /// <summary>A package of the counter app, entry points resolved as <c>wasmbed pack</c> does, unsigned.</summary>
    public static Package Unsigned(string version, int generation, Flaws? flaws = null)
    {
        var module = Wat.ToBinary(CounterWat(generation, flaws));
        using var engine = new Engine();
        using var compiled = Module.FromBytes(engine, module);
        return Package.Create(EntryPointRules.Resolve(Manifest(version), compiled), module);
    }
}

/// <summary>A temporary device state directory with a trusted publisher key, deleted at the end of a test.</summary>
internal sealed class AppsDevice : IDisposable
{
    public AppsDevice()
    {
        Directory = Path.Combine(Path.GetTempPath(), "wasmbed-device-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Publisher = SigningKey.Generate();
        TrustStore.Open(Path.Combine(Directory, "trust")).Add(Publisher.PublicKey);
    }

    public string Directory { get; }

    public SigningKey Publisher { get; }

    public Package Signed(string version, int generation, AppsGuests.Flaws? flaws = null) =>
        AppsGuests.Unsigned(version, generation, flaws).SignWith(Publisher);

    public AppManager Open() => AppManager.Open(Directory);

    public void Dispose()
    {
        Publisher.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a child process may still hold a file for a moment; the temp directory is cleaned eventually
        }
    }
}
