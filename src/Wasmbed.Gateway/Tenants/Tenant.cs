using Wasmbed.Device.Apps;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Hosting;
using Wasmbed.Gateway.Metrics;
using Wasmbed.Gateway.Pipelines;
using Wasmbed.Gateway.Rules;

namespace Wasmbed.Gateway.Tenants;

/// <summary>
/// One tenant: its own engine, app manager (state in <c>STATE/tenants/NAME</c>), trust store holding only its keys,
/// policy, quotas, pipelines and rule thread. Nothing here is shared with another tenant.
/// </summary>
public sealed partial class Tenant : IDisposable
{
    private readonly Engine _engine;
    private readonly AppManager _apps;
    private readonly GatewayLog _log;
    private readonly GatewayHardware _hardware;
    private readonly TokenBucket _rate;
    private readonly StageCalls _stageCalls = new();
    private readonly Dictionary<string, AppMetrics> _metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Pipeline> _pipelines = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Stage> _stagesByApp = new(StringComparer.Ordinal);
    private readonly List<IDisposable> _sources = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private RuleEngine? _rules;

    private Tenant(TenantConfig config, string directory, GatewayLog log, GatewayHardware hardware, IReadOnlyList<PublisherKey> keys)
    {
        Config = config;
        Directory = directory;
        _log = log;
        _hardware = hardware;
        PublisherKeys = keys;
        Policy = ParsePolicy(config);
        _rate = new TokenBucket(config.Quotas.EventsPerSecond);
        _engine = new Engine(EventBudget.EngineOptions);
        var budget = EventBudget.Apply(config.Quotas);
        _apps = AppManager.Open(directory, new AppManagerOptions
        {
            Engine = _engine,
            Policy = Policy,
            Hardware = hardware.Hardware,
            Log = app => log.ForApp(config.Name, app),
            DefineImports = (app, linker) => PipelineImports.Define(linker, app, _stageCalls),
            Instantiated = (app, version, instance) => MetricsFor(app).Instantiated(version, instance),
            BeforeCall = (_, store) => budget(store),
        });
    }

    public string Name => Config.Name;

    public TenantConfig Config { get; }

    public TenantQuotas Quotas => Config.Quotas;

    public DevicePolicy Policy { get; }

    public string Directory { get; }

    public IReadOnlyList<PublisherKey> PublisherKeys { get; }

    internal AppManager Apps => _apps;

    internal IReadOnlyDictionary<string, Pipeline> Pipelines => _pipelines;

    internal IReadOnlyList<Rule> Rules => _rules?.Rules ?? [];

    /// <summary>
    /// Opens the tenant's state, boots its apps, installs the configured ones that are missing or older, and starts its
    /// pipelines, sources and rules.
    /// </summary>
    public static Tenant Start(TenantConfig config, string baseDirectory, string stateDirectory, GatewayLog log, GatewayHardware hardware)
    {
        if (!ManifestRules.IsValidAppName(config.Name))
            throw new GatewayException(GatewayError.BadRequest, $"tenant name \"{config.Name}\" is not valid (1-64 of a-z 0-9 . _ -)");
        var directory = Path.Combine(stateDirectory, "tenants", config.Name);
        System.IO.Directory.CreateDirectory(directory);
        using var devKey = config.DevSigning ? TenantKeys.LoadOrCreateDevKey(directory) : null;
        var keys = TenantKeys.Install(config, baseDirectory, directory, devKey);
        var tenant = new Tenant(config, directory, log, hardware, keys);
        try
        {
            foreach (var error in tenant._apps.BootAll()) log.Warn(config.Name, null, $"boot: {error}");
            foreach (var app in tenant._apps.List()) tenant.Observe(app.Name);
            tenant.InstallConfiguredApps(baseDirectory, devKey);
            tenant.BuildPipelines();
            tenant.BuildRules();
            log.Info(config.Name, null, $"tenant started: {tenant._apps.List().Count} apps, {tenant._pipelines.Count} pipelines, {tenant.Rules.Count} rules");
            return tenant;
        }
        catch
        {
            tenant.Dispose();
            throw;
        }
    }

    /// <summary>Takes one token of the tenant's event rate; false when it is over.</summary>
    internal bool Admit() => _rate.TryTake();

    internal AppMetrics MetricsFor(string app)
    {
        lock (_lock)
        {
            if (!_metrics.TryGetValue(app, out var metrics)) _metrics[app] = metrics = new AppMetrics(Name, app);
            return metrics;
        }
    }

    internal Pipeline FindPipeline(string name) =>
        _pipelines.GetValueOrDefault(name) ?? throw GatewayException.NotFound($"pipeline \"{name}\" of tenant {Name}");

    /// <summary>Per-delivery bookkeeping for an app: metrics, the stage waiting for it, the log.</summary>
    private void Observe(string app)
    {
        var metrics = MetricsFor(app);
        _apps.ObserveDeliveries(app, (appEvent, version, failure) =>
        {
            metrics.RecordCall(failure is not null);
            Stage? stage;
            lock (_lock) stage = _stagesByApp.GetValueOrDefault(app);
            if (stage is not null) stage.Delivered(failure);
            else if (failure is not null) _log.Warn(Name, app, $"event {appEvent.Sequence} failed ({version}): {failure.Message}");
        });
    }

    private static DevicePolicy ParsePolicy(TenantConfig config)
    {
        try
        {
            return DevicePolicy.Parse(config.Policy);
        }
        catch (FormatException e)
        {
            throw new GatewayException(GatewayError.BadRequest, $"tenant {config.Name}: policy: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        foreach (var source in _sources) source.Dispose();
        foreach (var pipeline in _pipelines.Values)
        {
            if (!pipeline.Drain(TimeSpan.FromSeconds(2)))
                _log.Warn(Name, null, $"pipeline {pipeline.Name} did not drain within 2 s; its queued messages are dropped");
        }
        _stopping.Cancel();
        _rules?.Dispose();
        // An app stuck in an event (an endless loop, until the engine can interrupt it) would block disposal for
        // ever: give it a bounded time and leave the thread behind (it is a background thread).
        var disposal = Task.Run(() =>
        {
            _apps.Dispose();
            _engine.Dispose();
        });
        if (!disposal.Wait(TimeSpan.FromSeconds(3)))
            _log.Error(Name, null, "an app did not stop within 3 s (stuck in an event); its thread is abandoned");
        _stopping.Dispose();
    }
}
