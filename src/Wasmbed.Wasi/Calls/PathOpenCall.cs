namespace Wasmbed.Wasi;

/// <summary><c>path_open</c>: opens or creates a file or directory below a directory descriptor.</summary>
internal static class PathOpenCall
{
    private const ushort KnownOFlags = 0xf;
    private const ushort KnownFdFlags = 0x1f;

    /// <summary>
    /// The new descriptor gets the requested rights that the directory's inheriting rights allow (and that make sense
    /// for what was opened); creating needs <c>path_create_file</c> and truncating <c>path_filestat_set_size</c> on the
    /// directory. Errors follow POSIX <c>openat</c>: EEXIST, ENOENT, ENOTDIR, EISDIR, ELOOP for a symlink not followed.
    /// </summary>
    public static void Open(WasiContext context, GuestMemory memory, int fd, uint lookupFlags, uint path, uint pathLength,
        uint openFlags, ulong rightsBase, ulong rightsInheriting, uint fdFlags, uint resultPointer)
    {
        if ((openFlags & ~(uint)KnownOFlags) != 0 || (fdFlags & ~(uint)KnownFdFlags) != 0) WasiError.Throw(Errno.Invalid);
        var oflags = (OFlags)openFlags;
        bool create = (oflags & OFlags.Create) != 0, truncate = (oflags & OFlags.Truncate) != 0;
        var needed = Rights.PathOpen | (create ? Rights.PathCreateFile : 0) | (truncate ? Rights.PathFilestatSetSize : 0);
        var (directory, resolved) = PathCalls.Resolve(context, memory, fd, needed, path, pathLength,
            (lookupFlags & (uint)LookupFlags.SymlinkFollow) != 0);
        memory.Slice(resultPointer, 4);

        var requestedBase = (Rights)rightsBase & directory.RightsInheriting;
        var requestedInheriting = (Rights)rightsInheriting & directory.RightsInheriting;
        var type = resolved.Type;
        Descriptor opened;
        if (type == FileType.SymbolicLink)
        {
            // The final symlink was not followed (no symlink_follow): O_NOFOLLOW semantics.
            WasiError.Throw(create && (oflags & OFlags.Exclusive) != 0 ? Errno.Exists : Errno.Loop);
        }
        if (type is null)
        {
            if (!create) WasiError.Throw(Errno.NoEntry);
            if ((oflags & OFlags.Directory) != 0) WasiError.Throw(Errno.Invalid);
            if (resolved.TrailingSlash) WasiError.Throw(Errno.IsDirectory);
            opened = OpenFile(resolved, FileMode.CreateNew, requestedBase, requestedInheriting, (FdFlags)fdFlags, truncate);
        }
        else
        {
            if (create && (oflags & OFlags.Exclusive) != 0) WasiError.Throw(Errno.Exists);
            if (type == FileType.Directory)
            {
                // Asking to write a directory is EISDIR as in POSIX, unless O_DIRECTORY says the rights are only a mask.
                bool wantsWrite = (requestedBase & Rights.FdWrite) != 0 && (oflags & OFlags.Directory) == 0;
                if (truncate || create || wantsWrite) WasiError.Throw(Errno.IsDirectory);
                opened = new DirectoryDescriptor(directory.Root, resolved.Components, isPreopen: false,
                    requestedBase & RightSets.Directory, requestedInheriting) { Flags = (FdFlags)fdFlags };
            }
            else
            {
                if ((oflags & OFlags.Directory) != 0) WasiError.Throw(Errno.NotDirectory);
                opened = OpenFile(resolved, FileMode.Open, requestedBase, requestedInheriting, (FdFlags)fdFlags, truncate);
            }
        }
        int newFd;
        try
        {
            newFd = context.Descriptors.Add(opened);
        }
        catch
        {
            opened.Dispose();
            throw;
        }
        memory.WriteUInt32(resultPointer, (uint)newFd);
    }

    private static RegularFileDescriptor OpenFile(ResolvedPath resolved, FileMode mode, Rights rightsBase, Rights rightsInheriting,
        FdFlags flags, bool truncate)
    {
        var fileRights = rightsBase & RightSets.RegularFile;
        bool write = (fileRights & RightSets.NeedsHostWriteAccess) != 0 || truncate || mode == FileMode.CreateNew;
        bool read = (fileRights & Rights.FdRead) != 0 || !write;
        var access = read && write ? FileAccess.ReadWrite : write ? FileAccess.Write : FileAccess.Read;
        var options = new FileStreamOptions
        {
            Mode = mode,
            Access = access,
            // POSIX lets others open, rename and unlink a file that is open.
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 0,
        };
        var stream = new FileStream(resolved.HostPath, options);
        try
        {
            if (truncate) stream.SetLength(0);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
        return new RegularFileDescriptor(stream, resolved.HostPath, fileRights, rightsInheriting & RightSets.RegularFile, flags);
    }
}
