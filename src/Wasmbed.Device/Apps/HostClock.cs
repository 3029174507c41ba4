using System.Diagnostics;
using Wasmbed.Device.Hardware;

namespace Wasmbed.Device.Apps;

/// <summary>Real time from the host OS, for the hardware the app manager gives apps when the embedder gives none.</summary>
internal sealed class HostClock : IClock
{
    public long MonotonicNanoseconds => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    public long WallClockUnixNanoseconds => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;

    public void Sleep(long nanoseconds) => Thread.Sleep(TimeSpan.FromTicks(nanoseconds / 100));

    public void Yield() => Thread.Yield();
}
