namespace Wasmbed.Gateway.Api;

// The JSON shapes of the management API (docs/gateway.md, "Management API"). Records, camelCase on the wire.

public sealed record HealthResponse(string Status, string Version, double UptimeSeconds);

public sealed record ErrorResponse(string Error, string? Refusal = null);

public sealed record QuotasModel(uint MemoryPages, long FuelPerEvent, int EventDeadlineMs, int Instances, double EventsPerSecond, int QueueCapacity);

public sealed record TenantModel(
    string Name,
    IReadOnlyList<string> PublisherKeys,
    string Policy,
    QuotasModel Quotas,
    IReadOnlyList<string> Apps,
    IReadOnlyList<string> Pipelines,
    IReadOnlyList<string> Rules);

public sealed record AppModel(
    string Tenant,
    string Name,
    string ActiveVersion,
    string? PreviousVersion,
    string? ServingVersion,
    bool Running,
    long LastHandledEvent,
    long PendingEvents,
    long FailedEvents,
    string? LastError,
    IReadOnlyList<string> Capabilities,
    uint MemoryPages);

public sealed record VersionsModel(string Active, string? Previous, string? Serving);

public sealed record SequenceResponse(long Sequence);

public sealed record StageModel(string App, int Queued, int Capacity, long Received, long Emitted, long Failed);

public sealed record PipelineModel(
    string Tenant,
    string Name,
    string Source,
    bool Running,
    long Accepted,
    long Dropped,
    long Completed,
    long Failed,
    IReadOnlyList<StageModel> Stages);

public sealed record OutputMessageModel(
    long Sequence,
    string Kind,
    IReadOnlyDictionary<string, string> Meta,
    int DataLength,
    int? Width,
    int? Height,
    string? Format,
    string? Data);

public sealed record RuleModel(
    string Tenant,
    string Name,
    string App,
    string Input,
    string State,
    long Evaluations,
    long Holds,
    long Firings,
    long Releases,
    long Errors,
    DateTimeOffset? LastFiredAt,
    string? LastError);

public sealed record LogEntryModel(long Id, DateTimeOffset Time, string Tenant, string? App, string Level, string Message);

public sealed record AppMetricsModel(
    string Tenant,
    string App,
    long Calls,
    long Traps,
    long Fuel,
    long MemoryBytes,
    double LatencyP50Ms,
    double LatencyP99Ms,
    long Queued);

public sealed record MetricsModel(IReadOnlyList<AppMetricsModel> Apps);
