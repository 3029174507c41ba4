using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Wasmbed.Gateway.Api;

namespace Wasmbed.Gateway.Hosting;

/// <summary>
/// The gateway daemon: a <see cref="Gateway"/> (tenants, pipelines, rules) behind the management API and the dashboard,
/// in one ASP.NET Core web application. Ctrl+C and SIGTERM stop it (the console lifetime).
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _web;

    private GatewayServer(WebApplication web, GatewayRuntime gateway)
    {
        _web = web;
        Runtime = gateway;
    }

    public GatewayRuntime Runtime { get; }

    /// <summary>The addresses the server listens on, with real ports (also when <c>:0</c> was asked).</summary>
    public IReadOnlyList<string> Urls =>
        [.. _web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? []];

    /// <summary>The first address, with a trailing slash: where the dashboard is.</summary>
    public string DashboardUrl => Urls.FirstOrDefault() is { } url ? url.TrimEnd('/') + "/" : "(not listening)";

    /// <summary>Starts the gateway (tenants, apps, sources) and then the web server.</summary>
    public static async Task<GatewayServer> StartAsync(GatewayLaunchOptions options, CancellationToken cancellation = default, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = options.BaseDirectory });
        builder.WebHost.UseUrls(options.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        builder.Logging.ClearProviders();
        if (logging is not null) logging(builder.Logging);
        else builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default));
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        var gateway = GatewayRuntime.Start(options);
        WebApplication web;
        try
        {
            web = builder.Build();
            if (options.Config.Dashboard is { } dashboard && Path.GetFullPath(dashboard, options.BaseDirectory) is var folder && Directory.Exists(folder))
            {
                var files = new PhysicalFileProvider(folder);
                web.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
                web.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            }
            ManagementApi.Map(web, gateway);
            await web.StartAsync(cancellation);
        }
        catch
        {
            gateway.Dispose();
            throw;
        }
        return new GatewayServer(web, gateway);
    }

    /// <summary>Waits for Ctrl+C, SIGTERM or <paramref name="cancellation"/>.</summary>
    public async Task WaitForShutdownAsync(CancellationToken cancellation = default)
    {
        var stopping = _web.Lifetime.ApplicationStopping;
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellation);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _web.StopAsync(CancellationToken.None);
        }
        finally
        {
            Runtime.Dispose();
            await _web.DisposeAsync();
        }
    }
}
