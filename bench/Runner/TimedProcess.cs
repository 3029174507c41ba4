using System.Diagnostics;

namespace Wasmbed.Bench;

/// <summary>What one run of a program did: exit code, output, and wall-clock seconds.</summary>
sealed record RunResult(int ExitCode, string Output, string Error, double Seconds, bool TimedOut)
{
    public bool Succeeded => !TimedOut && ExitCode == 0;

    /// <summary>A one-line reason for a failed run, for the report.</summary>
    public string Describe(double timeoutSeconds) =>
        TimedOut ? $"timed out after {timeoutSeconds:0} s"
        : $"exit code {ExitCode}" + (FirstLine(Error) is { Length: > 0 } message ? $": {message}" : "");

    static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
}

/// <summary>Runs a process to completion (or a deadline) and measures its wall-clock time.</summary>
static class TimedProcess
{
    public static RunResult Run(string fileName, IEnumerable<string> arguments, double timeoutSeconds, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        var clock = Stopwatch.StartNew();
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return new RunResult(-1, "", $"could not start {fileName}: {exception.Message}", 0, false);
        }
        using (process)
        {
            // Read both pipes asynchronously so a chatty program cannot block on a full pipe.
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            var exited = process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds));
            var seconds = clock.Elapsed.TotalSeconds;
            if (!exited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
            return new RunResult(exited ? process.ExitCode : -1, output.Result, error.Result, seconds, !exited);
        }
    }
}
