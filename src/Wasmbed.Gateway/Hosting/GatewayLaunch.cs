namespace Wasmbed.Gateway.Hosting;

/// <summary>Everything the gateway needs to start: the configuration, where its relative paths start, state and addresses.</summary>
public sealed record GatewayLaunchOptions(GatewayConfig Config, string BaseDirectory, string StateDirectory, string Urls);

/// <summary>Turns the command line (<c>--config</c>, <c>--demo</c>, <c>--urls</c>, <c>--state</c>) into <see cref="GatewayLaunchOptions"/>.</summary>
public static class GatewayLaunch
{
    public const string DefaultUrls = "http://127.0.0.1:8089";

    /// <summary>The demo configuration, relative to the repository root.</summary>
    public const string DemoConfig = "examples/gateway/demo.json";

    /// <summary>Overrides where <c>--demo</c> finds its configuration.</summary>
    public const string DemoEnvironmentVariable = "WASMBED_GATEWAY_DEMO";

    public static GatewayLaunchOptions Resolve(string? configPath, bool demo, string? urls, string? state, string currentDirectory, string commandDirectory)
    {
        if (demo == (configPath is not null))
            throw new GatewayException(GatewayError.BadRequest, "give either --config FILE or --demo");
        string path = demo ? FindDemoConfig(currentDirectory, commandDirectory) : Path.GetFullPath(configPath!, currentDirectory);
        if (!File.Exists(path)) throw new FileNotFoundException($"gateway configuration {path} does not exist", path);
        var config = GatewayConfigFile.Read(path);
        var baseDirectory = Path.GetDirectoryName(path)!;
        string stateDirectory = state is not null ? Path.GetFullPath(state, currentDirectory)
            : config.StateDirectory is not null ? Path.GetFullPath(config.StateDirectory, baseDirectory)
            : demo ? Path.Combine(currentDirectory, "gateway-demo-state")
            : Path.Combine(baseDirectory, Path.GetFileNameWithoutExtension(path) + "-state");
        if (demo) config.Hardware = "simulated";
        return new GatewayLaunchOptions(config, baseDirectory, stateDirectory, urls ?? config.Urls ?? DefaultUrls);
    }

    /// <summary><see cref="DemoConfig"/> in the current directory or a parent, else beside the command or a parent.</summary>
    public static string FindDemoConfig(string currentDirectory, string commandDirectory)
    {
        if (Environment.GetEnvironmentVariable(DemoEnvironmentVariable) is { Length: > 0 } overridden)
            return Path.GetFullPath(overridden, currentDirectory);
        foreach (var start in new[] { currentDirectory, commandDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, DemoConfig);
                if (File.Exists(candidate)) return candidate;
            }
        }
        throw new FileNotFoundException($"the demo configuration {DemoConfig} was not found above {currentDirectory} or {commandDirectory}; set {DemoEnvironmentVariable}");
    }
}
