using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>Rights: read-only preopens, rights narrowing, and the rights each call needs.</summary>
public sealed class RightsTests
{
    private const uint Create = 1, Truncate = 8;
    private const Rights ReadRights = Rights.FdRead | Rights.FdSeek | Rights.FdTell | Rights.FdFilestatGet;

    [Fact]
    public void A_read_only_preopen_allows_reading_and_nothing_else()
    {
        var root = Directory.CreateTempSubdirectory("wasmbed-ro-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "file.txt"), "content");
            Directory.CreateDirectory(Path.Combine(root, "dir"));
            using var wasi = new WasiHarness(c => c.WithPreopenedDirectory(root, "/ro", readOnly: true));
            const int ro = 4;

            var (errno, fd) = wasi.Open("file.txt", ro, rights: ReadRights | Rights.FdWrite);
            Assert.Equal(Errno.Success, errno);
            Assert.Equal("content", wasi.Read(fd).Text);
            Assert.Equal(Errno.NotCapable, wasi.Write(fd, "x").Errno);
            Assert.Equal(Errno.NotCapable, wasi.Call("fd_filestat_set_size", fd, 0));
            Assert.Equal(Errno.NotCapable, wasi.Open("new.txt", ro, oflags: Create).Errno);
            Assert.Equal(Errno.NotCapable, wasi.Open("file.txt", ro, oflags: Truncate).Errno);
            Assert.Equal(Errno.NotCapable, wasi.PathCall("path_create_directory", "new", ro));
            Assert.Equal(Errno.NotCapable, wasi.PathCall("path_remove_directory", "dir", ro));
            Assert.Equal(Errno.NotCapable, wasi.PathCall("path_unlink_file", "file.txt", ro));
            var (from, fromLength) = wasi.Put("file.txt");
            var (to, toLength) = wasi.Put("renamed.txt");
            Assert.Equal(Errno.NotCapable, wasi.Call("path_rename", ro, from, fromLength, ro, to, toLength));
            Assert.Equal(Errno.NotCapable, wasi.Call("path_symlink", from, fromLength, ro, to, toLength));
            Assert.Equal(Errno.NotCapable, wasi.Call("path_link", ro, 0, from, fromLength, ro, to, toLength));
            Assert.Equal(Errno.NotCapable, wasi.Call("path_filestat_set_times", ro, 0, from, fromLength, 0, 0, 2));

            // A directory opened below inherits the read-only rights.
            var (dirErrno, dirFd) = wasi.Open("dir", ro, oflags: 2);
            Assert.Equal(Errno.Success, dirErrno);
            Assert.Equal(Errno.NotCapable, wasi.Open("x.txt", dirFd, oflags: Create).Errno);

            Assert.Equal("content", File.ReadAllText(Path.Combine(root, "file.txt")));
            Assert.Equal(["dir", "file.txt"], Directory.GetFileSystemEntries(root).Select(Path.GetFileName).Order());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Opened_files_get_only_the_requested_rights()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "f.txt"), "data");
        var (_, fd) = wasi.Open("f.txt", rights: ReadRights);
        Assert.Equal(Errno.NotCapable, wasi.Write(fd, "x").Errno);
        uint stat = wasi.Allocate(24);
        Assert.Equal(Errno.Success, wasi.Call("fd_fdstat_get", fd, stat));
        Assert.Equal((byte)FileType.RegularFile, wasi.Memory[stat]);
        Assert.Equal((ulong)ReadRights, wasi.ReadU64(stat + 8));
        Assert.Equal("data", File.ReadAllText(Path.Combine(wasi.Sandbox, "f.txt")));
    }

    [Fact]
    public void Rights_can_be_dropped_but_not_regained()
    {
        using var wasi = new WasiHarness();
        var (_, fd) = wasi.Open("f.txt", oflags: Create, rights: ReadRights | Rights.FdWrite);
        Assert.Equal(Errno.Success, wasi.Write(fd, "a").Errno);
        Assert.Equal(Errno.Success, wasi.Call("fd_fdstat_set_rights", fd, (long)ReadRights, 0));
        Assert.Equal(Errno.NotCapable, wasi.Write(fd, "b").Errno);
        Assert.Equal(Errno.NotCapable, wasi.Call("fd_fdstat_set_rights", fd, (long)(ReadRights | Rights.FdWrite), 0));
        // Dropping path_open from the preopen closes the whole directory to the guest.
        Assert.Equal(Errno.Success, wasi.Call("fd_fdstat_set_rights", WasiHarness.SandboxFd, (long)Rights.FdReaddir, 0));
        Assert.Equal(Errno.NotCapable, wasi.Open("f.txt").Errno);
    }

    [Fact]
    public void Stdio_is_not_seekable_and_stdin_not_writable()
    {
        using var wasi = new WasiHarness();
        uint result = wasi.Allocate(8);
        Assert.Equal(Errno.NotCapable, wasi.Call("fd_seek", 1, 5, 0, result));
        Assert.Equal(Errno.NotCapable, wasi.Write(0, "x").Errno);
        Assert.Equal(Errno.NotCapable, wasi.Read(1).Errno);
        uint stat = wasi.Allocate(24);
        Assert.Equal(Errno.Success, wasi.Call("fd_fdstat_get", 1, stat));
        Assert.Equal((byte)FileType.CharacterDevice, wasi.Memory[stat]);
    }

    [Fact]
    public void Path_calls_on_a_file_descriptor_are_enotdir()
    {
        using var wasi = new WasiHarness();
        var (_, fd) = wasi.Open("f.txt", oflags: Create);
        Assert.Equal(Errno.NotDirectory, wasi.Open("x", fd).Errno);
        Assert.Equal(Errno.NotDirectory, wasi.PathCall("path_create_directory", "x", fd));
        uint buffer = wasi.Allocate(64);
        Assert.Equal(Errno.NotDirectory, wasi.Call("fd_readdir", fd, buffer, 64, 0, wasi.Allocate(4)));
    }
}
