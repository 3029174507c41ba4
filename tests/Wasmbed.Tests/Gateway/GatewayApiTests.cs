using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Api;
using Wasmbed.Gateway.Hosting;
using Wasmbed.Gateway.Messages;

namespace Wasmbed.Tests.Gateway;

/// <summary>The gateway over real HTTP: upload, hot swap under a stream, rollback, refusal of another tenant's key.</summary>
public sealed class GatewayApiTests
{
    [Fact]
    public async Task HotSwapUnderStream_NoLostOrDuplicatedMessages_ThenRollback_AndForeignKeyRefused()
    {
        var directory = GatewayTestHost.NewDirectory();
        using var acmeKey = SigningKey.Generate();
        using var otherKey = SigningKey.Generate();
        var v1 = GatewayTestHost.Pack(GatewayGuests.Stage("1"), "logic", "1.0.0", acmeKey);
        File.WriteAllBytes(Path.Combine(directory, "logic-1.0.0.wbpkg"), v1.ToBytes());
        var config = new GatewayConfig
        {
            Hardware = "simulated",
            Tenants =
            [
                new TenantConfig
                {
                    Name = "acme",
                    PublisherKeys = [GatewayTestHost.WritePublicKey(directory, "acme", acmeKey)],
                    Quotas = new TenantQuotas { EventsPerSecond = 100_000, QueueCapacity = 8 },
                    Apps = [new AppSource { Package = "logic-1.0.0.wbpkg" }],
                    Pipelines = [new PipelineConfig { Name = "ingest", Stages = ["logic"] }],
                },
                new TenantConfig { Name = "other", PublisherKeys = [GatewayTestHost.WritePublicKey(directory, "other", otherKey)] },
            ],
        };
        await using var host = await GatewayTestHost.StartAsync(config, directory);

        // Upload a signed package (a new app).
        var extra = GatewayTestHost.Pack(GatewayGuests.Stage("x"), "extra", "1.0.0", acmeKey);
        using (var installed = await host.UploadAsync(HttpMethod.Post, "api/tenants/acme/apps", extra))
        {
            Assert.Equal(HttpStatusCode.Created, installed.StatusCode);
            var app = (await installed.Content.ReadFromJsonAsync<AppModel>())!;
            Assert.Equal(("extra", "1.0.0", true), (app.Name, app.ActiveVersion, app.Running));
        }

        // A package signed by another tenant's key is refused by this tenant (and nothing is installed).
        var foreign = GatewayTestHost.Pack(GatewayGuests.Stage("f"), "foreign", "1.0.0", otherKey);
        using (var refused = await host.UploadAsync(HttpMethod.Post, "api/tenants/acme/apps", foreign))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var error = (await refused.Content.ReadFromJsonAsync<ErrorResponse>())!;
            Assert.Equal(nameof(PackageRefusal.UnknownKey), error.Refusal);
        }
        Assert.DoesNotContain("foreign", (await host.GetAsync<List<AppModel>>("api/tenants/acme/apps")).Select(a => a.Name));

        // Stream messages continuously; hot-swap the stage to 2.0.0 in the middle.
        var outputs = new ConcurrentQueue<Message>();
        var pipeline = host.Server.Runtime.FindTenant("acme").FindPipeline("ingest");
        pipeline.Subscribe(outputs.Enqueue);
        const int Total = 600;
        var accepted = new List<long>();
        var swapped = new TaskCompletionSource<HttpResponseMessage>();
        var stream = Task.Run(async () =>
        {
            for (int i = 1; i <= Total; i++)
            {
                using var response = await host.Http.PostAsync($"api/tenants/acme/pipelines/ingest/messages?meta.n={i}", new ByteArrayContent([(byte)i]));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                accepted.Add((await response.Content.ReadFromJsonAsync<SequenceResponse>())!.Sequence);
                if (i == Total / 3)
                {
                    var v2 = GatewayTestHost.Pack(GatewayGuests.Stage("2"), "logic", "2.0.0", acmeKey);
                    _ = host.UploadAsync(HttpMethod.Put, "api/tenants/acme/apps/logic", v2).ContinueWith(t => swapped.SetResult(t.Result));
                }
            }
        });
        await stream;
        using (var update = await swapped.Task)
            Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        await WaitUntil(() => outputs.Count >= Total, TimeSpan.FromSeconds(20));
        await Task.Delay(100);

        var seen = outputs.Select(m => m.Sequence).ToList();
        Assert.Equal(Total, seen.Count);                                   // nothing lost, nothing twice
        Assert.Equal(Enumerable.Range(1, Total).Select(i => (long)i), seen.Order());
        Assert.Equal(accepted.Order(), seen.Order());
        Assert.Equal(seen, seen.Order().ToList());                          // in order
        var versions = outputs.Select(m => m.Meta.Get("ver")).ToList();
        int firstV2 = versions.IndexOf("2");
        Assert.True(firstV2 > 0, "both versions handled messages");
        Assert.All(versions.Take(firstV2), v => Assert.Equal("1", v));
        Assert.All(versions.Skip(firstV2), v => Assert.Equal("2", v));     // the swap happened between two messages
        Assert.All(outputs, m => Assert.Equal(m.Sequence.ToString(), m.Meta.Get("n")));

        var versionInfo = await host.GetAsync<VersionsModel>("api/tenants/acme/apps/logic/versions");
        Assert.Equal(("2.0.0", "1.0.0", "2.0.0"), (versionInfo.Active, versionInfo.Previous, versionInfo.Serving));

        // Roll back: 1.0.0 serves again.
        using (var rolledBack = await host.Http.PostAsync("api/tenants/acme/apps/logic/rollback", null))
        {
            Assert.Equal(HttpStatusCode.OK, rolledBack.StatusCode);
            Assert.Equal("1.0.0", (await rolledBack.Content.ReadFromJsonAsync<AppModel>())!.ServingVersion);
        }
        using (await host.Http.PostAsync("api/tenants/acme/pipelines/ingest/messages", new ByteArrayContent([1]))) { }
        await WaitUntil(() => outputs.Count >= Total + 1, TimeSpan.FromSeconds(10));
        Assert.Equal("1", outputs.Last().Meta.Get("ver"));

        // The API's view of the same: output, metrics (JSON and Prometheus), logs.
        var last = await host.GetAsync<List<OutputMessageModel>>("api/tenants/acme/pipelines/ingest/output?after=0&limit=1");
        Assert.Equal((Total + 1).ToString(), Assert.Single(last).Meta["seq"]);
        var metrics = await host.GetAsync<MetricsModel>("api/metrics");
        var logic = metrics.Apps.Single(a => a.Tenant == "acme" && a.App == "logic");
        Assert.Equal(Total + 1, logic.Calls);
        Assert.Equal(0, logic.Traps);
        Assert.Equal(65536, logic.MemoryBytes);
        Assert.True(logic.Fuel >= Total, $"every event consumes fuel; the metric says {logic.Fuel}");
        Assert.True(logic.LatencyP99Ms >= logic.LatencyP50Ms && logic.LatencyP50Ms > 0);
        var prometheus = await host.Http.GetStringAsync("metrics");
        Assert.Contains($"wasmbed_app_calls_total{{tenant=\"acme\",app=\"logic\"}} {Total + 1}", prometheus);
        Assert.Contains($"wasmbed_app_fuel_total{{tenant=\"acme\",app=\"logic\"}} {logic.Fuel}", prometheus);
        var logs = await host.GetAsync<List<LogEntryModel>>("api/logs?tenant=acme&app=logic");
        Assert.Contains(logs, l => l.Message.Contains("updated to 2.0.0"));
        Assert.Contains(logs, l => l.Message.Contains("rolled back to 1.0.0"));
    }

    internal static async Task WaitUntil(Func<bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not reached in time");
            await Task.Delay(10);
        }
    }
}
