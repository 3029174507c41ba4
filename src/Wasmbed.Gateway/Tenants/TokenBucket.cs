using System.Diagnostics;

namespace Wasmbed.Gateway.Tenants;

/// <summary>A token bucket: <c>rate</c> tokens per second, holding at most one second's worth (bursts up to the rate).</summary>
internal sealed class TokenBucket
{
    private readonly double _rate;
    private readonly Lock _lock = new();
    private double _tokens;
    private long _last = Stopwatch.GetTimestamp();

    public TokenBucket(double perSecond)
    {
        _rate = Math.Max(perSecond, 0.001);
        _tokens = Math.Max(_rate, 1);
    }

    public bool TryTake()
    {
        lock (_lock)
        {
            long now = Stopwatch.GetTimestamp();
            _tokens = Math.Min(Math.Max(_rate, 1), _tokens + (now - _last) * _rate / Stopwatch.Frequency);
            _last = now;
            if (_tokens < 1) return false;
            _tokens -= 1;
            return true;
        }
    }
}
