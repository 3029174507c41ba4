namespace Wasmbed;

/// <summary>
/// Step 1 of embedding: the engine holds configuration and what is shared by all modules and stores
/// (interned function types). Thread-safe.
/// </summary>
public sealed partial class Engine : IDisposable
{
    private readonly Dictionary<FunctionType, FunctionType> _types = [];
    private bool _disposed;

    public Engine(EngineOptions? options = null)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Wasmbed needs a little-endian host");
        Options = options ?? new EngineOptions();
        CheckTier(Options);
    }

    public EngineOptions Options { get; }

    /// <summary>The canonical instance of a function type, so that type equality is reference equality at run time.</summary>
    internal FunctionType Intern(FunctionType type)
    {
        lock (_types)
        {
            if (_types.TryGetValue(type, out var canonical)) return canonical;
            _types.Add(type, type);
            return type;
        }
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    public void Dispose()
    {
        _disposed = true;
    }
}
