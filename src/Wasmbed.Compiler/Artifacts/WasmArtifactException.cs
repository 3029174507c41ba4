namespace Wasmbed.Compiler;

/// <summary>
/// An ahead-of-time artifact (<see cref="IlCompiler.SaveArtifact"/>) that cannot be used: not an artifact, damaged or
/// modified since it was written, or stale (compiled from another module, by another build of Wasmbed, or with other
/// engine options). Its code is never run; compile the module again.
/// </summary>
public sealed class WasmArtifactException : WasmException
{
    public WasmArtifactException(string path, string reason)
        : base($"{path}: {reason}")
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>The artifact file.</summary>
    public string Path { get; }

    /// <summary>The message without the file name.</summary>
    public string Reason { get; }
}
