using System.Diagnostics;

namespace Wasmbed.Tests.Cli;

/// <summary>Runs the real <c>wasmbed</c> command (the CLI assembly built beside the tests) as a child process.</summary>
internal static class WasmbedProcess
{
    public sealed record Result(int ExitCode, byte[] Stdout, string Stderr);

    public static Result Run(IEnumerable<string> arguments, string? stdinPath = null, string? workingDirectory = null, int timeoutSeconds = 120,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wasmbed.Cli.dll"));
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var readErr = process.StandardError.ReadToEndAsync();
        if (stdinPath is not null)
        {
            using var input = File.OpenRead(stdinPath);
            input.CopyTo(process.StandardInput.BaseStream);
        }
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"wasmbed {string.Join(' ', arguments)} did not finish in {timeoutSeconds} s");
        }
        copyOut.Wait();
        return new Result(process.ExitCode, stdout.ToArray(), readErr.Result);
    }
}
