using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Wasmbed.Gateway.Tenants;

namespace Wasmbed.Gateway.Hosting;

/// <summary>The gateway's runtime: its hardware, log and tenants. Independent of HTTP (tests drive it directly too).</summary>
public sealed class GatewayRuntime : IDisposable
{
    private readonly Dictionary<string, Tenant> _tenants = new(StringComparer.Ordinal);
    private readonly Stopwatch _uptime = Stopwatch.StartNew();

    private GatewayRuntime(GatewayLaunchOptions options, GatewayLog log, GatewayHardware hardware)
    {
        Options = options;
        Log = log;
        Hardware = hardware;
    }

    public GatewayLaunchOptions Options { get; }

    public GatewayLog Log { get; }

    public GatewayHardware Hardware { get; }

    public TimeSpan Uptime => _uptime.Elapsed;

    public IReadOnlyCollection<Tenant> Tenants => _tenants.Values;

    public static GatewayRuntime Start(GatewayLaunchOptions options, ILogger? logger = null)
    {
        Directory.CreateDirectory(options.StateDirectory);
        var gateway = new GatewayRuntime(options, new GatewayLog(logger), GatewayHardware.Create(options.Config.Hardware));
        try
        {
            foreach (var config in options.Config.Tenants)
            {
                if (gateway._tenants.ContainsKey(config.Name))
                    throw new GatewayException(GatewayError.BadRequest, $"tenant {config.Name} is defined twice");
                gateway._tenants.Add(config.Name, Tenant.Start(config, options.BaseDirectory, options.StateDirectory, gateway.Log, gateway.Hardware));
            }
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
        return gateway;
    }

    public Tenant FindTenant(string name) =>
        _tenants.GetValueOrDefault(name) ?? throw GatewayException.NotFound($"tenant \"{name}\"");

    /// <summary>Stops every tenant in parallel (each bounded), then the hardware.</summary>
    public void Dispose()
    {
        Task.WaitAll([.. _tenants.Values.Select(t => Task.Run(t.Dispose))]);
        _tenants.Clear();
        Hardware.Dispose();
    }
}
