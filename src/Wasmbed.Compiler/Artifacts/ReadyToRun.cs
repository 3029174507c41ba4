using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Wasmbed.Compiler.Artifacts;

/// <summary>
/// Precompiles an artifact's assembly to native code with crossgen2, the ReadyToRun compiler of the .NET SDK, so that
/// loading it skips most JIT compilation (docs/compiler.md, "Ahead-of-time artifacts").
/// </summary>
/// <remarks>
/// crossgen2 comes as the NuGet package <c>microsoft.netcore.app.crossgen2.&lt;rid&gt;</c>, which any
/// <c>dotnet publish -r &lt;rid&gt; -p:PublishReadyToRun=true</c> restores into the NuGet package folder.
/// </remarks>
internal static class ReadyToRun
{
    /// <summary>crossgen2 from the NuGet package folders for this runtime's platform: this runtime's version if present, else the newest of its major version.</summary>
    public static string? FindCrossgen2()
    {
        var package = $"microsoft.netcore.app.crossgen2.{RuntimeInformation.RuntimeIdentifier}".ToLowerInvariant();
        var executable = OperatingSystem.IsWindows() ? "crossgen2.exe" : "crossgen2";
        var runtime = Environment.Version;
        var candidates = new List<(Version Version, string Path)>();
        foreach (var root in PackageFolders())
        {
            var versions = Path.Combine(root, package);
            if (!Directory.Exists(versions)) continue;
            foreach (var directory in Directory.GetDirectories(versions))
            {
                var tool = Path.Combine(directory, "tools", executable);
                if (Version.TryParse(Path.GetFileName(directory), out var version) && version.Major == runtime.Major && File.Exists(tool))
                    candidates.Add((version, tool));
            }
        }
        return candidates.OrderByDescending(c => c.Version == new Version(runtime.Major, runtime.Minor, runtime.Build)).ThenByDescending(c => c.Version)
            .Select(c => c.Path).FirstOrDefault();
    }

    private static IEnumerable<string> PackageFolders()
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured) yield return configured;
        yield return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (!OperatingSystem.IsWindows()) yield return "/opt/nuget/packages";
    }

    /// <summary>
    /// Runs crossgen2 on <paramref name="image"/> and returns the ReadyToRun image, compiled for this process's
    /// platform against the runtime and the Wasmbed assemblies this process runs on (the code only fits them).
    /// </summary>
    /// <exception cref="InvalidOperationException">crossgen2 failed; the message has its output.</exception>
    public static byte[] Compile(byte[] image, string crossgen2)
    {
        var wasmbed = typeof(Module).Assembly.Location;
        var compiler = typeof(ReadyToRun).Assembly.Location;
        if (wasmbed.Length == 0 || compiler.Length == 0)
            throw new InvalidOperationException("ReadyToRun needs Wasmbed.dll and Wasmbed.Compiler.dll as files (this host bundles them into a single file)");
        var directory = Directory.CreateTempSubdirectory("wasmbed-r2r-");
        try
        {
            var input = Path.Combine(directory.FullName, "il.dll");
            var output = Path.Combine(directory.FullName, "r2r.dll");
            File.WriteAllBytes(input, image);
            var start = new ProcessStartInfo(crossgen2)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                input, "-o", output, "-O",
                "--targetos", TargetOperatingSystem(), "--targetarch", RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant(),
                "-r", Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"), "-r", wasmbed, "-r", compiler,
            })
            {
                start.ArgumentList.Add(argument);
            }
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {crossgen2}");
            }
            catch (System.ComponentModel.Win32Exception exception)
            {
                throw new InvalidOperationException($"could not start {crossgen2}: {exception.Message}", exception);
            }
            using var _ = process;
            var errors = process.StandardError.ReadToEndAsync();
            var messages = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException($"{crossgen2} failed (exit code {process.ExitCode}): {(errors.Result + messages).Trim()}");
            return File.ReadAllBytes(output);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static string TargetOperatingSystem() =>
        OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsFreeBSD() ? "freebsd" : "linux";
}
