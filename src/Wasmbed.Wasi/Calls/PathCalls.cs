namespace Wasmbed.Wasi;

/// <summary>
/// The <c>path_*</c> calls other than <c>path_open</c>. Each resolves its paths with <see cref="PathResolver"/>
/// (never handing a guest string to the OS) after checking the directory descriptor's rights.
/// </summary>
internal static class PathCalls
{
    /// <summary>The directory descriptor <paramref name="fd"/> with <paramref name="rights"/>, and the guest path resolved against it.</summary>
    internal static (DirectoryDescriptor Directory, ResolvedPath Path) Resolve(
        WasiContext context, GuestMemory memory, int fd, Rights rights, uint path, uint pathLength, bool followFinalSymlink)
    {
        var directory = context.Descriptors.Get<DirectoryDescriptor>(fd, rights, Errno.NotDirectory);
        string text = memory.ReadString(path, pathLength);
        return (directory, PathResolver.Resolve(directory, text, followFinalSymlink));
    }

    private static bool Follows(uint lookupFlags) => (lookupFlags & (uint)LookupFlags.SymlinkFollow) != 0;

    public static void CreateDirectory(WasiContext context, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var (_, resolved) = Resolve(context, memory, fd, Rights.PathCreateDirectory, path, pathLength, false);
        resolved.RequireName(Errno.Exists);
        if (resolved.Type is not null) WasiError.Throw(Errno.Exists);
        Directory.CreateDirectory(resolved.HostPath);
    }

    public static void FilestatGet(WasiContext context, GuestMemory memory, int fd, uint lookupFlags, uint path, uint pathLength, uint resultPointer)
    {
        var (_, resolved) = Resolve(context, memory, fd, Rights.PathFilestatGet, path, pathLength, Follows(lookupFlags));
        memory.Slice(resultPointer, FileStat.ByteSize);
        // A final symlink to follow has been expanded by the resolver, so the host never follows one itself.
        HostFileSystem.Stat(resolved.HostPath, followSymlinks: false).WriteTo(memory, resultPointer);
    }

    public static void FilestatSetTimes(WasiContext context, GuestMemory memory, int fd, uint lookupFlags, uint path, uint pathLength,
        ulong accessTime, ulong modificationTime, uint flags)
    {
        var (_, resolved) = Resolve(context, memory, fd, Rights.PathFilestatSetTimes, path, pathLength, Follows(lookupFlags));
        var (access, modification) = FdCalls.DecodeTimes(accessTime, modificationTime, flags);
        if (resolved.Type is null) WasiError.Throw(Errno.NoEntry);
        HostFileSystem.SetTimes(resolved.HostPath, followSymlinks: false, access, modification);
    }

    public static void Link(WasiContext context, GuestMemory memory, int oldFd, uint oldLookupFlags, uint oldPath, uint oldPathLength,
        int newFd, uint newPath, uint newPathLength)
    {
        var (_, source) = Resolve(context, memory, oldFd, Rights.PathLinkSource, oldPath, oldPathLength, Follows(oldLookupFlags));
        var (_, target) = Resolve(context, memory, newFd, Rights.PathLinkTarget, newPath, newPathLength, false);
        var sourceType = source.Type ?? WasiError.Throw<FileType>(Errno.NoEntry);
        if (sourceType == FileType.Directory) WasiError.Throw(Errno.NotPermitted);
        target.RequireName(Errno.Exists);
        if (target.Type is not null) WasiError.Throw(Errno.Exists);
        HostFileSystem.Link(source.HostPath, target.HostPath);
    }

    public static void Readlink(WasiContext context, GuestMemory memory, int fd, uint path, uint pathLength, uint buffer, uint bufferLength, uint resultPointer)
    {
        var (_, resolved) = Resolve(context, memory, fd, Rights.PathReadlink, path, pathLength, false);
        var type = resolved.Type ?? WasiError.Throw<FileType>(Errno.NoEntry);
        if (type != FileType.SymbolicLink) WasiError.Throw(Errno.Invalid);
        var target = System.Text.Encoding.UTF8.GetBytes(HostFileSystem.ReadLink(resolved.HostPath)!);
        var output = memory.Slice(buffer, bufferLength);
        memory.Slice(resultPointer, 4);
        // Like POSIX readlink, a short buffer gets the beginning of the target.
        int count = Math.Min(target.Length, output.Length);
        target.AsSpan(0, count).CopyTo(output);
        memory.WriteUInt32(resultPointer, (uint)count);
    }

    public static void RemoveDirectory(WasiContext context, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var (_, resolved) = Resolve(context, memory, fd, Rights.PathRemoveDirectory, path, pathLength, false);
        resolved.RequireName(Errno.Invalid);
        var type = resolved.Type ?? WasiError.Throw<FileType>(Errno.NoEntry);
        if (type != FileType.Directory) WasiError.Throw(Errno.NotDirectory);
        if (Directory.EnumerateFileSystemEntries(resolved.HostPath).Any()) WasiError.Throw(Errno.NotEmpty);
        Directory.Delete(resolved.HostPath, recursive: false);
    }

    public static void Rename(WasiContext context, GuestMemory memory, int oldFd, uint oldPath, uint oldPathLength,
        int newFd, uint newPath, uint newPathLength)
    {
        var (_, source) = Resolve(context, memory, oldFd, Rights.PathRenameSource, oldPath, oldPathLength, false);
        var (_, target) = Resolve(context, memory, newFd, Rights.PathRenameTarget, newPath, newPathLength, false);
        source.RequireName(Errno.Busy);
        target.RequireName(Errno.Busy);
        if (source.Type is null) WasiError.Throw(Errno.NoEntry);
        HostFileSystem.Rename(source.HostPath, target.HostPath);
    }

    /// <summary>
    /// Creates a symlink holding <paramref name="targetPath"/>. Resolution never follows a link out of its preopen, but
    /// links are also seen by host programs, so a target that is absolute or climbs above the preopen is refused.
    /// </summary>
    public static void Symlink(WasiContext context, GuestMemory memory, uint targetPath, uint targetPathLength, int fd, uint newPath, uint newPathLength)
    {
        string target = memory.ReadString(targetPath, targetPathLength);
        var (_, link) = Resolve(context, memory, fd, Rights.PathSymlink, newPath, newPathLength, false);
        if (target.Length == 0) WasiError.Throw(Errno.NoEntry);
        if (target[0] == '/' || Path.IsPathRooted(target) || target.Contains('\0')) WasiError.Throw(Errno.NotCapable);
        int depth = link.Parent.Length;
        foreach (var component in target.Split('/'))
        {
            if (component == "..") depth--;
            else if (component is not ("" or ".")) depth++;
            if (depth < 0) WasiError.Throw(Errno.NotCapable);
        }
        link.RequireName(Errno.Exists);
        if (link.Type is not null) WasiError.Throw(Errno.Exists);
        File.CreateSymbolicLink(link.HostPath, target);
    }

    public static void UnlinkFile(WasiContext context, GuestMemory memory, int fd, uint path, uint pathLength)
    {
        var (_, resolved) = Resolve(context, memory, fd, Rights.PathUnlinkFile, path, pathLength, false);
        resolved.RequireName(Errno.IsDirectory);
        var type = resolved.Type ?? WasiError.Throw<FileType>(Errno.NoEntry);
        if (type == FileType.Directory) WasiError.Throw(Errno.IsDirectory);
        File.Delete(resolved.HostPath);
    }
}
