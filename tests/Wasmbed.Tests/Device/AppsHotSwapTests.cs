using System.Collections.Concurrent;
using Wasmbed.Device.Apps;
using static Wasmbed.Tests.Device.AppsGuests;

namespace Wasmbed.Tests.Device;

/// <summary>Updating an app while events stream into it: every event is handled exactly once, in order, and v2 continues from v1's state.</summary>
/// <remarks>The stream lasts 120 ms, so these tests run alone: under the parallel tests' load the update once came after its end.</remarks>
[Collection(nameof(RunsAloneCollection))]
public sealed class AppsHotSwapTests : IDisposable
{
    private readonly AppsDevice _device = new();

    public void Dispose() => _device.Dispose();

    private sealed record Delivery(long Sequence, int Payload, string Version, Exception? Failure);

    [Fact]
    public void UpdateUnderSteadyEventStreamLosesAndRepeatsNothing()
    {
        const int total = 600;
        var deliveries = new ConcurrentQueue<Delivery>();
        using (var manager = _device.Open())
        {
            manager.Install(_device.Signed("1.0.0", 1));
            manager.ObserveDeliveries(Name, (e, version, failure) =>
                deliveries.Enqueue(new Delivery(e.Sequence, BitConverter.ToInt32(e.Payload.Span), version, failure)));

            // A producer posts at a steady rate (about one event per 0.2 ms) from another thread.
            var producer = new Thread(() =>
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                for (int i = 1; i <= total; i++)
                {
                    while (clock.Elapsed.TotalMilliseconds < i * 0.2) Thread.SpinWait(50);
                    manager.Post(Name, Payload(i));
                }
            });
            producer.Start();
            SpinWait.SpinUntil(() => deliveries.Count >= total / 4, TimeSpan.FromSeconds(30));

            var info = manager.Update(_device.Signed("2.0.0", 2, new Flaws(MarkMigrated: true)));

            producer.Join();
            Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(30)));
            Assert.Equal("2.0.0", info.ServingVersion);

            var handled = deliveries.ToArray();
            Assert.All(handled, d => Assert.Null(d.Failure));
            Assert.Equal(Enumerable.Range(1, total), handled.Select(d => d.Payload)); // each once, in order
            Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), handled.Select(d => d.Sequence));
            int byV1 = handled.TakeWhile(d => d.Version == "1.0.0").Count();
            Assert.All(handled.Skip(byV1), d => Assert.Equal("2.0.0", d.Version)); // one switch, never back
            Assert.InRange(byV1, total / 4, total - 1);

            var state = manager.State(Name);
            Assert.Equal(total, ReadInt(state, "last"));
            Assert.Equal(total, ReadInt(state, "count"));
            Assert.Equal(total - byV1, ReadInt(state, "v2"));
            Assert.Equal(byV1, ReadInt(state, "migrated")); // v2 started from exactly what v1 had committed
        }

        using var reopened = _device.Open();
        var app = reopened.Get(Name);
        Assert.Equal(("2.0.0", "1.0.0", (long)total), (app.ActiveVersion, app.PreviousVersion, app.LastHandledEvent));
        Assert.Empty(reopened.BootAll());
        reopened.Post(Name, Payload(total + 1));
        Assert.True(reopened.WaitUntilIdle(Name, TimeSpan.FromSeconds(10)));
        Assert.Equal(total + 1, ReadInt(reopened.State(Name), "last"));
        Assert.Equal(0, reopened.Get(Name).FailedEvents);
    }

    [Fact]
    public void ExplicitRollbackSwapsBackAndKeepsServing()
    {
        using var manager = _device.Open();
        manager.Install(_device.Signed("1.0.0", 1));
        manager.Post(Name, Payload(1));
        manager.Update(_device.Signed("1.1.0", 2));
        manager.Post(Name, Payload(2));
        Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(10)));

        var info = manager.Rollback(Name);
        manager.Post(Name, Payload(3));
        Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(10)));

        Assert.Equal(("1.0.0", "1.1.0", "1.0.0"), (info.ActiveVersion, info.PreviousVersion, info.ServingVersion));
        Assert.Equal(3, ReadInt(manager.State(Name), "last"));
        Assert.Equal(0, manager.Get(Name).FailedEvents);
    }

    [Fact]
    public void StopHoldsEventsUntilStartAndRemoveDeletesEverything()
    {
        using var manager = _device.Open();
        manager.Install(_device.Signed("1.0.0", 1));
        manager.Stop(Name);
        manager.Post(Name, Payload(1));
        Assert.False(manager.WaitUntilIdle(Name, TimeSpan.FromMilliseconds(50)));
        Assert.Equal(1, manager.Get(Name).PendingEvents);

        manager.Start(Name);
        Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(10)));
        Assert.Equal(1, ReadInt(manager.State(Name), "last"));

        manager.Remove(Name);
        Assert.Empty(manager.List());
        Assert.False(Directory.Exists(Path.Combine(_device.Directory, "apps", Name)));
        Assert.Throws<AppException>(() => manager.Post(Name, Payload(2)));
    }

    [Fact]
    public void SecondManagerOnTheSameStateIsRefused()
    {
        using var manager = _device.Open();
        var e = Assert.Throws<AppException>(() => _device.Open());
        Assert.Contains("in use by another process", e.Message);
    }
}
