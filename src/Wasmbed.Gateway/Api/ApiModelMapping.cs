using Wasmbed.Device.Apps;
using Wasmbed.Gateway.Messages;
using Wasmbed.Gateway.Pipelines;
using Wasmbed.Gateway.Rules;
using Wasmbed.Gateway.Tenants;

namespace Wasmbed.Gateway.Api;

/// <summary>From the gateway's objects to the API's shapes.</summary>
internal static class ApiModelMapping
{
    public static TenantModel ToModel(Tenant tenant)
    {
        var q = tenant.Quotas;
        return new TenantModel(
            tenant.Name,
            [.. tenant.PublisherKeys.Select(k => k.ShortId)],
            tenant.Config.Policy,
            new QuotasModel(q.MemoryPages, q.FuelPerEvent, q.EventDeadlineMs, q.Instances, q.EventsPerSecond, q.QueueCapacity),
            [.. tenant.ListApps().Select(a => a.Name)],
            [.. tenant.Pipelines.Keys.Order(StringComparer.Ordinal)],
            [.. tenant.Rules.Select(r => r.Config.Name)]);
    }

    public static AppModel ToModel(Tenant tenant, AppInfo app)
    {
        var manifest = tenant.ActiveManifest(app.Name);
        return new AppModel(tenant.Name, app.Name, app.ActiveVersion, app.PreviousVersion, app.ServingVersion, app.Running,
            app.LastHandledEvent, app.PendingEvents, app.FailedEvents, app.LastError,
            manifest?.Capabilities ?? [], manifest?.Limits.MemoryPages ?? 0);
    }

    public static PipelineModel ToModel(Pipeline pipeline) => new(
        pipeline.Tenant, pipeline.Name, pipeline.SourceName, pipeline.Running,
        pipeline.Accepted, pipeline.Dropped, pipeline.Completed, pipeline.Failed,
        [.. pipeline.Stages.Select(s => new StageModel(s.App, s.Queued, s.Capacity, s.Received, s.Emitted, s.Failed))]);

    public static OutputMessageModel ToModel(long number, Message message, bool withData) => new(
        number,
        message.Kind switch { MessageKind.Frame => "frame", MessageKind.Reading => "reading", _ => "bytes" },
        message.Meta.ToDictionary(),
        message.Data.Length,
        message.Kind == MessageKind.Frame ? (int)message.Width : null,
        message.Kind == MessageKind.Frame ? (int)message.Height : null,
        message.Kind == MessageKind.Frame ? MessageFormat.FrameFormatName(message.Format) : null,
        withData ? Convert.ToBase64String(message.Data.Span) : null);

    public static RuleModel ToModel(Rule rule) => new(
        rule.Tenant, rule.Config.Name, rule.Config.App, rule.InputKey, rule.State.Name,
        rule.Evaluations, rule.Holds, rule.Firings, rule.Releases, rule.Errors, rule.LastFiredAt, rule.LastError);

    public static AppMetricsModel ToMetrics(Tenant tenant, AppInfo app)
    {
        var m = tenant.MetricsFor(app.Name);
        return new AppMetricsModel(tenant.Name, app.Name, m.Calls, m.Traps, m.Fuel, m.MemoryBytes(app.ServingVersion),
            Math.Round(m.Latency.Percentile(0.5), 3), Math.Round(m.Latency.Percentile(0.99), 3), app.PendingEvents);
    }
}
