namespace Wasmbed;

/// <summary>
/// Step 1 of embedding: the engine holds configuration and what is shared by all modules and stores
/// (interned function types). Thread-safe.
/// </summary>
public sealed partial class Engine : IDisposable
{
    private readonly Dictionary<FunctionType, FunctionType> _types = [];
    private bool _disposed;

    /// <summary>Creates an engine with <paramref name="options"/> (defaults when null).</summary>
    /// <exception cref="PlatformNotSupportedException">The host is big-endian.</exception>
    public Engine(EngineOptions? options = null)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("Wasmbed needs a little-endian host");
        Options = options ?? new EngineOptions();
        CheckTier(Options);
    }

    /// <summary>The settings the engine was created with.</summary>
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

    /// <summary>Marks the engine disposed: no new modules, stores or linkers can be created with it.</summary>
    public void Dispose()
    {
        _disposed = true;
    }
}
