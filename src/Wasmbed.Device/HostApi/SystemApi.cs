using System.Text;
using Wasmbed.Device.Capabilities;

namespace Wasmbed.Device.HostApi;

/// <summary>The <c>wasmbed:system/1</c> functions: ABI version, log, clocks, bounded sleep and yield, device info.</summary>
internal sealed class SystemApi(DeviceContext context)
{
    private const long NanosecondsPerMillisecond = 1_000_000;
    private static readonly byte[] Ellipsis = "…"u8.ToArray();

    public static void Define(Linker linker, DeviceContext context)
    {
        var api = new SystemApi(context);
        string m = HostApiNames.ImportModule(HostApiNames.System);
        linker.Define(m, "abi_version", () => (HostApiNames.MajorVersion << 16) | HostApiNames.MinorVersion);
        linker.Define<int, int, int, int>(m, "log", api.Log);
        linker.Define(m, "monotonic_ns", () => context.Hardware.Clock.MonotonicNanoseconds);
        linker.Define(m, "wall_time_ns", () => context.Hardware.Clock.WallClockUnixNanoseconds);
        linker.Define<int, int>(m, "sleep_ms", api.SleepMilliseconds);
        linker.Define(m, "yield", api.Yield);
        linker.Define<int, int, int, int, int>(m, "device_info", api.DeviceInfo);
    }

    private int Log(Caller caller, int level, int pointer, int length)
    {
        if (level < (int)DeviceLogLevel.Error || level > (int)DeviceLogLevel.Trace) return Status.Fail(DeviceError.InvalidArgument);
        if (!GuestMemory.TryGetSpan(caller, pointer, length, out var text)) return Status.Fail(DeviceError.Fault);
        if (context.Log is not { } log || level > (int)context.LogLevel) return 0;
        int max = context.Options.MaxLogMessageBytes;
        string message = text.Length <= max
            ? Encoding.UTF8.GetString(text)
            : string.Concat(Encoding.UTF8.GetString(text[..max]), Encoding.UTF8.GetString(Ellipsis));
        try
        {
            log.Write((DeviceLogLevel)level, message);
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
        return 0;
    }

    private int SleepMilliseconds(int milliseconds)
    {
        if (milliseconds < 0) return Status.Fail(DeviceError.InvalidArgument);
        // Bounded: a longer sleep is cut to the limit, so an app cannot park its thread for long.
        long bounded = Math.Min(milliseconds, context.Options.MaxSleepMilliseconds);
        context.Hardware.Clock.Sleep(bounded * NanosecondsPerMillisecond);
        return 0;
    }

    private int Yield()
    {
        context.Hardware.Clock.Yield();
        return 0;
    }

    private int DeviceInfo(Caller caller, int keyPointer, int keyLength, int pointer, int capacity)
    {
        if (!GuestMemory.TryGetSpan(caller, keyPointer, keyLength, out var keyBytes)) return Status.Fail(DeviceError.Fault);
        if (!GuestMemory.IsValid(caller, pointer, capacity)) return Status.Fail(DeviceError.Fault);
        string key = Encoding.UTF8.GetString(keyBytes);
        string? value = key switch
        {
            "abi" => $"{HostApiNames.MajorVersion}.{HostApiNames.MinorVersion}",
            _ => context.Hardware.Info.GetValueOrDefault(key),
        };
        if (value is null) return Status.Fail(DeviceError.NotFound);
        return GuestMemory.WriteResult(caller, pointer, capacity, Encoding.UTF8.GetBytes(value));
    }
}
