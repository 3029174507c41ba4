using Wasmbed.Device.Hardware.Simulation;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Hosting;
using Wasmbed.Gateway.Messages;
using Wasmbed.Gateway.Rules;
using Wasmbed.Gateway.Tenants;

namespace Wasmbed.Tests.Gateway;

/// <summary>
/// Rules on a real in-process gateway (signed rule app, tenant policy and quotas, simulated hardware): conditions and
/// actions are the app's exports, called with the input's envelope and the tenant's fuel budget. Evaluation is driven
/// synchronously through <see cref="RuleEngine.Evaluate"/> so nothing depends on timing; the last test goes through
/// the rule thread fed by a pipeline.
/// </summary>
public sealed class RulesTests
{
    private const string App = "thermo";

    /// <summary>
    /// condition <c>too_hot</c>: the reading's first value &gt; 50 (a NaN reading is an error: -1); actions count their
    /// calls in globals (<c>fired</c>, <c>released</c>); <c>spin</c> loops for ever; <c>fan_on</c> drives GPIO 4
    /// high, <c>door_open</c> drives GPIO 5 (not granted) and returns the host's status.
    /// </summary>
    private const string RuleApp = """
        (module
          (import "wasmbed:gpio/1" "configure" (func $configure (param i32 i32) (result i32)))
          (import "wasmbed:gpio/1" "write" (func $write (param i32 i32) (result i32)))
          (memory (export "memory") 1)
          (global $fired (mut i32) (i32.const 0))
          (global $released (mut i32) (i32.const 0))
          (func (export "event_buffer") (param i32) (result i32) (i32.const 4096))
          (func (export "on_event") (param i32 i32) (result i32) (i32.const 0))
          ;; the first f64 of a reading: data at ptr + 32 + align8(meta_len)
          (func $value (param $ptr i32) (result f64)
            (f64.load (i32.add (i32.add (local.get $ptr) (i32.const 32))
                               (i32.and (i32.add (i32.load offset=4 (local.get $ptr)) (i32.const 7)) (i32.const -8)))))
          (func (export "too_hot") (param $ptr i32) (param $len i32) (result i32)
            (local $v f64)
            (local.set $v (call $value (local.get $ptr)))
            (if (f64.ne (local.get $v) (local.get $v)) (then (return (i32.const -1))))
            (f64.gt (local.get $v) (f64.const 50)))
          (func (export "always") (param i32 i32) (result i32) (i32.const 1))
          (func (export "alarm") (param i32 i32) (result i32)
            (global.set $fired (i32.add (global.get $fired) (i32.const 1)))
            (i32.const 0))
          (func (export "all_clear") (param i32 i32) (result i32)
            (global.set $released (i32.add (global.get $released) (i32.const 1)))
            (i32.const 0))
          (func (export "spin") (param i32 i32) (result i32)
            (loop $forever (br $forever))
            (i32.const 0))
          (func (export "fan_on") (param i32 i32) (result i32)
            (local $s i32)
            (local.set $s (call $configure (i32.const 4) (i32.const 1)))
            (if (i32.ne (local.get $s) (i32.const 0)) (then (return (local.get $s))))
            (call $write (i32.const 4) (i32.const 1)))
          (func (export "door_open") (param i32 i32) (result i32)
            (local $s i32)
            (local.set $s (call $configure (i32.const 5) (i32.const 1)))
            (if (i32.ne (local.get $s) (i32.const 0)) (then (return (local.get $s))))
            (call $write (i32.const 5) (i32.const 1)))
          (func (export "fired") (result i32) (global.get $fired))
          (func (export "released") (result i32) (global.get $released)))
        """;

    private sealed class Fixture : IAsyncDisposable
    {
        private Fixture(GatewayTestHost host, Tenant tenant, RuleEngine engine, List<string> log)
        {
            Host = host;
            Tenant = tenant;
            Engine = engine;
            Log = log;
        }

        public GatewayTestHost Host { get; }
        public Tenant Tenant { get; }
        public RuleEngine Engine { get; }
        public List<string> Log { get; }
        public SimulatedGpio Gpio => Host.Server.Runtime.Hardware.Simulated!.Gpio;

        /// <summary>A gateway whose tenant "t" (policy gpio=0-7; the app is granted pin 4 only) has the rule app installed; <paramref name="rules"/> are evaluated by a rule engine of our own.</summary>
        public static async Task<Fixture> StartAsync(params RuleConfig[] rules)
        {
            var directory = GatewayTestHost.NewDirectory();
            using var key = SigningKey.Generate();
            File.WriteAllBytes(Path.Combine(directory, "thermo.wbpkg"), GatewayTestHost.Pack(RuleApp, App, "1.0.0", key, ["gpio=4"]).ToBytes());
            var config = new GatewayConfig
            {
                Hardware = "simulated",
                Tenants =
                [
                    new TenantConfig
                    {
                        Name = "t",
                        PublisherKeys = [GatewayTestHost.WritePublicKey(directory, "t", key)],
                        // the policy would allow pins 0-7, but the app's manifest asks only for pin 4
                        Policy = "system;kv;pipeline;gpio=0-7",
                        // a small fuel budget and a long deadline: a runaway action must be stopped by fuel
                        Quotas = new TenantQuotas { FuelPerEvent = 2_000_000, EventDeadlineMs = 30_000 },
                        Apps = [new AppSource { Package = "thermo.wbpkg" }],
                    },
                ],
            };
            var host = await GatewayTestHost.StartAsync(config, directory);
            var tenant = host.Server.Runtime.FindTenant("t");
            var log = new List<string>();
            var engine = new RuleEngine("t", [.. rules.Select(r => new Rule("t", r))], tenant.Apps, tenant.MetricsFor,
                (app, message) => { lock (log) log.Add($"{app}: {message}"); }, EventBudget.Apply(tenant.Quotas));
            return new Fixture(host, tenant, engine, log);
        }

        public Rule Rule(string name) => Engine.Rules.Single(r => r.Config.Name == name);

        public void Evaluate(string rule, double value) => Engine.Evaluate(Rule(rule), Message.Reading([value]));

        public int Export(string name) => Tenant.Apps.Invoke(App, i => i.GetFunction(name)!.Invoke()[0].AsInt32());

        public async ValueTask DisposeAsync()
        {
            Engine.Dispose();
            await Host.DisposeAsync();
        }
    }

    private static RuleConfig Config(string name, string action, string? release = null, string? pipeline = null, string condition = "too_hot") => new()
    {
        Name = name,
        App = App,
        Input = new RuleInputConfig { Pipeline = pipeline ?? "none" },
        Condition = condition,
        Action = action,
        ReleaseAction = release,
    };

    [Fact]
    public async Task HoldingCondition_RunsTheActionOnce_AndTheReleaseActionWhenItStopsHolding()
    {
        await using var f = await Fixture.StartAsync(Config("overheat", "alarm", "all_clear"));
        f.Evaluate("overheat", 20);
        Assert.Equal(0, f.Export("fired"));
        for (int i = 0; i < 5; i++) f.Evaluate("overheat", 60 + i);
        Assert.Equal(1, f.Export("fired"));
        Assert.Equal(0, f.Export("released"));
        f.Evaluate("overheat", 40);
        f.Evaluate("overheat", 30);
        Assert.Equal(1, f.Export("released"));
        f.Evaluate("overheat", 70);
        Assert.Equal(2, f.Export("fired"));

        var rule = f.Rule("overheat");
        Assert.Equal(9, rule.Evaluations);
        Assert.Equal(6, rule.Holds);
        Assert.Equal(2, rule.Firings);
        Assert.Equal(1, rule.Releases);
        Assert.Equal(0, rule.Errors);
        Assert.Null(rule.LastError);
    }

    [Fact]
    public async Task ConditionError_IsCountedAndTreatedAsNotHolding()
    {
        await using var f = await Fixture.StartAsync(Config("overheat", "alarm", "all_clear"));
        f.Evaluate("overheat", 60);
        f.Evaluate("overheat", double.NaN);
        var rule = f.Rule("overheat");
        Assert.Equal(1, rule.Errors);
        Assert.Contains("-1", rule.LastError);
        Assert.Equal(1, f.Export("released"));
        Assert.False(rule.State.Active);
        // every error counts, not only the first one
        f.Evaluate("overheat", double.NaN);
        Assert.Equal(2, rule.Errors);
        Assert.Equal(3, rule.Evaluations);
        Assert.Equal(1, rule.Holds);
    }

    [Fact]
    public async Task RunawayAction_IsStoppedByTheFuelBudget_TheRuleRecordsAFailure_AndEvaluationGoesOn()
    {
        await using var f = await Fixture.StartAsync(Config("runaway", "spin", "all_clear"), Config("overheat", "alarm"));
        var evaluation = Task.Run(() => f.Evaluate("runaway", 99));
        // fuel (2M) stops it long before the 30 s deadline; a generous bound only guards against a hang
        Assert.True(await Task.WhenAny(evaluation, Task.Delay(TimeSpan.FromSeconds(20))) == evaluation, "the runaway action was not stopped");
        await evaluation;
        var rule = f.Rule("runaway");
        Assert.Equal(1, rule.Firings);
        Assert.Equal(1, rule.Errors);
        Assert.Contains("spin", rule.LastError);
        Assert.Contains("fuel", rule.LastError, StringComparison.OrdinalIgnoreCase);
        lock (f.Log) Assert.Contains(f.Log, l => l.Contains("runaway") && l.Contains("spin"));

        // the app and the engine keep going: the release runs, another rule on the same app fires
        f.Evaluate("runaway", 10);
        Assert.Equal(1, f.Export("released"));
        f.Evaluate("overheat", 99);
        Assert.Equal(1, f.Export("fired"));
        Assert.Equal(0, f.Rule("overheat").Errors);
    }

    [Fact]
    public async Task Action_DrivesAGrantedPin_ButNotAnUngrantedOne()
    {
        await using var f = await Fixture.StartAsync(Config("fan", "fan_on"), Config("door", "door_open"));
        Assert.Equal(Wasmbed.Device.DeviceError.None, f.Gpio.Read(4, out bool before));
        Assert.False(before);

        f.Evaluate("fan", 80);
        Assert.Equal(0, f.Rule("fan").Errors);
        Assert.Equal(Wasmbed.Device.DeviceError.None, f.Gpio.Read(4, out bool fan));
        Assert.True(fan);

        f.Evaluate("door", 80);
        var door = f.Rule("door");
        Assert.Equal(1, door.Firings);
        Assert.Equal(1, door.Errors);
        Assert.Contains("door_open returned -", door.LastError);
        Assert.Equal(Wasmbed.Device.DeviceError.None, f.Gpio.Read(5, out bool pin5));
        Assert.False(pin5);
    }

    [Fact]
    public async Task RulesOnAPipeline_AreEvaluatedOnTheRuleThread()
    {
        // through the gateway proper: messages posted to a pipeline, its output fed to the tenant's rule thread
        var directory = GatewayTestHost.NewDirectory();
        using var key = SigningKey.Generate();
        File.WriteAllBytes(Path.Combine(directory, "pass.wbpkg"), GatewayTestHost.Pack(GatewayGuests.Stage("x"), "pass", "1.0.0", key).ToBytes());
        File.WriteAllBytes(Path.Combine(directory, "thermo.wbpkg"), GatewayTestHost.Pack(RuleApp, App, "1.0.0", key, ["gpio=4"]).ToBytes());
        var config = new GatewayConfig
        {
            Tenants =
            [
                new TenantConfig
                {
                    Name = "t",
                    PublisherKeys = [GatewayTestHost.WritePublicKey(directory, "t", key)],
                    Policy = "system;kv;pipeline;gpio=4",
                    Apps = [new AppSource { Package = "pass.wbpkg" }, new AppSource { Package = "thermo.wbpkg" }],
                    Pipelines = [new PipelineConfig { Name = "in", Stages = ["pass"] }],
                    // the stage's output carries no reading: a condition that always holds, no debounce
                    Rules = [Config("watch", "alarm", pipeline: "in", condition: "always")],
                },
            ],
        };
        await using var host = await GatewayTestHost.StartAsync(config, directory);
        const int Count = 5;
        for (int i = 0; i < Count; i++)
        {
            using var response = await host.Http.PostAsync("api/tenants/t/pipelines/in/messages", new ByteArrayContent([1]));
            Assert.True(response.IsSuccessStatusCode, $"post: {(int)response.StatusCode}");
        }
        var rule = host.Server.Runtime.FindTenant("t").Rules.Single();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (rule.Evaluations < Count && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(Count, rule.Evaluations);
        Assert.Equal(Count, rule.Holds);
        Assert.Equal(1, rule.Firings);
        Assert.Equal(0, rule.Errors);
        Assert.Equal(1, host.Server.Runtime.FindTenant("t").Apps.Invoke(App, i => i.GetFunction("fired")!.Invoke()[0].AsInt32()));
    }
}
