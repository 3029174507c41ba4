using Wasmbed.Gateway.Messages;
using Wasmbed.Gateway.Pipelines;
using Wasmbed.Gateway.Rules;

namespace Wasmbed.Gateway.Tenants;

public sealed partial class Tenant
{
    private void BuildPipelines()
    {
        var installed = _apps.List().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var config in Config.Pipelines)
        {
            if (_pipelines.ContainsKey(config.Name)) throw new GatewayException(GatewayError.BadRequest, $"tenant {Name}: pipeline {config.Name} is defined twice");
            int capacity = config.QueueCapacity ?? Quotas.QueueCapacity;
            if (capacity is < 1 or > 100_000) throw new GatewayException(GatewayError.BadRequest, $"pipeline {config.Name}: queue capacity {capacity} is out of range");
            var stages = new List<Stage>();
            foreach (var app in config.Stages)
            {
                if (!installed.Contains(app)) throw new GatewayException(GatewayError.BadRequest, $"pipeline {config.Name}: stage app \"{app}\" is not installed in tenant {Name}");
                lock (_lock)
                {
                    if (_stagesByApp.ContainsKey(app)) throw new GatewayException(GatewayError.BadRequest, $"pipeline {config.Name}: app \"{app}\" is already a stage");
                }
                var stage = new Stage(app, capacity, _stageCalls, (name, envelope) => _apps.Post(name, envelope), MetricsFor(app));
                stage.OnFailure = error => _log.Warn(Name, app, $"pipeline {config.Name}: {error}");
                lock (_lock) _stagesByApp[app] = stage;
                stages.Add(stage);
            }
            var sourceName = config.Source switch { { Camera: not null } => "camera", { Sensor: not null } => "sensor", _ => "api" };
            var pipeline = new Pipeline(Name, config.Name, sourceName, stages, Admit);
            var key = $"pipeline:{config.Name}";
            pipeline.Subscribe(message => _rules?.Post(key, message));
            _pipelines.Add(config.Name, pipeline);
            pipeline.Start(_stopping.Token);
            if (config.Source?.Camera is { } camera)
                _sources.Add(new CameraSource(pipeline, camera.Width, camera.Height, camera.Fps, MessageFormat.ParseFrameFormat(camera.Format)));
            else if (config.Source?.Sensor is { } sensorName)
                _sources.Add(new SensorSource(FindSensor(sensorName), config.Source.PeriodMs, message => pipeline.TryAccept(message)));
        }
    }

    private void BuildRules()
    {
        var rules = new List<Rule>();
        var installed = _apps.List().Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var config in Config.Rules)
        {
            if (!installed.Contains(config.App)) throw new GatewayException(GatewayError.BadRequest, $"rule {config.Name}: app \"{config.App}\" is not installed in tenant {Name}");
            if ((config.Input.Sensor is null) == (config.Input.Pipeline is null))
                throw new GatewayException(GatewayError.BadRequest, $"rule {config.Name}: input needs exactly one of \"sensor\" and \"pipeline\"");
            if (config.Input.Pipeline is { } p && !_pipelines.ContainsKey(p))
                throw new GatewayException(GatewayError.BadRequest, $"rule {config.Name}: no pipeline \"{p}\" in tenant {Name}");
            rules.Add(new Rule(Name, config));
        }
        _rules = new RuleEngine(Name, rules, _apps, MetricsFor, (app, message) => _log.Warn(Name, app, message), EventBudget.Apply(Quotas));
        // One poller per sensor input (the shortest period asked for it).
        foreach (var group in rules.Where(r => r.Config.Input.Sensor is not null).GroupBy(r => r.Config.Input.Sensor!))
        {
            var key = $"sensor:{group.Key}";
            var engine = _rules;
            _sources.Add(new SensorSource(FindSensor(group.Key), group.Min(r => r.Config.Input.PeriodMs), message =>
            {
                if (Admit()) engine.Post(key, message);
            }));
        }
        _rules.Start();
    }

    /// <summary>A sensor of the gateway's hardware that the tenant's policy lets it read.</summary>
    private Device.Hardware.ISensor FindSensor(string name)
    {
        var sensor = _hardware.FindSensor(name) ?? throw new GatewayException(GatewayError.BadRequest, $"tenant {Name}: no sensor \"{name}\" on this gateway");
        var allowed = Policy.Allowed.Get("sensor");
        if (allowed is null || !allowed.Resources.Any(r => r.Covers(Device.Capabilities.ResourcePattern.Parse("sensor", name))))
            throw new GatewayException(GatewayError.BadRequest, $"tenant {Name}: its policy does not grant sensor \"{name}\"");
        return sensor;
    }
}
