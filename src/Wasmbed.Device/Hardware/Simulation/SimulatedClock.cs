namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// Simulated time: it stands still until something sleeps or waits on it (or a test calls <see cref="Advance"/>),
/// and then jumps. Sensor waveforms and scheduled pin changes are functions of this time, so a simulated run is
/// the same every time and takes no real time. Thread-safe.
/// </summary>
public sealed class SimulatedClock : IClock
{
    private long _now;

    /// <summary>Starts at monotonic time 0, at wall-clock time <paramref name="wallClockStart"/> (default 2025-01-01T00:00:00Z).</summary>
    public SimulatedClock(DateTimeOffset? wallClockStart = null)
    {
        var start = wallClockStart ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        WallClockStartUnixNanoseconds = (start.UtcTicks - DateTime.UnixEpoch.Ticks) * 100;
    }

    public long WallClockStartUnixNanoseconds { get; }

    public long MonotonicNanoseconds => Interlocked.Read(ref _now);

    /// <summary>Simulated time in seconds, for waveforms.</summary>
    public double Seconds => MonotonicNanoseconds / 1e9;

    public long WallClockUnixNanoseconds => WallClockStartUnixNanoseconds + MonotonicNanoseconds;

    /// <summary>Advances time by <paramref name="nanoseconds"/> at once.</summary>
    public void Sleep(long nanoseconds) => Advance(nanoseconds);

    public void Yield() { }

    /// <summary>Moves time forward by <paramref name="nanoseconds"/> (≥ 0).</summary>
    public void Advance(long nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        Interlocked.Add(ref _now, nanoseconds);
    }

    /// <summary>Moves time forward to <paramref name="monotonicNanoseconds"/> if it is later than now.</summary>
    public void AdvanceTo(long monotonicNanoseconds)
    {
        long now;
        do
        {
            now = Interlocked.Read(ref _now);
            if (monotonicNanoseconds <= now) return;
        } while (Interlocked.CompareExchange(ref _now, monotonicNanoseconds, now) != now);
    }
}
