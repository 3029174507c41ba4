namespace Wasmbed.Wasi;

/// <summary>
/// The guest's file descriptor numbers. New descriptors get the lowest free number (as POSIX does), so after the
/// three stdio descriptors the preopens are 3, 4, ... in the order the embedder gave them.
/// </summary>
internal sealed class FdTable : IDisposable
{
    /// <summary>A guest can hold at most this many descriptors open (EMFILE beyond).</summary>
    public const int MaxDescriptors = 1 << 16;

    private readonly List<Descriptor?> _slots = [];

    public int Count => _slots.Count(slot => slot is not null);

    /// <summary>Adds <paramref name="descriptor"/> under the lowest free number and returns it.</summary>
    public int Add(Descriptor descriptor)
    {
        int free = _slots.IndexOf(null);
        if (free >= 0)
        {
            _slots[free] = descriptor;
            return free;
        }
        if (_slots.Count >= MaxDescriptors) WasiError.Throw(Errno.TooManyFiles);
        _slots.Add(descriptor);
        return _slots.Count - 1;
    }

    /// <summary>The descriptor <paramref name="fd"/>; EBADF if it is not open.</summary>
    public Descriptor Get(int fd) =>
        fd >= 0 && fd < _slots.Count && _slots[fd] is { } descriptor ? descriptor : WasiError.Throw<Descriptor>(Errno.BadFileDescriptor);

    /// <summary>
    /// The descriptor <paramref name="fd"/> as a <typeparamref name="T"/> holding every one of <paramref name="required"/>
    /// rights: EBADF if not open, ENOTCAPABLE if a right is missing, <paramref name="wrongKind"/> if it is another kind.
    /// </summary>
    public T Get<T>(int fd, Rights required, Errno wrongKind) where T : Descriptor
    {
        var descriptor = Get(fd);
        if (descriptor is not T typed) return WasiError.Throw<T>(wrongKind);
        if ((descriptor.RightsBase & required) != required) WasiError.Throw(Errno.NotCapable);
        return typed;
    }

    /// <summary>The descriptor <paramref name="fd"/> holding every one of <paramref name="required"/> rights.</summary>
    public Descriptor Get(int fd, Rights required)
    {
        var descriptor = Get(fd);
        if ((descriptor.RightsBase & required) != required) WasiError.Throw(Errno.NotCapable);
        return descriptor;
    }

    /// <summary>Closes <paramref name="fd"/>; EBADF if it is not open.</summary>
    public void Close(int fd)
    {
        var descriptor = Get(fd);
        _slots[fd] = null;
        descriptor.Dispose();
    }

    /// <summary>Moves <paramref name="from"/> to number <paramref name="to"/>, closing what was there (both must be open).</summary>
    public void Renumber(int from, int to)
    {
        var descriptor = Get(from);
        var replaced = Get(to);
        if (from == to) return;
        _slots[to] = descriptor;
        _slots[from] = null;
        replaced.Dispose();
    }

    public void Dispose()
    {
        foreach (var descriptor in _slots) descriptor?.Dispose();
        _slots.Clear();
    }
}
