using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Api;
using Wasmbed.Gateway.Hosting;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Gateway;

/// <summary>
/// Load on the real daemon (`wasmbed gateway` in a child process, on loopback): 10 tenants, each with one 3-stage
/// pipeline of pass-through stages, fed over HTTP by a few concurrent clients for a bounded time. Reports end-to-end
/// throughput, each tenant's stage latencies from the metrics API and the daemon's memory (docs/PERFORMANCE.md,
/// "Gateway load"). Asserts only that the run was sound — every accepted message completed exactly once, no traps,
/// some throughput — never a speed, because the machine it runs on is shared.
/// </summary>
public sealed class LoadTests(ITestOutputHelper output)
{
    private const int Tenants = 10, Clients = 5;
    private static readonly string[] StageNames = ["s1", "s2", "s3"];
    private static readonly TimeSpan PushFor = TimeSpan.FromSeconds(5), DrainWithin = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task TenTenantsWithThreeStages_CompleteEveryAcceptedMessageOnce_AndReportThroughputAndMemory()
    {
        var directory = GatewayTestHost.NewDirectory();
        var configPath = WriteConfig(directory);
        using var daemon = IsolationTests.StartDaemon(configPath, out var url);
        try
        {
            await Measure(daemon, url);
        }
        finally
        {
            if (!daemon.HasExited) daemon.Kill(entireProcessTree: true);
            try { Directory.Delete(directory, true); } catch (IOException) { }
        }
    }

    private static string TenantName(int index) => $"t{index:D2}";

    /// <summary>10 tenants, each with its own key, three stage apps signed by it and one pipeline "load" through them.</summary>
    private static string WriteConfig(string directory)
    {
        var tenants = new List<TenantConfig>();
        for (int t = 0; t < Tenants; t++)
        {
            using var key = SigningKey.Generate();
            var name = TenantName(t);
            var apps = new List<AppSource>();
            foreach (var stage in StageNames)
            {
                var file = $"{name}-{stage}.wbpkg";
                File.WriteAllBytes(Path.Combine(directory, file), GatewayTestHost.Pack(GatewayGuests.Stage(stage), stage, "1.0.0", key).ToBytes());
                apps.Add(new AppSource { Package = file });
            }
            tenants.Add(new TenantConfig
            {
                Name = name,
                PublisherKeys = [GatewayTestHost.WritePublicKey(directory, name, key)],
                Quotas = new TenantQuotas { EventsPerSecond = 100_000 },     // the rate limit is not what is measured
                Apps = apps,
                Pipelines = [new PipelineConfig { Name = "load", Stages = [.. StageNames] }],
            });
        }
        var configPath = Path.Combine(directory, "gateway.json");
        File.WriteAllText(configPath, GatewayConfigFile.ToJson(new GatewayConfig { Tenants = tenants }));
        return configPath;
    }

    private async Task Measure(Process daemon, string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        using var sampler = new MemorySampler(daemon);
        long idleWorkingSet = sampler.Sample();

        // Push: each client posts one message at a time (waiting for the answer), round-robin over the tenants.
        var accepted = new long[Tenants];
        var refused = new ConcurrentDictionary<HttpStatusCode, int>();
        var clock = Stopwatch.StartNew();
        var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
        {
            using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            for (int i = c; clock.Elapsed < PushFor; i++)
            {
                int tenant = i % Tenants;
                using var response = await client.PostAsync($"api/tenants/{TenantName(tenant)}/pipelines/load/messages", new ByteArrayContent([1, 2, 3, 4]));
                if (response.StatusCode == HttpStatusCode.Accepted) Interlocked.Increment(ref accepted[tenant]);
                else refused.AddOrUpdate(response.StatusCode, 1, (_, n) => n + 1);
            }
        })).ToArray();
        await Task.WhenAll(clients);
        var pushed = clock.Elapsed;
        long totalAccepted = accepted.Sum();

        // Drain (bounded): every pipeline has completed what it accepted.
        async Task<List<PipelineModel>> Pipelines() =>
            [.. (await Task.WhenAll(Enumerable.Range(0, Tenants).Select(t => http.GetFromJsonAsync<PipelineModel>($"api/tenants/{TenantName(t)}/pipelines/load")))).Select(p => p!)];
        var deadline = clock.Elapsed + DrainWithin;
        List<PipelineModel> pipelines;
        while (true)
        {
            pipelines = await Pipelines();
            if (pipelines.Sum(p => p.Completed + p.Failed + p.Dropped) >= totalAccepted) break;
            if (clock.Elapsed > deadline) throw new TimeoutException($"{pipelines.Sum(p => p.Completed)} of {totalAccepted} messages completed within {DrainWithin}");
            await Task.Delay(20);
        }
        var drained = clock.Elapsed;
        await Task.Delay(200);                                     // anything beyond the accepted count would show now
        pipelines = await Pipelines();
        sampler.Sample();
        var metrics = (await http.GetFromJsonAsync<MetricsModel>("api/metrics"))!;
        var memory = sampler.Finish();

        long completed = pipelines.Sum(p => p.Completed);
        output.WriteLine($"{Tenants} tenants x {StageNames.Length} stages, {Clients} clients for {pushed.TotalSeconds:F2} s: " +
            $"{totalAccepted} accepted ({totalAccepted / pushed.TotalSeconds:F0}/s), refused {(refused.IsEmpty ? "none" : string.Join(",", refused.Select(r => $"{(int)r.Key}x{r.Value}")))}");
        output.WriteLine($"all completed after {drained.TotalSeconds:F2} s: {completed / drained.TotalSeconds:F0} messages/s end to end " +
            $"({completed * StageNames.Length / drained.TotalSeconds:F0} stage events/s)");
        foreach (var group in metrics.Apps.GroupBy(m => m.Tenant).OrderBy(g => g.Key))
            output.WriteLine($"  {group.Key}: {accepted[int.Parse(group.Key[1..])]} messages; " +
                string.Join("; ", group.OrderBy(m => m.App).Select(m => $"{m.App} p50 {m.LatencyP50Ms:F1} ms p99 {m.LatencyP99Ms:F1} ms")));
        var p99s = metrics.Apps.Select(m => m.LatencyP99Ms).Order().ToList();
        var p50s = metrics.Apps.Select(m => m.LatencyP50Ms).Order().ToList();
        output.WriteLine($"stage p50 {p50s[0]:F1}-{p50s[^1]:F1} ms (median {p50s[p50s.Count / 2]:F1}), p99 {p99s[0]:F1}-{p99s[^1]:F1} ms (median {p99s[p99s.Count / 2]:F1})");
        output.WriteLine($"daemon memory: working set idle {Mib(idleWorkingSet)}, max sampled {Mib(memory.MaxWorkingSet)}, peak (VmHWM) {Mib(memory.PeakWorkingSet)}; " +
            $"guest linear memory {Mib(metrics.Apps.Sum(m => m.MemoryBytes))} over {metrics.Apps.Count} apps");
        output.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");

        // Sanity only: exactly once per pipeline, no traps, some throughput.
        Assert.True(totalAccepted > 0, "no message was accepted");
        Assert.True(completed > 0);
        for (int t = 0; t < Tenants; t++)
        {
            var p = pipelines[t];
            Assert.Equal(accepted[t], p.Accepted);
            Assert.Equal(accepted[t], p.Completed);
            Assert.Equal(0, p.Failed);
            Assert.Equal(0, p.Dropped);
            Assert.All(p.Stages, s => Assert.Equal((accepted[t], accepted[t], 0L), (s.Received, s.Emitted, s.Failed)));
            var recent = await http.GetFromJsonAsync<List<OutputMessageModel>>($"api/tenants/{TenantName(t)}/pipelines/load/output?after=0&limit=256");
            var seqs = recent!.Select(m => long.Parse(m.Meta["seq"])).ToList();
            Assert.Equal(seqs.Count, seqs.Distinct().Count());            // no message came out twice (of those still kept)
            Assert.All(seqs, s => Assert.InRange(s, 1, accepted[t]));
        }
        Assert.Equal(Tenants * StageNames.Length, metrics.Apps.Count);
        Assert.All(metrics.Apps, m => Assert.Equal(0, m.Traps));
        Assert.All(metrics.Apps, m => Assert.Equal(0, m.Queued));
    }

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024):F1} MiB";

    /// <summary>Samples the daemon's working set every 50 ms while the load runs.</summary>
    private sealed class MemorySampler : IDisposable
    {
        private readonly Process _process;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;
        private long _maxWorkingSet;

        public MemorySampler(Process process)
        {
            _process = process;
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    Sample();
                    try { await Task.Delay(50, _stop.Token); } catch (OperationCanceledException) { }
                }
            });
        }

        public long Sample()
        {
            lock (_process)
            {
                _process.Refresh();
                long current = _process.WorkingSet64;
                _maxWorkingSet = Math.Max(_maxWorkingSet, current);
                return current;
            }
        }

        /// <summary>Stops sampling; the peak is the kernel's high-water mark of the resident set (VmHWM on Linux).</summary>
        public (long MaxWorkingSet, long PeakWorkingSet) Finish()
        {
            _stop.Cancel();
            _loop.Wait();
            lock (_process)
            {
                _process.Refresh();
                return (_maxWorkingSet, _process.PeakWorkingSet64);
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }
}
