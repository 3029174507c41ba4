namespace Wasmbed.Device.Hardware;

/// <summary>The device's time: a monotonic clock for intervals, a wall clock for dates, and sleeping.</summary>
/// <remarks><see cref="SystemClock"/> is real time; <see cref="Simulation.SimulatedClock"/> advances only when slept on,
/// which makes simulated sensors and edge waits deterministic.</remarks>
public interface IClock
{
    /// <summary>Nanoseconds since an arbitrary start; never goes back.</summary>
    long MonotonicNanoseconds { get; }

    /// <summary>Nanoseconds since 1970-01-01T00:00:00Z (may jump when the device sets its clock).</summary>
    long WallClockUnixNanoseconds { get; }

    /// <summary>Blocks for <paramref name="nanoseconds"/> (≥ 0).</summary>
    void Sleep(long nanoseconds);

    /// <summary>Gives other work on the device a chance to run.</summary>
    void Yield();
}
