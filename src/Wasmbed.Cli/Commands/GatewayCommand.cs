using System.CommandLine;
using System.Security.Cryptography;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway;
using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Cli.Commands;

/// <summary>
/// <c>wasmbed gateway --config FILE | --demo [--urls URLS] [--state DIR]</c>: runs the gateway daemon until SIGTERM or
/// Ctrl+C (docs/gateway.md).
/// </summary>
internal static class GatewayCommand
{
    public static Command Create()
    {
        var config = new Option<string?>("--config") { Description = "gateway configuration file (JSON)" };
        var demo = new Option<bool>("--demo") { Description = "run the demo configuration (examples/gateway/demo.json) on simulated hardware" };
        var urls = new Option<string?>("--urls") { Description = "addresses to listen on (default http://127.0.0.1:8089)" };
        var state = new Option<string?>("--state") { Description = "state directory (overrides the configuration's)" };
        var command = new Command("gateway", "Run the gateway daemon: tenants, pipelines, rules and the management API") { config, demo, urls, state };
        command.SetAction((result, cancellation) => Run(async () =>
        {
            var options = GatewayLaunch.Resolve(result.GetValue(config), result.GetValue(demo), result.GetValue(urls), result.GetValue(state),
                Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            await using var server = await GatewayServer.StartAsync(options, cancellation);
            Console.WriteLine($"gateway: dashboard at {server.DashboardUrl}");
            await server.WaitForShutdownAsync(cancellation);
            Console.WriteLine("gateway: stopped");
            return 0;
        }));
        return command;
    }

    /// <summary>Configuration and refusal errors are one "error:" line and status 1, as the app commands report them.</summary>
    private static async Task<int> Run(Func<Task<int>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is GatewayException or PackageException or AppException or CryptographicException or InvalidDataException or FileNotFoundException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
