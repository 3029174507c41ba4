using System.Diagnostics;

namespace Wasmbed.Wasi;

/// <summary>
/// The four WASI clocks. Realtime is the host's wall clock; monotonic counts from when the context was made;
/// process and thread CPU time come from <c>clock_gettime</c> on Linux. Elsewhere the thread clock reports the
/// process's CPU time (the closest .NET offers).
/// </summary>
internal sealed class WasiClocks
{
    private readonly long _start = Stopwatch.GetTimestamp();

    /// <summary>The time of <paramref name="clock"/> in nanoseconds; EINVAL for an unknown clock.</summary>
    public ulong Now(ClockId clock) => clock switch
    {
        ClockId.Realtime => Realtime(),
        ClockId.Monotonic => StopwatchNanoseconds(Stopwatch.GetTimestamp() - _start),
        ClockId.ProcessCpuTime => CpuTime(linuxClock: 2),
        ClockId.ThreadCpuTime => CpuTime(linuxClock: 3),
        _ => WasiError.Throw<ulong>(Errno.Invalid),
    };

    /// <summary>The resolution of <paramref name="clock"/> in nanoseconds.</summary>
    public static ulong Resolution(ClockId clock) => clock switch
    {
        ClockId.Realtime => OperatingSystem.IsLinux() ? 1UL : 100UL,
        ClockId.Monotonic => Math.Max(1UL, (ulong)(1_000_000_000 / Stopwatch.Frequency)),
        ClockId.ProcessCpuTime or ClockId.ThreadCpuTime => OperatingSystem.IsLinux() ? 1UL : 100UL,
        _ => WasiError.Throw<ulong>(Errno.Invalid),
    };

    private static unsafe ulong Realtime()
    {
        if (OperatingSystem.IsLinux())
        {
            LinuxNative.Timespec time;
            if (LinuxNative.ClockGettime(0, &time) == 0) return (ulong)time.Seconds * 1_000_000_000 + (ulong)time.Nanoseconds;
        }
        return (ulong)(DateTime.UtcNow - DateTime.UnixEpoch).Ticks * 100;
    }

    private static unsafe ulong CpuTime(int linuxClock)
    {
        if (OperatingSystem.IsLinux())
        {
            LinuxNative.Timespec time;
            if (LinuxNative.ClockGettime(linuxClock, &time) == 0) return (ulong)time.Seconds * 1_000_000_000 + (ulong)time.Nanoseconds;
        }
        return (ulong)Process.GetCurrentProcess().TotalProcessorTime.Ticks * 100;
    }

    private static ulong StopwatchNanoseconds(long ticks)
    {
        long frequency = Stopwatch.Frequency;
        return (ulong)(ticks / frequency) * 1_000_000_000 + (ulong)(ticks % frequency * 1_000_000_000 / frequency);
    }
}
