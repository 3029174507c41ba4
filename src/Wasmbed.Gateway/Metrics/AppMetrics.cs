namespace Wasmbed.Gateway.Metrics;

/// <summary>
/// Counters of one app: calls (event deliveries and rule calls), traps (failed ones), fuel, latency, and the
/// memory of its serving version.
/// </summary>
public sealed class AppMetrics
{
    private long _calls, _traps, _fuel;
    private readonly Dictionary<string, Memory> _memories = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public AppMetrics(string tenant, string app)
    {
        Tenant = tenant;
        App = app;
    }

    public string Tenant { get; }

    public string App { get; }

    public LatencyRecorder Latency { get; } = new();

    public long Calls => Interlocked.Read(ref _calls);

    public long Traps => Interlocked.Read(ref _traps);

    public long Fuel => Interlocked.Read(ref _fuel);

    public void RecordCall(bool failed, TimeSpan? latency = null, long fuel = 0)
    {
        Interlocked.Increment(ref _calls);
        if (failed) Interlocked.Increment(ref _traps);
        if (fuel > 0) Interlocked.Add(ref _fuel, fuel);
        if (latency is { } l) Latency.Record(l);
    }

    /// <summary>Adds the fuel one call into the app consumed (every call: events, hooks, rules).</summary>
    public void RecordFuel(ulong fuel) => Interlocked.Add(ref _fuel, (long)fuel);

    /// <summary>Remembers the exported memory of a version when it is instantiated.</summary>
    public void Instantiated(string version, Instance instance)
    {
        var memory = instance.Exports.Select(e => e.Item).OfType<Memory>().FirstOrDefault();
        lock (_lock)
        {
            if (memory is null) _memories.Remove(version);
            else _memories[version] = memory;
        }
    }

    /// <summary>The linear memory size of <paramref name="version"/> (a racy read of a length: fine for monitoring).</summary>
    public long MemoryBytes(string? version)
    {
        if (version is null) return 0;
        lock (_lock) return _memories.TryGetValue(version, out var memory) ? memory.Length : 0;
    }
}
