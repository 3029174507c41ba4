using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Api;
using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Tests.GatewayDemo;

/// <summary>
/// The committed gateway demo (examples/gateway): its packages are what its sources build and are signed by the
/// tenants' demo keys, and `--demo` runs: the vision pipeline classifies what the synthetic camera drew, the
/// business logic counts cats, and a hot swap to counter 2.0.0 makes it count dogs without stopping anything.
/// (The browser test, tests/browser, drives the same through the dashboard.)
/// </summary>
public sealed class GatewayDemoTests
{
    private static readonly string Demo = Path.Combine(TestPaths.Repository(), "examples", "gateway");

    [Fact]
    public void DemoPackages_SignedByTheirTenantsDemoKey_HoldTheCommittedModules()
    {
        var config = GatewayConfigFile.Read(Path.Combine(Demo, "demo.json"));
        var modules = Directory.GetFiles(Path.Combine(Demo, "wasm"), "*.wasm").Select(File.ReadAllBytes).ToList();
        var offered = ReadOffers().Select(o => (Tenant: "acme", Package: Package.Read(o))).ToList();
        var configured = config.Tenants.SelectMany(t => t.Apps.Select(a => (Tenant: t.Name, Package: Package.Read(Path.Combine(Demo, a.Package!)))));
        var extra = new[] { ("acme", Package.Read(Path.Combine(Demo, "packages", "counter-2.0.0.wbpkg"))) };
        int checkedPackages = 0;
        foreach (var (tenant, package) in configured.Concat(offered).Concat(extra))
        {
            var tenantConfig = config.Tenants.Single(t => t.Name == tenant);
            var trustDirectory = Path.Combine(Path.GetTempPath(), "wasmbed-demo-trust-" + Guid.NewGuid().ToString("N")[..12]);
            try
            {
                var trust = TrustStore.Open(trustDirectory);
                foreach (var keyFile in tenantConfig.PublisherKeys) trust.Add(PublisherKey.FromPem(File.ReadAllText(Path.Combine(Demo, keyFile))));
                new PackageVerifier(trust).Verify(package);   // throws why it is refused
            }
            finally
            {
                if (Directory.Exists(trustDirectory)) Directory.Delete(trustDirectory, recursive: true);
            }
            Assert.Contains(modules, m => m.AsSpan().SequenceEqual(package.Module.Span));
            checkedPackages++;
        }
        Assert.Equal(7 + 3 + 1, checkedPackages);   // installed by demo.json, offered by the dashboard, counter 2.0.0
        Assert.Equal(["1.0.0", "2.0.0", "2.1.0"], offered.Select(o => o.Package.Manifest.Version.ToString()));
    }

    [Fact]
    public async Task Demo_ClassifiesAndCountsCats_ThenCountsDogsAfterAHotSwap()
    {
        var state = Path.Combine(Path.GetTempPath(), "wasmbed-demo-state-" + Guid.NewGuid().ToString("N")[..12]);
        var options = GatewayLaunch.Resolve(Path.Combine(Demo, "demo.json"), demo: false, "http://127.0.0.1:0", state, Demo, Demo);
        try
        {
            await using var server = await GatewayServer.StartAsync(options);
            using var http = new HttpClient { BaseAddress = new Uri(server.DashboardUrl), Timeout = TimeSpan.FromSeconds(30) };
            const string output = "api/tenants/acme/pipelines/vision/output?limit=256&after=";

            // Cats: every message is labelled as the camera drew it, and the count rises by one exactly for cats.
            var before = await Until(http, output + 0, m => m.Count >= 15);
            foreach (var m in before)
            {
                Assert.Equal(m.Meta["truth"], m.Meta["label"]);
                Assert.Equal("cat", m.Meta["counting"]);
                Assert.Equal(m.Meta["label"] == "cat" ? "1" : "0", m.Meta["counted"]);
            }
            for (int i = 1; i < before.Count; i++)
                Assert.Equal(long.Parse(before[i - 1].Meta["count"]) + long.Parse(before[i].Meta["counted"]), long.Parse(before[i].Meta["count"]));
            Assert.Contains(before, m => m.Meta["label"] == "dog");

            // Hot swap to "count dogs" (counter 2.0.0) through the API.
            var package = await File.ReadAllBytesAsync(Path.Combine(Demo, "packages", "counter-2.0.0.wbpkg"));
            using (var content = new ByteArrayContent(package))
            {
                content.Headers.ContentType = new("application/octet-stream");
                using var updated = await http.PutAsync("api/tenants/acme/apps/counter", content);
                Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
            }
            long swappedAt = before[^1].Sequence;
            var after = await Until(http, output + swappedAt, m => m.Count(x => x.Meta["counting"] == "dog") >= 10);
            var dogs = after.SkipWhile(m => m.Meta["counting"] == "cat").ToList();
            Assert.All(dogs, m => Assert.Equal("dog", m.Meta["counting"]));
            Assert.All(dogs, m => Assert.Equal(m.Meta["label"] == "dog" ? "1" : "0", m.Meta["counted"]));
            Assert.Equal(dogs.Count(m => m.Meta["counted"] == "1"), long.Parse(dogs[^1].Meta["count"]));

            // Nothing stopped or failed, and both tenants' rules are evaluating.
            var pipeline = await http.GetFromJsonAsync<PipelineModel>("api/tenants/acme/pipelines/vision");
            Assert.True(pipeline!.Running);
            Assert.Equal(0, pipeline.Failed);   // (frames may be dropped when a loaded machine falls behind the camera)
            var rules = (await http.GetFromJsonAsync<List<RuleModel>>("api/tenants/acme/rules"))!
                .Concat((await http.GetFromJsonAsync<List<RuleModel>>("api/tenants/facility/rules"))!).ToList();
            Assert.Equal(["cat-alert", "overheat"], rules.Select(r => r.Name));
            Assert.All(rules, r => Assert.True(r.Evaluations > 0 && r.Errors == 0, $"{r.Name}: {r.Evaluations} evaluations, {r.Errors} errors ({r.LastError})"));

            // Regression: an envelope larger than a stage's input buffer is refused by event_buffer (it returned 0,
            // and the host wrote the message over the stack at address 0); the stage fails that one message only.
            for (int attempt = 1; ; attempt++)
            {
                using var oversize = new ByteArrayContent(new byte[20_000]);
                oversize.Headers.ContentType = new("application/octet-stream");
                using var answer = await http.PostAsync("api/tenants/acme/pipelines/vision/messages", oversize);
                if (answer.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 10) continue;   // queue full on a loaded machine
                Assert.Equal(HttpStatusCode.Accepted, answer.StatusCode);
                break;
            }
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while ((pipeline = await http.GetFromJsonAsync<PipelineModel>("api/tenants/acme/pipelines/vision"))!.Failed == 0 && DateTime.UtcNow < deadline)
                await Task.Delay(100);
            Assert.Equal(1, pipeline.Failed);
            Assert.Equal(1, pipeline.Stages[0].Failed);
            var sceneLog = (await http.GetFromJsonAsync<List<LogEntryModel>>("api/logs?tenant=acme&app=scene&limit=100"))!;
            Assert.Contains(sceneLog, e => e.Message.Contains("eventBuffer returned -1", StringComparison.Ordinal));
            Assert.DoesNotContain(sceneLog, e => e.Message.Contains("expected a 48 x 48 camera frame", StringComparison.Ordinal));
            await Until(http, output + (await http.GetFromJsonAsync<List<OutputMessageModel>>(output + 0))!.Max(m => m.Sequence), m => m.Count >= 3);
        }
        finally
        {
            if (Directory.Exists(state)) Directory.Delete(state, recursive: true);
        }
    }

    /// <summary>The packages the dashboard offers (dashboard/offers.json, base64 inline).</summary>
    private static IEnumerable<byte[]> ReadOffers()
    {
        using var offers = JsonDocument.Parse(File.ReadAllText(Path.Combine(Demo, "dashboard", "offers.json")));
        foreach (var offer in offers.RootElement.GetProperty("offers").EnumerateArray())
            yield return Convert.FromBase64String(offer.GetProperty("packageBase64").GetString()!);
    }

    /// <summary>Polls the pipeline output until <paramref name="enough"/> holds (60 s at most: CI machines are shared).</summary>
    private static async Task<List<OutputMessageModel>> Until(HttpClient http, string path, Func<List<OutputMessageModel>, bool> enough)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        long after = long.Parse(path[(path.LastIndexOf('=') + 1)..]);
        string prefix = path[..(path.LastIndexOf('=') + 1)];
        var seen = new List<OutputMessageModel>();
        while (DateTime.UtcNow < deadline)
        {
            var batch = (await http.GetFromJsonAsync<List<OutputMessageModel>>(prefix + after))!;
            seen.AddRange(batch.Where(m => m.Sequence > after).OrderBy(m => m.Sequence));
            if (seen.Count > 0) after = seen[^1].Sequence;
            if (enough(seen)) return seen;
            await Task.Delay(200);
        }
        throw new TimeoutException($"the demo pipeline gave {seen.Count} messages in 60 s, not enough");
    }
}
