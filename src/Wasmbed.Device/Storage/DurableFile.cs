using System.Runtime.InteropServices;

namespace Wasmbed.Device.Storage;

/// <summary>
/// Crash-safe file replacement: write a temporary file beside the target, flush it to the disk
/// (<see cref="FileStream.Flush(bool)"/> with true is fsync), rename it over the target (atomic on POSIX
/// file systems), then fsync the directory so the rename itself survives a power cut. A reader sees the
/// old file or the new one, never a mix.
/// </summary>
public static partial class DurableFile
{
    /// <summary>Suffix of temporary files; <see cref="DeleteLeftovers"/> removes those a crash left behind.</summary>
    public const string TemporarySuffix = ".tmp";

    /// <summary>Replaces <paramref name="path"/> with <paramref name="contents"/> atomically and durably.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> contents)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        var temporary = path + "." + Environment.ProcessId + TemporarySuffix;
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(contents);
            stream.Flush(flushToDisk: true);
        }
        CrashPoints.Reached("file-written");
        File.Move(temporary, path, overwrite: true);
        CrashPoints.Reached("file-renamed");
        SyncDirectory(directory);
    }

    /// <summary>Deletes the temporary files an interrupted <see cref="WriteAllBytes"/> left in <paramref name="directory"/>.</summary>
    public static void DeleteLeftovers(string directory)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, "*" + TemporarySuffix)) File.Delete(file);
    }

    /// <summary>
    /// Makes a directory's entries (creations, renames, deletions) durable. POSIX needs an fsync of the
    /// directory itself; on Windows renames are durable once they return, so this does nothing there.
    /// </summary>
    public static void SyncDirectory(string directory)
    {
        if (OperatingSystem.IsWindows()) return;
        int fd = Posix.Open(directory, Posix.ReadOnly | Posix.Directory);
        if (fd < 0) return; // best effort: some file systems refuse to open directories
        try
        {
            Posix.Fsync(fd);
        }
        finally
        {
            Posix.Close(fd);
        }
    }

    private static partial class Posix
    {
        public const int ReadOnly = 0;
        public static int Directory => OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 0x100000 : 0x10000; // O_DIRECTORY

        [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
        public static partial int Open(string path, int flags);

        [LibraryImport("libc", EntryPoint = "fsync")]
        public static partial int Fsync(int fd);

        [LibraryImport("libc", EntryPoint = "close")]
        public static partial int Close(int fd);
    }
}
