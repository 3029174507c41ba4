namespace Wasmbed.Gateway.Hosting;

/// <summary>The gateway configuration file (JSON; format in docs/gateway.md).</summary>
public sealed class GatewayConfig
{
    /// <summary>Where tenants keep their apps and data; relative to the config file.</summary>
    public string? StateDirectory { get; set; }

    /// <summary><c>simulated</c> (the simulated device) or <c>system</c> (a real clock and nothing else).</summary>
    public string Hardware { get; set; } = "simulated";

    /// <summary>Folder of static files served at <c>/</c>; relative to the config file.</summary>
    public string? Dashboard { get; set; }

    /// <summary>Addresses to listen on (ASP.NET Core form); <c>--urls</c> wins.</summary>
    public string? Urls { get; set; }

    public List<TenantConfig> Tenants { get; set; } = [];
}

/// <summary>One tenant: its keys, what its apps may be granted, its quotas, apps, pipelines and rules.</summary>
public sealed class TenantConfig
{
    public required string Name { get; set; }

    /// <summary>SPKI PEM files: the only publisher keys this tenant's packages may be signed with.</summary>
    public List<string> PublisherKeys { get; set; } = [];

    /// <summary>When true, a key is generated in the tenant's state, trusted, and used to sign <c>module</c> apps.</summary>
    public bool DevSigning { get; set; }

    /// <summary>What this tenant's apps may be granted (CapabilitySet text).</summary>
    public string Policy { get; set; } = "system;kv;pipeline";

    public TenantQuotas Quotas { get; set; } = new();

    public List<AppSource> Apps { get; set; } = [];

    public List<PipelineConfig> Pipelines { get; set; } = [];

    public List<RuleConfig> Rules { get; set; } = [];
}

/// <summary>What one tenant may use.</summary>
public sealed class TenantQuotas
{
    /// <summary>Max linear memory (64 KiB pages) a manifest of this tenant may ask for, per app.</summary>
    public uint MemoryPages { get; set; } = 64;

    /// <summary>Fuel budget of every event delivery, hook or rule evaluation (docs/sandbox.md).</summary>
    public long FuelPerEvent { get; set; } = 50_000_000;

    /// <summary>An event or evaluation running longer than this is reported as overrunning.</summary>
    public int EventDeadlineMs { get; set; } = 1000;

    /// <summary>Max installed apps.</summary>
    public int Instances { get; set; } = 16;

    /// <summary>Messages per second entering the tenant (API, sources), as a token bucket.</summary>
    public double EventsPerSecond { get; set; } = 2000;

    /// <summary>Default capacity of each stage's input channel.</summary>
    public int QueueCapacity { get; set; } = 64;
}

/// <summary>An app installed at start: a signed package, or a module and manifest signed with the tenant's dev key.</summary>
public sealed class AppSource
{
    public string? Package { get; set; }

    public string? Module { get; set; }

    public string? Manifest { get; set; }
}

public sealed class PipelineConfig
{
    public required string Name { get; set; }

    /// <summary>Where messages come from besides the API; none when null.</summary>
    public SourceConfig? Source { get; set; }

    /// <summary>Stage app names, in order.</summary>
    public List<string> Stages { get; set; } = [];

    /// <summary>Capacity of each stage's input channel; the tenant's default when null.</summary>
    public int? QueueCapacity { get; set; }
}

/// <summary>A message source: a simulated camera, or a sensor polled periodically.</summary>
public sealed class SourceConfig
{
    public CameraConfig? Camera { get; set; }

    /// <summary>Sensor name (a sensor of the gateway's hardware).</summary>
    public string? Sensor { get; set; }

    public int PeriodMs { get; set; } = 1000;
}

public sealed class CameraConfig
{
    public int Width { get; set; } = 96;

    public int Height { get; set; } = 64;

    public double Fps { get; set; } = 10;

    /// <summary><c>gray8</c>, <c>rgb24</c> or <c>rgba32</c>.</summary>
    public string Format { get; set; } = "gray8";
}

public sealed class RuleConfig
{
    public required string Name { get; set; }

    /// <summary>The app that exports the condition and actions.</summary>
    public required string App { get; set; }

    public required RuleInputConfig Input { get; set; }

    public required string Condition { get; set; }

    public required string Action { get; set; }

    public string? ReleaseAction { get; set; }

    public int DebounceMs { get; set; }

    public int CooldownMs { get; set; }

    public RuleWindowConfig? Window { get; set; }
}

/// <summary>A sensor polled every <see cref="PeriodMs"/>, or a pipeline's output.</summary>
public sealed class RuleInputConfig
{
    public string? Sensor { get; set; }

    public int PeriodMs { get; set; } = 1000;

    public string? Pipeline { get; set; }
}

/// <summary>The condition must have held on at least <see cref="Count"/> inputs within the last <see cref="WithinMs"/>.</summary>
public sealed class RuleWindowConfig
{
    public int Count { get; set; } = 1;

    public int WithinMs { get; set; } = 1000;
}
