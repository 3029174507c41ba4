using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Api;
using Wasmbed.Gateway.Hosting;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Gateway;

/// <summary>
/// Tenant isolation, measured on the real daemon (`wasmbed gateway` in a child process, so the runaway guest's
/// thread dies with it): tenant A runs an endless loop, a memory bomb and a flood; tenant B's p99 event latency
/// must stay within the bound in docs/gateway.md.
/// </summary>
public sealed class IsolationTests(ITestOutputHelper output)
{
    /// <summary>
    /// The bound stated in docs/gateway.md for B's p99 (queue wait + handler) while A misbehaves: 50 ms, or 3× B's own
    /// p99 measured just before in the same run when the machine is so loaded that B alone is slower than that.
    /// </summary>
    public const double BoundMs = 50, LoadFactor = 3;

    [Fact]
    public async Task RunawayTenant_DoesNotDelayAnotherTenantBeyondTheBound_AndTheDaemonStopsOnSigterm()
    {
        var directory = GatewayTestHost.NewDirectory();
        using var keyA = SigningKey.Generate();
        using var keyB = SigningKey.Generate();
        File.WriteAllBytes(Path.Combine(directory, "spin.wbpkg"), GatewayTestHost.Pack(GatewayGuests.Stage("a", spinIfByte: 0xFF), "spin", "1.0.0", keyA).ToBytes());
        File.WriteAllBytes(Path.Combine(directory, "bomb.wbpkg"), GatewayTestHost.Pack(GatewayGuests.MemoryBomb, "bomb", "1.0.0", keyA, memoryPages: 256).ToBytes());
        File.WriteAllBytes(Path.Combine(directory, "work.wbpkg"), GatewayTestHost.Pack(GatewayGuests.Stage("b"), "work", "1.0.0", keyB).ToBytes());
        var config = new GatewayConfig
        {
            Tenants =
            [
                new TenantConfig
                {
                    Name = "a",
                    PublisherKeys = [GatewayTestHost.WritePublicKey(directory, "a", keyA)],
                    Quotas = new TenantQuotas { MemoryPages = 256, QueueCapacity = 16 },
                    Apps = [new AppSource { Package = "spin.wbpkg" }, new AppSource { Package = "bomb.wbpkg" }],
                    Pipelines = [new PipelineConfig { Name = "spin", Stages = ["spin"] }, new PipelineConfig { Name = "bomb", Stages = ["bomb"] }],
                },
                new TenantConfig
                {
                    Name = "b",
                    PublisherKeys = [GatewayTestHost.WritePublicKey(directory, "b", keyB)],
                    Quotas = new TenantQuotas { EventsPerSecond = 100_000 },
                    Apps = [new AppSource { Package = "work.wbpkg" }],
                    Pipelines = [new PipelineConfig { Name = "work", Stages = ["work"] }],
                },
            ],
        };
        var configPath = Path.Combine(directory, "gateway.json");
        File.WriteAllText(configPath, GatewayConfigFile.ToJson(config));

        using var daemon = StartDaemon(configPath, out var url);
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

    private async Task Measure(Process daemon, string url)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
        const int Count = 4200;
        var baseline = await StreamB(http, Count, Count);
        output.WriteLine($"tenant B alone: {Count} messages in {baseline.Elapsed.TotalSeconds:F2} s; p50 {baseline.Metrics.LatencyP50Ms} ms, p99 {baseline.Metrics.LatencyP99Ms} ms");

        // Tenant A: an endless loop (stage "spin" on a 0xFF byte), a memory bomb, and a flood behind the loop.
        using (var r = await http.PostAsync("api/tenants/a/pipelines/spin/messages", new ByteArrayContent([0xFF]))) Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        for (int i = 0; i < 20; i++) using (await http.PostAsync("api/tenants/a/pipelines/bomb/messages", new ByteArrayContent([1]))) { }
        var flood = Task.Run(async () =>
        {
            using var floodHttp = new HttpClient { BaseAddress = new Uri(url) };
            var statuses = new List<HttpStatusCode>();
            for (int i = 0; i < 40; i++)
                using (var r = await floodHttp.PostAsync("api/tenants/a/pipelines/spin/messages", new ByteArrayContent([1]))) statuses.Add(r.StatusCode);
            return statuses;
        });

        // Tenant B: a steady stream, long enough to fill the latency window with samples taken while A misbehaves.
        var (elapsed, b) = await StreamB(http, Count, 2 * Count);
        double bound = Math.Max(BoundMs, LoadFactor * baseline.Metrics.LatencyP99Ms);
        var metrics = (await http.GetFromJsonAsync<MetricsModel>("api/metrics"))!;
        var bomb = metrics.Apps.Single(m => m.Tenant == "a" && m.App == "bomb");
        var spin = (await http.GetFromJsonAsync<PipelineModel>("api/tenants/a/pipelines/spin"))!;
        var floodStatuses = await flood;
        output.WriteLine($"tenant B: {Count} messages in {elapsed.TotalSeconds:F2} s while tenant A loops; p50 {b.LatencyP50Ms} ms, p99 {b.LatencyP99Ms} ms (bound {bound} ms)");
        output.WriteLine($"tenant A: spin stage queued {spin.Stages[0].Queued}, flood answers {string.Join(",", floodStatuses.GroupBy(s => s).Select(g => $"{(int)g.Key}x{g.Count()}"))}; bomb memory {bomb.MemoryBytes} bytes");

        Assert.True(b.LatencyP99Ms <= bound, $"tenant B p99 {b.LatencyP99Ms} ms exceeds the bound {bound} ms");
        Assert.Equal(0, b.Traps);
        Assert.Equal(256L * 65536, bomb.MemoryBytes);                 // the bomb stopped at its limit
        // A's endless loop is stopped by its per-event budget (fuel or deadline) and A's own stage drains its queue again.
        var spinApp = metrics.Apps.Single(m => m.Tenant == "a" && m.App == "spin");
        Assert.True(spinApp.Traps >= 1, "tenant A's endless loop should end in a trap (out of fuel or past its deadline)");
        Assert.All(floodStatuses, s => Assert.True(s is HttpStatusCode.Accepted or HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests, $"flood answered {s}"));
        await GatewayApiTests.WaitUntil(() => http.GetFromJsonAsync<PipelineModel>("api/tenants/a/pipelines/spin").Result!.Stages[0].Queued == 0, TimeSpan.FromSeconds(30));

        // SIGTERM stops the daemon cleanly even with A's guest stuck in its loop (bounded wait, then abandoned).
        var stop = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString()])) kill.WaitForExit();
        Assert.True(daemon.WaitForExit(20_000), "the daemon did not stop after SIGTERM");
        output.WriteLine($"stopped {stop.Elapsed.TotalSeconds:F1} s after SIGTERM, exit code {daemon.ExitCode}");
        Assert.Equal(0, daemon.ExitCode);
    }

    /// <summary>Posts <paramref name="count"/> messages to B's pipeline one after another and waits until it has produced <paramref name="total"/>.</summary>
    private static async Task<(TimeSpan Elapsed, AppMetricsModel Metrics)> StreamB(HttpClient http, int count, int total)
    {
        var clock = Stopwatch.StartNew();
        for (int i = 0; i < count; i++)
            using (var r = await http.PostAsync("api/tenants/b/pipelines/work/messages", new ByteArrayContent([2]))) Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        await GatewayApiTests.WaitUntil(() => http.GetFromJsonAsync<PipelineModel>("api/tenants/b/pipelines/work").Result!.Completed == total, TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed;
        var metrics = (await http.GetFromJsonAsync<MetricsModel>("api/metrics"))!;
        return (elapsed, metrics.Apps.Single(m => m.Tenant == "b" && m.App == "work"));
    }

    /// <summary>Starts <c>wasmbed gateway</c> on an ephemeral loopback port and reads the URL it prints when ready.</summary>
    internal static Process StartDaemon(string configPath, out string url)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wasmbed.Cli.dll"));
        foreach (var argument in new[] { "gateway", "--config", configPath, "--urls", "http://127.0.0.1:0" }) start.ArgumentList.Add(argument);
        var process = Process.Start(start)!;
        var line = process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        if (line is null || !line.StartsWith("gateway: dashboard at ", StringComparison.Ordinal))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"the daemon did not start: {line}{process.StandardError.ReadToEnd()}");
        }
        url = line["gateway: dashboard at ".Length..];
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }
}
