using System.Collections.Concurrent;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using static Wasmbed.Tests.Device.AppsGuests;

namespace Wasmbed.Tests.Device;

/// <summary>A bad update is undone automatically and v1 keeps serving; downgrades need an explicit rollback.</summary>
public sealed class AppsRollbackTests : IDisposable
{
    private readonly AppsDevice _device = new();

    public void Dispose() => _device.Dispose();

    public static TheoryData<string, string> BadUpdates => new()
    {
        { "trap-in-start", "trapped in start" },
        { "unhealthy", "failed its health check (health returned 1)" },
        { "no-instance", "failed to instantiate" },
    };

    private static Flaws FlawsOf(string kind) => kind switch
    {
        "trap-in-start" => new Flaws(TrapInStart: true),
        "unhealthy" => new Flaws(HealthStatus: 1, MarkMigrated: true), // import_state writes kv before the check fails
        _ => new Flaws(MemoryPages: 8), // more memory than the manifest's limit of 2 pages
    };

    [Theory]
    [MemberData(nameof(BadUpdates))]
    public void FailedUpdateIsRolledBackWhileV1KeepsServing(string kind, string reason)
    {
        const int total = 300;
        var versions = new ConcurrentQueue<(int Payload, string Version, Exception? Failure)>();
        using (var manager = _device.Open())
        {
            manager.Install(_device.Signed("1.0.0", 1));
            manager.ObserveDeliveries(Name, (e, version, failure) => versions.Enqueue((BitConverter.ToInt32(e.Payload.Span), version, failure)));
            var producer = new Thread(() =>
            {
                for (int i = 1; i <= total; i++)
                {
                    manager.Post(Name, Payload(i));
                    Thread.Sleep(i % 10 == 0 ? 1 : 0);
                }
            });
            producer.Start();
            SpinWait.SpinUntil(() => versions.Count >= 50, TimeSpan.FromSeconds(30));

            var e = Assert.Throws<AppException>(() => manager.Update(_device.Signed("2.0.0", 2, FlawsOf(kind))));

            producer.Join();
            Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(30)));
            Assert.True(e.RolledBack);
            Assert.Contains("failed and was rolled back, still serving: 1.0.0", e.Message);
            Assert.Contains(reason, e.Message);
            Assert.Equal(Enumerable.Range(1, total), versions.Select(v => v.Payload));
            Assert.All(versions, v => Assert.Equal(("1.0.0", null), (v.Version, v.Failure)));
            var state = manager.State(Name);
            Assert.Equal(total, ReadInt(state, "last"));
            Assert.Null(ReadInt(state, "migrated")); // the failed version's kv writes were undone
            var info = manager.Get(Name);
            Assert.Equal(("1.0.0", null, "1.0.0"), (info.ActiveVersion, info.PreviousVersion, info.ServingVersion));
        }
        using var reopened = _device.Open();
        Assert.Equal("1.0.0", reopened.Get(Name).ActiveVersion);
        Assert.Single(Directory.EnumerateFiles(Path.Combine(_device.Directory, "apps", Name, "packages"))); // the failed package is gone
    }

    [Fact]
    public void InstallThatTrapsInStartLeavesNothingInstalled()
    {
        using var manager = _device.Open();
        var e = Assert.Throws<AppException>(() => manager.Install(_device.Signed("1.0.0", 2, new Flaws(TrapInStart: true))));
        Assert.Contains("install of counter 1.0.0 refused", e.Message);
        Assert.Contains("trapped in start", e.Message);
        Assert.Empty(manager.List());
        Assert.False(Directory.Exists(Path.Combine(_device.Directory, "apps", Name)));
    }

    [Theory]
    [InlineData("0.9.0")]
    [InlineData("1.0.0")]
    [InlineData("1.0.0-rc.1")]
    public void DowngradeWithoutExplicitRollbackIsRefused(string older)
    {
        using var manager = _device.Open();
        manager.Install(_device.Signed("1.0.0", 1));

        var e = Assert.Throws<PackageException>(() => manager.Update(_device.Signed(older, 1)));

        Assert.Equal(PackageRefusal.Downgrade, e.Refusal);
        Assert.Contains($"package counter {older} is not newer than the installed version 1.0.0", e.Message);
        Assert.Equal("1.0.0", manager.Get(Name).ActiveVersion);
        Assert.Equal(older, manager.Update(_device.Signed(older, 1), allowDowngrade: true).ActiveVersion);
    }

    [Fact]
    public void UntrustedPackagesAreRefusedBeforeAnythingRuns()
    {
        using var manager = _device.Open();
        using var stranger = SigningKey.Generate();
        Assert.Equal(PackageRefusal.UnknownKey,
            Assert.Throws<PackageException>(() => manager.Install(Unsigned("1.0.0", 1).SignWith(stranger))).Refusal);
        Assert.Equal(PackageRefusal.Unsigned,
            Assert.Throws<PackageException>(() => manager.Install(Unsigned("1.0.0", 1))).Refusal);
        manager.Trust.Revoke(_device.Publisher.PublicKey.Id);
        Assert.Equal(PackageRefusal.RevokedKey,
            Assert.Throws<PackageException>(() => manager.Install(_device.Signed("1.0.0", 1))).Refusal);
        Assert.Empty(manager.List());
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(_device.Directory, "apps")));
    }

    [Fact]
    public void CapabilitiesBeyondThePolicyAreRefused()
    {
        using var manager = _device.Open();
        var module = Wasmbed.Text.Wat.ToBinary("""
            (module (import "wasmbed:gpio/1" "write" (func (param i32 i32) (result i32)))
              (func (export "on_event") (param i32 i32)))
            """);
        var manifest = Manifest("1.0.0");
        manifest.Capabilities = ["gpio=17", "kv"];
        var package = Package.Create(manifest, module).SignWith(_device.Publisher);

        var e = Assert.Throws<PackageException>(() => manager.Install(package));
        Assert.Equal(PackageRefusal.CapabilityDenied, e.Refusal);
        Assert.Contains("gpio", e.Message);
    }
}
