namespace Wasmbed.Wasi;

/// <summary>A directory preopened by the embedder: the host directory and the name the guest knows it by.</summary>
internal sealed record PreopenedDirectory(string HostPath, string GuestPath, bool ReadOnly);

/// <summary>
/// An open directory: which preopen it lies in and its location there as a list of real (symlink-free) names.
/// Every path the guest resolves through it stays inside <see cref="Root"/> (see <see cref="PathResolver"/>).
/// </summary>
internal sealed class DirectoryDescriptor : Descriptor
{
    private DirectoryEntry[]? _listing;

    public DirectoryDescriptor(PreopenedDirectory root, IReadOnlyList<string> components, bool isPreopen, Rights rightsBase, Rights rightsInheriting)
        : base(rightsBase, rightsInheriting, FdFlags.None)
    {
        Root = root;
        Components = components;
        IsPreopen = isPreopen;
        HostPath = PathResolver.HostPathOf(root, components);
    }

    public PreopenedDirectory Root { get; }

    /// <summary>The directory's names below <see cref="Root"/>; empty for the root itself.</summary>
    public IReadOnlyList<string> Components { get; }

    /// <summary>True for the descriptor the embedder preopened (the one <c>fd_prestat_get</c> describes).</summary>
    public bool IsPreopen { get; }

    public string HostPath { get; }

    /// <summary><see cref="HostPath"/>, after checking that no directory on the way has become a symlink since it was opened.</summary>
    private string CheckedHostPath
    {
        get
        {
            PathResolver.CheckStillInside(Root, Components);
            return HostPath;
        }
    }

    public override FileType Type => FileType.Directory;

    public override FileStat Stat() => HostFileSystem.Stat(CheckedHostPath, followSymlinks: true);

    public override void SetTimes(TimeChange access, TimeChange modification) =>
        HostFileSystem.SetTimes(CheckedHostPath, followSymlinks: true, access, modification);

    /// <summary>
    /// The entries from position <paramref name="cookie"/> on. Cookie 0 takes a fresh listing ("." and ".." first, then
    /// the entries in ordinal order); later cookies continue the listing taken then, so a guest reading in several calls
    /// sees one consistent directory.
    /// </summary>
    public ReadOnlySpan<DirectoryEntry> ReadEntries(ulong cookie)
    {
        if (cookie == 0 || _listing is null) _listing = List();
        return cookie >= (ulong)_listing.Length ? [] : _listing.AsSpan((int)cookie);
    }

    private DirectoryEntry[] List()
    {
        PathResolver.CheckStillInside(Root, Components);
        var entries = new List<DirectoryEntry>
        {
            new(".", FileType.Directory, HostFileSystem.Stat(HostPath, followSymlinks: true).Inode),
            new("..", FileType.Directory, HostFileSystem.Stat(Components.Count == 0 ? HostPath : Path.GetDirectoryName(HostPath)!, followSymlinks: true).Inode),
        };
        var names = new DirectoryInfo(HostPath).EnumerateFileSystemInfos().Select(info => info.Name).ToList();
        names.Sort(StringComparer.Ordinal);
        foreach (var name in names)
        {
            FileStat stat;
            try
            {
                stat = HostFileSystem.Stat(Path.Join(HostPath, name), followSymlinks: false);
            }
            catch (WasiError)
            {
                continue; // removed since it was listed
            }
            entries.Add(new DirectoryEntry(name, stat.Type, stat.Inode));
        }
        return [.. entries];
    }
}

/// <summary>One entry of a directory listing, as <c>fd_readdir</c> reports it.</summary>
internal readonly record struct DirectoryEntry(string Name, FileType Type, ulong Inode);
