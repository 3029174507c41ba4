using System.Security.Cryptography;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary>Turns the device layer's refusals into one "error:" line and exit status 1, as the other commands report bad input.</summary>
internal static class AppCommandErrors
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is PackageException or AppException or CryptographicException or InvalidDataException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }

    /// <summary>The default device state directory: ./device-state.</summary>
    public static System.CommandLine.Option<string> StateOption() => new("--state")
    {
        Description = "device state directory",
        DefaultValueFactory = _ => "device-state",
    };
}
