namespace Wasmbed.Wasi;

/// <summary>
/// The guest called <c>proc_exit</c>. It unwinds the WebAssembly call stack like a trap but is not one: the
/// embedder catches it (or lets <see cref="WasiContext.Run"/> do so) and reads <see cref="ExitCode"/>.
/// </summary>
/// <example>
/// <code>
/// try { instance.GetFunction("_start")!.Invoke(); }
/// catch (WasiExitException exit) { return exit.ExitCode; }
/// </code>
/// </example>
public sealed class WasiExitException : WasmException
{
    public WasiExitException(int exitCode) : base($"the WASI program exited with code {exitCode}")
    {
        ExitCode = exitCode;
    }

    /// <summary>The status passed to <c>proc_exit</c> (0 is success).</summary>
    public int ExitCode { get; }

    /// <summary>
    /// The exit in <paramref name="exception"/>, whether thrown directly or carried as the inner exception of a trap
    /// raised by the host-function boundary; null if it is not an exit.
    /// </summary>
    public static WasiExitException? Find(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is WasiExitException exit) return exit;
        }
        return null;
    }
}
