namespace Wasmbed.Gateway.Metrics;

/// <summary>
/// Percentiles of recent latencies: the last <see cref="Window"/> samples in a ring (so p99 reflects the last few
/// thousand events, not the whole run). Thread-safe; recording is O(1), reading sorts a copy.
/// </summary>
public sealed class LatencyRecorder
{
    public const int Window = 4096;

    private readonly double[] _samples = new double[Window];
    private readonly Lock _lock = new();
    private long _count;

    public void Record(TimeSpan latency)
    {
        lock (_lock) _samples[_count++ % Window] = latency.TotalMilliseconds;
    }

    public long Count
    {
        get { lock (_lock) return _count; }
    }

    /// <summary>The <paramref name="quantile"/> (0..1) of the recent samples in milliseconds; 0 without samples.</summary>
    public double Percentile(double quantile)
    {
        double[] copy;
        lock (_lock) copy = _samples[..(int)Math.Min(_count, Window)];
        if (copy.Length == 0) return 0;
        Array.Sort(copy);
        int index = (int)Math.Ceiling(quantile * copy.Length) - 1;
        return copy[Math.Clamp(index, 0, copy.Length - 1)];
    }
}
