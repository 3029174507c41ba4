using System.Diagnostics.CodeAnalysis;

namespace Wasmbed.Wasi;

/// <summary>
/// Carries an errno from deep inside a call (a bad pointer, a path that leaves its preopen) to the import's
/// boundary, where it becomes the call's result. Never escapes to the embedder.
/// </summary>
internal sealed class WasiError(Errno errno) : Exception($"WASI error {errno}")
{
    public Errno Errno { get; } = errno;

    [DoesNotReturn]
    public static void Throw(Errno errno) => throw new WasiError(errno);

    [DoesNotReturn]
    public static T Throw<T>(Errno errno) => throw new WasiError(errno);
}
