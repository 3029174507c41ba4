namespace Wasmbed.Wasi;

/// <summary>
/// One open file descriptor of the guest: what it refers to, the rights it carries (witx <c>fdstat</c>), and the
/// operations it supports. An operation a kind of descriptor does not support fails with the errno POSIX gives for it.
/// Rights are checked by the calls before they get here.
/// </summary>
internal abstract class Descriptor : IDisposable
{
    protected Descriptor(Rights rightsBase, Rights rightsInheriting, FdFlags flags)
    {
        RightsBase = rightsBase;
        RightsInheriting = rightsInheriting;
        Flags = flags;
    }

    /// <summary>What this descriptor may be used for.</summary>
    public Rights RightsBase { get; set; }

    /// <summary>What descriptors opened through this one (by <c>path_open</c>) may at most be given.</summary>
    public Rights RightsInheriting { get; set; }

    public FdFlags Flags { get; set; }

    public abstract FileType Type { get; }

    /// <summary>Reads at the current position; returns the bytes read (0 at the end).</summary>
    public virtual int Read(Span<byte> buffer) => WasiError.Throw<int>(Errno.BadFileDescriptor);

    /// <summary>Writes at the current position (or the end, with <see cref="FdFlags.Append"/>); returns the bytes written.</summary>
    public virtual int Write(ReadOnlySpan<byte> data) => WasiError.Throw<int>(Errno.BadFileDescriptor);

    /// <summary>Reads at <paramref name="offset"/> without moving the position.</summary>
    public virtual int ReadAt(Span<byte> buffer, ulong offset) => WasiError.Throw<int>(Errno.InvalidSeek);

    /// <summary>Writes at <paramref name="offset"/> without moving the position.</summary>
    public virtual int WriteAt(ReadOnlySpan<byte> data, ulong offset) => WasiError.Throw<int>(Errno.InvalidSeek);

    /// <summary>Moves the position (witx whence: 0 set, 1 cur, 2 end) and returns the new one.</summary>
    public virtual ulong Seek(long offset, byte whence) => WasiError.Throw<ulong>(Errno.InvalidSeek);

    public abstract FileStat Stat();

    public virtual void SetSize(ulong size) => WasiError.Throw(Errno.Invalid);

    public virtual void SetTimes(TimeChange access, TimeChange modification) => WasiError.Throw(Errno.NotSupported);

    /// <summary>Makes the size at least <paramref name="offset"/> + <paramref name="length"/>.</summary>
    public virtual void Allocate(ulong offset, ulong length) => WasiError.Throw(Errno.NotSupported);

    /// <summary>Flushes what was written to the device.</summary>
    public virtual void Sync()
    {
    }

    /// <summary>Whether a read would not block now, and how many bytes are known to be readable.</summary>
    public virtual bool PollRead(out ulong available)
    {
        available = 0;
        return true;
    }

    /// <summary>Whether a write would not block now.</summary>
    public virtual bool PollWrite() => true;

    public virtual void Dispose()
    {
    }
}
