using System.Diagnostics;

namespace Wasmbed.Device.Hardware;

/// <summary>Real time: <see cref="Stopwatch"/> for the monotonic clock, the system clock for the wall clock.</summary>
public sealed class SystemClock : IClock
{
    private static readonly double NanosecondsPerTick = 1e9 / Stopwatch.Frequency;

    public static SystemClock Instance { get; } = new();

    public long MonotonicNanoseconds => (long)(Stopwatch.GetTimestamp() * NanosecondsPerTick);

    public long WallClockUnixNanoseconds => (DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public void Sleep(long nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nanoseconds);
        if (nanoseconds > 0) Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, nanoseconds / 100)));
    }

    public void Yield() => Thread.Yield();
}
