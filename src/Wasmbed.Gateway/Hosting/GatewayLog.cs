using Microsoft.Extensions.Logging;
using Wasmbed.Device.HostApi;
using Wasmbed.Gateway.Api;

namespace Wasmbed.Gateway.Hosting;

/// <summary>
/// The gateway's log: the last <see cref="Capacity"/> entries in memory (for <c>GET /api/logs</c>), each also
/// written to the host's <see cref="ILogger"/>. Apps' <c>system.log</c> lands here through <see cref="ForApp"/>.
/// </summary>
public sealed class GatewayLog
{
    public const int Capacity = 1000;

    private readonly LogEntryModel[] _ring = new LogEntryModel[Capacity];
    private readonly Lock _lock = new();
    private readonly ILogger? _logger;
    private long _next = 1;

    public GatewayLog(ILogger? logger = null) => _logger = logger;

    public void Write(string tenant, string? app, DeviceLogLevel level, string message)
    {
        var entry = new LogEntryModel(0, DateTimeOffset.UtcNow, tenant, app, LevelName(level), message);
        lock (_lock)
        {
            entry = entry with { Id = _next };
            _ring[_next++ % Capacity] = entry;
        }
        _logger?.Log(ToLogLevel(level), "{Tenant}/{App}: {Message}", tenant, app ?? "-", message);
    }

    public void Info(string tenant, string? app, string message) => Write(tenant, app, DeviceLogLevel.Info, message);

    public void Warn(string tenant, string? app, string message) => Write(tenant, app, DeviceLogLevel.Warning, message);

    public void Error(string tenant, string? app, string message) => Write(tenant, app, DeviceLogLevel.Error, message);

    /// <summary>Entries with an id above <paramref name="after"/>, oldest first, filtered, at most <paramref name="limit"/> (the newest ones).</summary>
    public List<LogEntryModel> Read(long after, int limit, string? tenant = null, string? app = null)
    {
        var result = new List<LogEntryModel>();
        lock (_lock)
        {
            for (long id = Math.Max(after + 1, _next - Capacity); id < _next; id++)
            {
                var entry = _ring[id % Capacity];
                if ((tenant is null || entry.Tenant == tenant) && (app is null || entry.App == app)) result.Add(entry);
            }
        }
        return result.Count > limit ? result[^limit..] : result;
    }

    /// <summary>An app's <c>system.log</c>.</summary>
    public IDeviceLog ForApp(string tenant, string app) => new AppLog(this, tenant, app);

    private sealed class AppLog(GatewayLog log, string tenant, string app) : IDeviceLog
    {
        public void Write(DeviceLogLevel level, string message) => log.Write(tenant, app, level, message);
    }

    private static string LevelName(DeviceLogLevel level) => level switch
    {
        DeviceLogLevel.Error => "error",
        DeviceLogLevel.Warning => "warn",
        DeviceLogLevel.Info => "info",
        DeviceLogLevel.Debug => "debug",
        _ => "trace",
    };

    private static LogLevel ToLogLevel(DeviceLogLevel level) => level switch
    {
        DeviceLogLevel.Error => LogLevel.Error,
        DeviceLogLevel.Warning => LogLevel.Warning,
        DeviceLogLevel.Info => LogLevel.Information,
        DeviceLogLevel.Debug => LogLevel.Debug,
        _ => LogLevel.Trace,
    };
}
