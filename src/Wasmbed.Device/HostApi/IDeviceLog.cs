namespace Wasmbed.Device.HostApi;

/// <summary>Log levels of <c>system.log</c>; the numbers are part of the guest ABI (<c>WB_LOG_…</c> in device.h).</summary>
public enum DeviceLogLevel
{
    Error = 1,
    Warning = 2,
    Info = 3,
    Debug = 4,
    Trace = 5,
}

/// <summary>Where an app's <c>system.log</c> messages go. Called on the thread running the app.</summary>
public interface IDeviceLog
{
    void Write(DeviceLogLevel level, string message);
}

/// <summary>Keeps log entries in memory (tests, the demo, a "last N messages" view).</summary>
public sealed class MemoryLog : IDeviceLog
{
    private readonly List<(DeviceLogLevel Level, string Message)> _entries = [];
    private readonly Lock _lock = new();

    /// <summary>A copy of the entries so far, oldest first.</summary>
    public IReadOnlyList<(DeviceLogLevel Level, string Message)> Entries
    {
        get { lock (_lock) return [.. _entries]; }
    }

    /// <summary>The messages so far, oldest first.</summary>
    public IReadOnlyList<string> Messages
    {
        get { lock (_lock) return [.. _entries.Select(e => e.Message)]; }
    }

    public void Write(DeviceLogLevel level, string message)
    {
        lock (_lock) _entries.Add((level, message));
    }
}

/// <summary>Writes log entries as lines <c>[app] level: message</c> to a <see cref="TextWriter"/>.</summary>
public sealed class TextWriterLog(TextWriter writer, string app) : IDeviceLog
{
    public void Write(DeviceLogLevel level, string message)
    {
        lock (writer) writer.WriteLine($"[{app}] {level.ToString().ToLowerInvariant()}: {message}");
    }
}
