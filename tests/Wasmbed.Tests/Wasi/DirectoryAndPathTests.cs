using System.Text;
using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>fd_readdir's exact layout and cookies, and the path_* calls' results and errors.</summary>
public sealed class DirectoryAndPathTests
{
    private const uint Create = 1;

    private sealed record Dirent(ulong Next, ulong Inode, string Name, FileType Type);

    /// <summary>Decodes whole dirent records (24-byte header: d_next, d_ino, d_namlen, d_type; then the name).</summary>
    private static List<Dirent> Decode(WasiHarness wasi, uint buffer, uint used)
    {
        var entries = new List<Dirent>();
        uint at = buffer;
        while (at + 24 <= buffer + used)
        {
            uint nameLength = wasi.ReadU32(at + 16);
            if (at + 24 + nameLength > buffer + used) break;
            entries.Add(new Dirent(wasi.ReadU64(at), wasi.ReadU64(at + 8), wasi.ReadString(at + 24, nameLength), (FileType)wasi.Memory[at + 20]));
            Assert.Equal(0, wasi.Memory[at + 21] | wasi.Memory[at + 22] | wasi.Memory[at + 23]);
            at += 24 + nameLength;
        }
        return entries;
    }

    [Fact]
    public void Readdir_lists_dot_entries_then_names_with_types_and_inodes()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "file.txt"), "x");
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "dir"));
        File.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "link"), "file.txt");
        uint buffer = wasi.Allocate(1024), used = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("fd_readdir", 3, buffer, 1024, 0, used));
        var entries = Decode(wasi, buffer, wasi.ReadU32(used));
        Assert.Equal([".", "..", "dir", "file.txt", "link"], entries.Select(e => e.Name));
        Assert.Equal([FileType.Directory, FileType.Directory, FileType.Directory, FileType.RegularFile, FileType.SymbolicLink], entries.Select(e => e.Type));
        Assert.Equal([1UL, 2, 3, 4, 5], entries.Select(e => e.Next));
        Assert.All(entries, e => Assert.NotEqual(0UL, e.Inode));
        Assert.Equal(24 * 5 + 1 + 2 + 3 + 8 + 4, (int)wasi.ReadU32(used));

        // The inode agrees with path_filestat_get.
        var (name, nameLength) = wasi.Put("file.txt");
        uint stat = wasi.Allocate(64);
        wasi.Call("path_filestat_get", 3, 0, name, nameLength, stat);
        Assert.Equal(entries[3].Inode, wasi.ReadU64(stat + 8));
    }

    [Fact]
    public void Readdir_continues_from_a_cookie_and_fills_small_buffers_exactly()
    {
        using var wasi = new WasiHarness();
        for (int i = 0; i < 50; i++) File.WriteAllText(Path.Combine(wasi.Sandbox, $"entry-{i:D2}"), "");
        uint buffer = wasi.Allocate(100), used = wasi.Allocate(4);
        var names = new List<string>();
        ulong cookie = 0;
        int calls = 0;
        while (true)
        {
            Assert.Equal(Errno.Success, wasi.Call("fd_readdir", 3, buffer, 100, (long)cookie, used));
            uint count = wasi.ReadU32(used);
            var entries = Decode(wasi, buffer, count);
            calls++;
            if (entries.Count == 0)
            {
                // A buffer too small for one entry comes back full; the guest must use a bigger one.
                Assert.True(count < 100 || calls > 200);
                break;
            }
            names.AddRange(entries.Select(e => e.Name));
            cookie = entries[^1].Next;
            if (count < 100) break;
            Assert.Equal(100U, count);
        }
        Assert.Equal(52, names.Count);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"entry-{i:D2}"), names.Skip(2));
        Assert.Equal(Errno.Success, wasi.Call("fd_readdir", 3, buffer, 100, 52, used));
        Assert.Equal(0U, wasi.ReadU32(used));
        Assert.Equal(Errno.Success, wasi.Call("fd_readdir", 3, buffer, 0, 0, used));
        Assert.Equal(0U, wasi.ReadU32(used));
    }

    [Fact]
    public void Directory_calls_and_their_errors()
    {
        using var wasi = new WasiHarness();
        Assert.Equal(Errno.Success, wasi.PathCall("path_create_directory", "a"));
        Assert.Equal(Errno.Exists, wasi.PathCall("path_create_directory", "a"));
        Assert.Equal(Errno.Exists, wasi.PathCall("path_create_directory", "."));
        Assert.Equal(Errno.Success, wasi.PathCall("path_create_directory", "a/b/"));
        Assert.Equal(Errno.NoEntry, wasi.PathCall("path_create_directory", "missing/b"));
        Assert.Equal(Errno.NotEmpty, wasi.PathCall("path_remove_directory", "a"));
        Assert.Equal(Errno.Invalid, wasi.PathCall("path_remove_directory", "."));
        wasi.Open("a/file", oflags: Create);
        Assert.Equal(Errno.NotDirectory, wasi.PathCall("path_remove_directory", "a/file"));
        Assert.Equal(Errno.NotDirectory, wasi.PathCall("path_create_directory", "a/file/x"));
        Assert.Equal(Errno.IsDirectory, wasi.PathCall("path_unlink_file", "a/b"));
        Assert.Equal(Errno.NotDirectory, wasi.PathCall("path_unlink_file", "a/file/"));
        Assert.Equal(Errno.Success, wasi.PathCall("path_unlink_file", "a/file"));
        Assert.Equal(Errno.NoEntry, wasi.PathCall("path_unlink_file", "a/file"));
        Assert.Equal(Errno.Success, wasi.PathCall("path_remove_directory", "a/b"));
        Assert.Equal(Errno.Success, wasi.PathCall("path_remove_directory", "a"));
        Assert.Empty(Directory.GetFileSystemEntries(wasi.Sandbox));
    }

    [Fact]
    public void Rename_follows_posix()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "one"), "1");
        File.WriteAllText(Path.Combine(wasi.Sandbox, "two"), "2");
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "empty"));
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "full"));
        File.WriteAllText(Path.Combine(wasi.Sandbox, "full", "x"), "");
        Assert.Equal(Errno.Success, Rename(wasi, "one", "two"));
        Assert.Equal("1", File.ReadAllText(Path.Combine(wasi.Sandbox, "two")));
        Assert.Equal(Errno.NoEntry, Rename(wasi, "one", "three"));
        Assert.Equal(Errno.IsDirectory, Rename(wasi, "two", "empty"));
        Assert.Equal(Errno.NotDirectory, Rename(wasi, "empty", "two"));
        Assert.Equal(Errno.NotEmpty, Rename(wasi, "empty", "full"));
        Assert.Equal(Errno.Success, Rename(wasi, "full", "empty"));
        Assert.True(File.Exists(Path.Combine(wasi.Sandbox, "empty", "x")));
        Assert.Equal(Errno.Invalid, Rename(wasi, "empty", "empty/inside"));
    }

    [Fact]
    public void Symlink_readlink_link_and_filestat()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "target"), "12345");
        var (target, targetLength) = wasi.Put("target");
        var (link, linkLength) = wasi.Put("link");
        Assert.Equal(Errno.Success, wasi.Call("path_symlink", target, targetLength, 3, link, linkLength));
        Assert.Equal(Errno.Exists, wasi.Call("path_symlink", target, targetLength, 3, link, linkLength));
        uint buffer = wasi.Allocate(16), used = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("path_readlink", 3, link, linkLength, buffer, 16, used));
        Assert.Equal("target", wasi.ReadString(buffer, wasi.ReadU32(used)));
        Assert.Equal(Errno.Success, wasi.Call("path_readlink", 3, link, linkLength, buffer, 3, used));
        Assert.Equal("tar", wasi.ReadString(buffer, wasi.ReadU32(used)));
        Assert.Equal(Errno.Invalid, wasi.Call("path_readlink", 3, target, targetLength, buffer, 16, used));

        uint stat = wasi.Allocate(64);
        Assert.Equal(Errno.Success, wasi.Call("path_filestat_get", 3, 0, link, linkLength, stat));
        Assert.Equal((byte)FileType.SymbolicLink, wasi.Memory[stat + 16]);
        Assert.Equal(Errno.Success, wasi.Call("path_filestat_get", 3, 1, link, linkLength, stat));
        Assert.Equal((byte)FileType.RegularFile, wasi.Memory[stat + 16]);
        Assert.Equal(5UL, wasi.ReadU64(stat + 32));

        var (hard, hardLength) = wasi.Put("hard");
        Assert.Equal(Errno.Success, wasi.Call("path_link", 3, 0, target, targetLength, 3, hard, hardLength));
        Assert.Equal(Errno.Exists, wasi.Call("path_link", 3, 0, target, targetLength, 3, hard, hardLength));
        wasi.Call("path_filestat_get", 3, 0, hard, hardLength, stat);
        if (OperatingSystem.IsLinux()) Assert.Equal(2UL, wasi.ReadU64(stat + 24));
        var (dot, dotLength) = wasi.Put(".");
        Assert.Equal(Errno.NotPermitted, wasi.Call("path_link", 3, 0, dot, dotLength, 3, hard, hardLength));

        const long time = 1_500_000_000_000_000_000;
        Assert.Equal(Errno.Success, wasi.Call("path_filestat_set_times", 3, 1, link, linkLength, time, time, 1 | 4));
        wasi.Call("path_filestat_get", 3, 0, target, targetLength, stat);
        Assert.Equal((ulong)time, wasi.ReadU64(stat + 40));
        Assert.Equal((ulong)time, wasi.ReadU64(stat + 48));
    }

    private static Errno Rename(WasiHarness wasi, string from, string to)
    {
        var (f, fl) = wasi.Put(from);
        var (t, tl) = wasi.Put(to);
        return wasi.Call("path_rename", 3, f, fl, 3, t, tl);
    }
}
