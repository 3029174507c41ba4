namespace Wasmbed.Wasi;

public sealed partial class WasiContext
{
    /// <summary>
    /// Runs one WASI call against <paramref name="memory"/> and returns its errno: WASI errors and the host's I/O
    /// failures become errnos; <c>proc_exit</c> and real bugs propagate.
    /// </summary>
    internal Errno Invoke(WasiImport import, Span<byte> memory, ReadOnlySpan<long> arguments)
    {
        try
        {
            import.Call(this, new GuestMemory(memory), arguments);
            return Errno.Success;
        }
        catch (Exception exception) when (HostErrors.ToErrno(exception) is { } errno)
        {
            return errno;
        }
    }

    /// <summary>Runs the WASI function called <paramref name="name"/> (for tests and tools working without a module).</summary>
    internal Errno Invoke(string name, Span<byte> memory, params ReadOnlySpan<long> arguments) =>
        Invoke(WasiImports.Get(name), memory, arguments);
}
