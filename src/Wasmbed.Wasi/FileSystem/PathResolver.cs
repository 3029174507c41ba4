namespace Wasmbed.Wasi;

/// <summary>
/// Resolves a guest path against a directory descriptor, one component at a time, the way the capability model
/// requires: the result never lies outside the descriptor's preopen. An absolute path, a <c>..</c> above the preopen's
/// root, or a symlink whose target is absolute or climbs out is <see cref="Errno.NotCapable"/>. Symlinks are expanded
/// here (never by the OS), at most <see cref="MaxSymlinkExpansions"/> times (then ELOOP), so every directory in the
/// result is a real directory inside the preopen, checked on the way.
/// </summary>
/// <remarks>
/// The checks and the final operation are separate host calls, so a host process that swaps a directory for a symlink
/// between them could redirect the operation; the guest itself cannot, as it has no way to run in between.
/// </remarks>
internal static class PathResolver
{
    public const int MaxSymlinkExpansions = 40;

    /// <summary>The host path of <paramref name="components"/> below <paramref name="root"/>.</summary>
    public static string HostPathOf(PreopenedDirectory root, IReadOnlyList<string> components)
    {
        if (components.Count == 0) return root.HostPath;
        var parts = new string[components.Count + 1];
        parts[0] = root.HostPath;
        for (int i = 0; i < components.Count; i++) parts[i + 1] = components[i];
        return Path.Join(parts);
    }

    /// <summary>
    /// Checks that <paramref name="components"/> below <paramref name="root"/> are still real directories, not symlinks.
    /// An open directory descriptor remembers its location by name; if the guest has since replaced one of those
    /// directories with a symlink, the OS would follow it when given the joined path, possibly out of the preopen.
    /// Then the directory the descriptor named is gone: ENOENT.
    /// </summary>
    public static void CheckStillInside(PreopenedDirectory root, IReadOnlyList<string> components)
    {
        string path = root.HostPath;
        foreach (var component in components)
        {
            path = Path.Join(path, component);
            if (HostFileSystem.TypeOf(path) != FileType.Directory) WasiError.Throw(Errno.NoEntry);
        }
    }

    /// <summary>
    /// Resolves <paramref name="path"/> relative to <paramref name="directory"/>. A final symlink is expanded only when
    /// <paramref name="followFinalSymlink"/> is set or the path ends in a slash; the entry the path names need not exist.
    /// </summary>
    public static ResolvedPath Resolve(DirectoryDescriptor directory, string path, bool followFinalSymlink)
    {
        if (path.Length == 0) WasiError.Throw(Errno.NoEntry);
        if (path.Contains('\0')) WasiError.Throw(Errno.Invalid);
        if (path[0] == '/') WasiError.Throw(Errno.NotCapable);
        bool trailingSlash = path[^1] == '/';
        // "dir/" names dir (and must be a directory); the slash is remembered, not kept as an empty last component.
        string trimmed = path.TrimEnd('/');

        var root = directory.Root;
        CheckStillInside(root, directory.Components);
        var resolved = new List<string>(directory.Components);
        var pending = new LinkedList<string>(trimmed.Split('/'));
        int expansions = 0;
        string? finalName = null;

        while (pending.First is { } node)
        {
            string component = node.Value;
            pending.RemoveFirst();
            bool isLast = pending.Count == 0;
            finalName = null;
            if (component is "" or ".") continue;
            if (component == "..")
            {
                if (resolved.Count == 0) WasiError.Throw(Errno.NotCapable);
                resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            CheckComponent(component);

            string candidate = Path.Join(HostPathOf(root, resolved), component);
            bool follow = !isLast || followFinalSymlink || trailingSlash;
            var type = HostFileSystem.TypeOf(candidate);
            if (type == FileType.SymbolicLink && follow)
            {
                if (++expansions > MaxSymlinkExpansions) WasiError.Throw(Errno.Loop);
                string target = HostFileSystem.ReadLink(candidate) ?? WasiError.Throw<string>(Errno.NoEntry);
                if (target.Length == 0) WasiError.Throw(Errno.NoEntry);
                // A link to an absolute host path could point anywhere: refuse it rather than reinterpret it.
                if (target[0] == '/' || Path.IsPathRooted(target)) WasiError.Throw(Errno.NotCapable);
                var parts = target.Split('/');
                for (int i = parts.Length - 1; i >= 0; i--) pending.AddFirst(parts[i]);
                continue;
            }
            if (isLast)
            {
                finalName = component;
                if (trailingSlash && type is { } t && t != FileType.Directory) WasiError.Throw(Errno.NotDirectory);
                break;
            }
            if (type is null) WasiError.Throw(Errno.NoEntry);
            if (type != FileType.Directory) WasiError.Throw(Errno.NotDirectory);
            resolved.Add(component);
        }
        return new ResolvedPath(root, [.. resolved], finalName, trailingSlash);
    }

    /// <summary>Names the host would read as more than one component (or as a drive) cannot be guest names.</summary>
    private static void CheckComponent(string component)
    {
        if (Path.DirectorySeparatorChar != '/' && component.IndexOfAny(['\\', ':']) >= 0) WasiError.Throw(Errno.NoEntry);
    }
}

/// <summary>
/// A guest path resolved inside a preopen: the real directory it ends in (<see cref="Parent"/>, names below
/// <see cref="Root"/>) and the final name there, or no name when the path denotes that directory itself
/// (<c>.</c>, <c>a/..</c>, a symlink to a directory that was followed).
/// </summary>
internal readonly record struct ResolvedPath(PreopenedDirectory Root, string[] Parent, string? Name, bool TrailingSlash)
{
    public string ParentHostPath => PathResolver.HostPathOf(Root, Parent);

    public string HostPath => Name is null ? ParentHostPath : Path.Join(ParentHostPath, Name);

    /// <summary>The names of the entry below the root.</summary>
    public string[] Components => Name is null ? Parent : [.. Parent, Name];

    /// <summary>The final name; EINVAL-like errno <paramref name="ifDirectoryItself"/> when the path names a directory by "." or "..".</summary>
    public string RequireName(Errno ifDirectoryItself) => Name ?? WasiError.Throw<string>(ifDirectoryItself);

    /// <summary>The type of the entry without following a final symlink, or null if it does not exist.</summary>
    public FileType? Type => HostFileSystem.TypeOf(HostPath);
}
