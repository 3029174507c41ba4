namespace Wasmbed.Wasi;

// The small enumerations and bit sets of wasi_snapshot_preview1 (witx typenames), with their exact encodings.

/// <summary>What a descriptor may be used for (witx <c>rights</c>, a u64 bit set).</summary>
[Flags]
public enum Rights : ulong
{
    None = 0,
    FdDatasync = 1UL << 0,
    FdRead = 1UL << 1,
    FdSeek = 1UL << 2,
    FdFdstatSetFlags = 1UL << 3,
    FdSync = 1UL << 4,
    FdTell = 1UL << 5,
    FdWrite = 1UL << 6,
    FdAdvise = 1UL << 7,
    FdAllocate = 1UL << 8,
    PathCreateDirectory = 1UL << 9,
    PathCreateFile = 1UL << 10,
    PathLinkSource = 1UL << 11,
    PathLinkTarget = 1UL << 12,
    PathOpen = 1UL << 13,
    FdReaddir = 1UL << 14,
    PathReadlink = 1UL << 15,
    PathRenameSource = 1UL << 16,
    PathRenameTarget = 1UL << 17,
    PathFilestatGet = 1UL << 18,
    PathFilestatSetSize = 1UL << 19,
    PathFilestatSetTimes = 1UL << 20,
    FdFilestatGet = 1UL << 21,
    FdFilestatSetSize = 1UL << 22,
    FdFilestatSetTimes = 1UL << 23,
    PathSymlink = 1UL << 24,
    PathRemoveDirectory = 1UL << 25,
    PathUnlinkFile = 1UL << 26,
    PollFdReadwrite = 1UL << 27,
    SockShutdown = 1UL << 28,
    SockAccept = 1UL << 29,
}

/// <summary>The rights that make sense for each kind of descriptor, and their read-only subsets.</summary>
internal static class RightSets
{
    public const Rights RegularFile =
        Rights.FdDatasync | Rights.FdRead | Rights.FdSeek | Rights.FdFdstatSetFlags | Rights.FdSync | Rights.FdTell |
        Rights.FdWrite | Rights.FdAdvise | Rights.FdAllocate | Rights.FdFilestatGet | Rights.FdFilestatSetSize |
        Rights.FdFilestatSetTimes | Rights.PollFdReadwrite;

    public const Rights Directory =
        Rights.FdFdstatSetFlags | Rights.FdSync | Rights.FdAdvise | Rights.PathCreateDirectory | Rights.PathCreateFile |
        Rights.PathLinkSource | Rights.PathLinkTarget | Rights.PathOpen | Rights.FdReaddir | Rights.PathReadlink |
        Rights.PathRenameSource | Rights.PathRenameTarget | Rights.PathFilestatGet | Rights.PathFilestatSetSize |
        Rights.PathFilestatSetTimes | Rights.FdFilestatGet | Rights.FdFilestatSetTimes | Rights.PathSymlink |
        Rights.PathRemoveDirectory | Rights.PathUnlinkFile | Rights.PollFdReadwrite;

    /// <summary>Everything that changes the file system is left out.</summary>
    public const Rights ReadOnlyFile =
        Rights.FdRead | Rights.FdSeek | Rights.FdFdstatSetFlags | Rights.FdTell | Rights.FdAdvise |
        Rights.FdFilestatGet | Rights.PollFdReadwrite;

    public const Rights ReadOnlyDirectory =
        Rights.FdFdstatSetFlags | Rights.FdAdvise | Rights.PathOpen | Rights.FdReaddir | Rights.PathReadlink |
        Rights.PathFilestatGet | Rights.FdFilestatGet | Rights.PollFdReadwrite;

    public const Rights ReadStream = Rights.FdRead | Rights.FdFdstatSetFlags | Rights.FdFilestatGet | Rights.PollFdReadwrite;

    public const Rights WriteStream = Rights.FdWrite | Rights.FdFdstatSetFlags | Rights.FdFilestatGet | Rights.PollFdReadwrite;

    public const Rights ConnectedSocket =
        Rights.FdRead | Rights.FdWrite | Rights.FdFdstatSetFlags | Rights.FdFilestatGet | Rights.PollFdReadwrite | Rights.SockShutdown;

    public const Rights ListeningSocket = Rights.SockAccept | Rights.FdFdstatSetFlags | Rights.FdFilestatGet | Rights.PollFdReadwrite;

    /// <summary>What a write-capable host handle is needed for.</summary>
    public const Rights NeedsHostWriteAccess = Rights.FdWrite | Rights.FdAllocate | Rights.FdFilestatSetSize;
}

/// <summary>witx <c>filetype</c> (u8).</summary>
public enum FileType : byte
{
    Unknown = 0,
    BlockDevice = 1,
    CharacterDevice = 2,
    Directory = 3,
    RegularFile = 4,
    SocketDatagram = 5,
    SocketStream = 6,
    SymbolicLink = 7,
}

/// <summary>witx <c>fdflags</c> (u16).</summary>
[Flags]
public enum FdFlags : ushort
{
    None = 0,
    Append = 1,
    Dsync = 2,
    NonBlock = 4,
    Rsync = 8,
    Sync = 16,
}

/// <summary>witx <c>oflags</c> (u16): how <c>path_open</c> creates or truncates.</summary>
[Flags]
internal enum OFlags : ushort
{
    Create = 1,
    Directory = 2,
    Exclusive = 4,
    Truncate = 8,
}

/// <summary>witx <c>lookupflags</c> (u32).</summary>
[Flags]
internal enum LookupFlags : uint
{
    SymlinkFollow = 1,
}

/// <summary>witx <c>fstflags</c> (u16): which timestamps <c>*_set_times</c> changes, and whether to "now".</summary>
[Flags]
internal enum FstFlags : ushort
{
    AccessTime = 1,
    AccessTimeNow = 2,
    ModificationTime = 4,
    ModificationTimeNow = 8,
}

/// <summary>witx <c>clockid</c> (u32).</summary>
public enum ClockId : uint
{
    Realtime = 0,
    Monotonic = 1,
    ProcessCpuTime = 2,
    ThreadCpuTime = 3,
}

/// <summary>witx <c>eventtype</c> (u8).</summary>
internal enum EventType : byte
{
    Clock = 0,
    FdRead = 1,
    FdWrite = 2,
}

/// <summary>witx <c>sdflags</c> (u8).</summary>
[Flags]
internal enum ShutdownFlags : byte
{
    Read = 1,
    Write = 2,
}

/// <summary>witx <c>riflags</c> (u16).</summary>
[Flags]
internal enum ReceiveFlags : ushort
{
    Peek = 1,
    WaitAll = 2,
}
