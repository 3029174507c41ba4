using System.Runtime.InteropServices;

namespace Wasmbed.Bench;

/// <summary>The facts about the machine and tools that a reader needs to compare two reports.</summary>
sealed record MachineInfo(string Cpu, int LogicalCores, string Memory, string OperatingSystem, string DotNet, string Node, string Clang, string Date, string LoadAverage)
{
    public const string NotInstalled = "not installed";

    public static MachineInfo Collect(double timeoutSeconds)
    {
        var cpu = ReadField("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memoryKiB = ReadField("/proc/meminfo", "MemTotal")?.Split(' ')[0];
        var memory = long.TryParse(memoryKiB, out var kib) ? $"{kib / (1024.0 * 1024.0):0.0} GiB" : "unknown";
        var os = ReadOsRelease() ?? RuntimeInformation.OSDescription;
        var kernel = File.Exists("/proc/sys/kernel/osrelease") ? File.ReadAllText("/proc/sys/kernel/osrelease").Trim() : null;
        var sdk = FirstLineOf("dotnet", ["--version"], timeoutSeconds);
        return new MachineInfo(
            cpu,
            Environment.ProcessorCount,
            memory,
            kernel is null ? os : $"{os}, Linux {kernel}",
            $"{RuntimeInformation.FrameworkDescription}" + (sdk is null ? "" : $" (SDK {sdk})"),
            FirstLineOf("node", ["--version"], timeoutSeconds) ?? NotInstalled,
            FirstLineOf("clang-19", ["--version"], timeoutSeconds) ?? NotInstalled,
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture),
            // Other work on the machine skews every number; the load when the run began says how much to trust them.
            File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown");
    }

    static string? ReadField(string path, string key)
    {
        if (!File.Exists(path)) return null;
        foreach (var line in File.ReadLines(path))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim() == key) return line[(colon + 1)..].Trim();
        }
        return null;
    }

    static string? ReadOsRelease()
    {
        if (!File.Exists("/etc/os-release")) return null;
        var line = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal));
        return line?["PRETTY_NAME=".Length..].Trim('"');
    }

    static string? FirstLineOf(string command, string[] arguments, double timeoutSeconds)
    {
        var result = TimedProcess.Run(command, arguments, timeoutSeconds);
        return result.Succeeded ? result.Output.Split('\n')[0].Trim() : null;
    }
}
