using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Gateway.Rules;

/// <summary>One configured rule: its logic state and counters.</summary>
internal sealed class Rule(string tenant, RuleConfig config)
{
    private long _evaluations, _holds, _firings, _releases, _errors;

    public string Tenant { get; } = tenant;

    public RuleConfig Config { get; } = config;

    public RuleState State { get; } = new(config);

    /// <summary>"sensor:NAME" or "pipeline:NAME".</summary>
    public string InputKey { get; } = config.Input.Sensor is { } sensor ? $"sensor:{sensor}" : $"pipeline:{config.Input.Pipeline}";

    public long Evaluations => Interlocked.Read(ref _evaluations);
    public long Holds => Interlocked.Read(ref _holds);
    public long Firings => Interlocked.Read(ref _firings);
    public long Releases => Interlocked.Read(ref _releases);
    public long Errors => Interlocked.Read(ref _errors);

    public DateTimeOffset? LastFiredAt { get; private set; }

    public string? LastError { get; private set; }

    public void Counted(bool holds)
    {
        Interlocked.Increment(ref _evaluations);
        if (holds) Interlocked.Increment(ref _holds);
    }

    public void Fired()
    {
        Interlocked.Increment(ref _firings);
        LastFiredAt = DateTimeOffset.UtcNow;
    }

    public void Released() => Interlocked.Increment(ref _releases);

    public void Failed(string error)
    {
        Interlocked.Increment(ref _errors);
        LastError = error;
    }
}
