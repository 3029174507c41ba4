namespace Wasmbed.Device.Storage;

/// <summary>
/// Named points in the persistence code where a power cut is most interesting. A test sets
/// <c>WASMBED_CRASH_AT=N</c> in a child process's environment and the process kills itself (SIGKILL), without
/// unwinding or flushing anything, at the N-th point it reaches: the same as pulling the plug there.
/// Unset (the normal case) it costs one static field read.
/// </summary>
public static class CrashPoints
{
    /// <summary>The environment variable holding the number of the point to die at (1-based).</summary>
    public const string Variable = "WASMBED_CRASH_AT";

    private static readonly int CrashAt = int.TryParse(Environment.GetEnvironmentVariable(Variable), out var n) ? n : 0;
    private static int _reached;

    /// <summary>True in a process that will crash at some point.</summary>
    public static bool Enabled => CrashAt > 0;

    /// <summary>Counts a crash point and dies here if it is the chosen one.</summary>
    public static void Reached(string name)
    {
        if (CrashAt <= 0) return;
        if (Interlocked.Increment(ref _reached) == CrashAt)
        {
            Console.Error.WriteLine($"crash point {CrashAt} ({name}): killing the process");
            System.Diagnostics.Process.GetCurrentProcess().Kill();
        }
    }
}
