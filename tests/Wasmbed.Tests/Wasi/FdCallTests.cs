using System.Text;
using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>The descriptor table and the fd_* calls: numbering, renumber, seek, pread/pwrite, stat, sizes, flags.</summary>
public sealed class FdCallTests
{
    private const uint Create = 1, Directory_ = 2, Exclusive = 4, Truncate = 8;

    [Fact]
    public void Descriptors_take_the_lowest_free_number()
    {
        using var wasi = new WasiHarness();
        int a = wasi.Open("a", oflags: Create).Fd, b = wasi.Open("b", oflags: Create).Fd, c = wasi.Open("c", oflags: Create).Fd;
        Assert.Equal([4, 5, 6], new[] { a, b, c });
        Assert.Equal(Errno.Success, wasi.Call("fd_close", b));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_close", b));
        Assert.Equal(5, wasi.Open("d", oflags: Create).Fd);
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_close", 99));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_close", -1));
    }

    [Fact]
    public void Renumber_moves_a_descriptor_and_closes_the_target()
    {
        using var wasi = new WasiHarness();
        int a = wasi.Open("a", oflags: Create).Fd;
        int b = wasi.Open("b", oflags: Create).Fd;
        Assert.Equal(Errno.Success, wasi.Call("fd_renumber", a, b));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Write(a, "x").Errno);
        Assert.Equal(Errno.Success, wasi.Write(b, "into a").Errno);
        Assert.Equal("into a", File.ReadAllText(Path.Combine(wasi.Sandbox, "a")));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_renumber", b, 42));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_renumber", 42, b));
        // Renumbering over stdout redirects the guest's output into the file.
        Assert.Equal(Errno.Success, wasi.Call("fd_renumber", b, 1));
        Assert.Equal(Errno.Success, wasi.Write(1, "!").Errno);
        Assert.Equal("into a!", File.ReadAllText(Path.Combine(wasi.Sandbox, "a")));
    }

    [Fact]
    public void Seek_tell_pread_pwrite_follow_posix()
    {
        using var wasi = new WasiHarness();
        int fd = wasi.Open("f", oflags: Create).Fd;
        wasi.Write(fd, "0123456789");
        uint position = wasi.Allocate(8);
        Assert.Equal(Errno.Success, wasi.Call("fd_seek", fd, -3, 2, position));
        Assert.Equal(7UL, wasi.ReadU64(position));
        Assert.Equal("789", wasi.Read(fd).Text);
        Assert.Equal(Errno.Success, wasi.Call("fd_tell", fd, position));
        Assert.Equal(10UL, wasi.ReadU64(position));
        Assert.Equal(Errno.Invalid, wasi.Call("fd_seek", fd, -11, 1, position));
        Assert.Equal(Errno.Invalid, wasi.Call("fd_seek", fd, 0, 3, position));
        Assert.Equal(Errno.Success, wasi.Call("fd_seek", fd, 20, 0, position));
        Assert.Equal("", wasi.Read(fd).Text);

        var (data, length) = wasi.Put("AB");
        uint count = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("fd_pwrite", fd, wasi.IoVector(data, length), 1, 2, count));
        Assert.Equal(2U, wasi.ReadU32(count));
        uint buffer = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("fd_pread", fd, wasi.IoVector(buffer, 4), 1, 1, count));
        Assert.Equal("1AB4", wasi.ReadString(buffer, wasi.ReadU32(count)));
        Assert.Equal(Errno.Success, wasi.Call("fd_tell", fd, position));
        Assert.Equal(20UL, wasi.ReadU64(position));
    }

    [Fact]
    public void Gather_write_and_scatter_read_use_every_buffer()
    {
        using var wasi = new WasiHarness();
        int fd = wasi.Open("f", oflags: Create).Fd;
        var (one, oneLength) = wasi.Put("Hello, ");
        var (two, twoLength) = wasi.Put("world");
        uint vectors = wasi.Allocate(16);
        wasi.WriteU32(vectors, one);
        wasi.WriteU32(vectors + 4, oneLength);
        wasi.WriteU32(vectors + 8, two);
        wasi.WriteU32(vectors + 12, twoLength);
        uint count = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("fd_write", fd, vectors, 2, count));
        Assert.Equal(12U, wasi.ReadU32(count));
        uint position = wasi.Allocate(8);
        wasi.Call("fd_seek", fd, 0, 0, position);
        uint first = wasi.Allocate(5), second = wasi.Allocate(16);
        uint readVectors = wasi.Allocate(16);
        wasi.WriteU32(readVectors, first);
        wasi.WriteU32(readVectors + 4, 5);
        wasi.WriteU32(readVectors + 8, second);
        wasi.WriteU32(readVectors + 12, 16);
        Assert.Equal(Errno.Success, wasi.Call("fd_read", fd, readVectors, 2, count));
        Assert.Equal(12U, wasi.ReadU32(count));
        Assert.Equal("Hello", wasi.ReadString(first, 5));
        Assert.Equal(", world", wasi.ReadString(second, 7));
    }

    [Fact]
    public void Append_flag_writes_at_the_end_and_can_be_set_later()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "log"), "start;");
        int fd = wasi.Open("log", fdflags: 1).Fd;
        uint stat = wasi.Allocate(24);
        wasi.Call("fd_fdstat_get", fd, stat);
        Assert.Equal(1, wasi.ReadU16(stat + 2));
        wasi.Write(fd, "one;");
        Assert.Equal(Errno.Success, wasi.Call("fd_fdstat_set_flags", fd, 0));
        uint position = wasi.Allocate(8);
        wasi.Call("fd_seek", fd, 0, 0, position);
        wasi.Write(fd, "S");
        Assert.Equal(Errno.Success, wasi.Call("fd_fdstat_set_flags", fd, 1));
        wasi.Write(fd, "two;");
        Assert.Equal(Errno.Invalid, wasi.Call("fd_fdstat_set_flags", fd, 0x100));
        Assert.Equal("Start;one;two;", File.ReadAllText(Path.Combine(wasi.Sandbox, "log")));
    }

    [Fact]
    public void Filestat_size_times_and_allocate()
    {
        using var wasi = new WasiHarness();
        int fd = wasi.Open("f", oflags: Create).Fd;
        wasi.Write(fd, "abcdef");
        uint stat = wasi.Allocate(64);
        Assert.Equal(Errno.Success, wasi.Call("fd_filestat_get", fd, stat));
        Assert.Equal((byte)FileType.RegularFile, wasi.Memory[stat + 16]);
        Assert.Equal(6UL, wasi.ReadU64(stat + 32));
        Assert.Equal(Errno.Success, wasi.Call("fd_filestat_set_size", fd, 3));
        Assert.Equal("abc", File.ReadAllText(Path.Combine(wasi.Sandbox, "f")));
        Assert.Equal(Errno.Success, wasi.Call("fd_allocate", fd, 2, 8));
        Assert.Equal(10, new FileInfo(Path.Combine(wasi.Sandbox, "f")).Length);
        const long mtime = 1_600_000_000_123_456_700;
        Assert.Equal(Errno.Success, wasi.Call("fd_filestat_set_times", fd, 0, mtime, 4));
        wasi.Call("fd_filestat_get", fd, stat);
        Assert.Equal((ulong)mtime, wasi.ReadU64(stat + 48));
        Assert.Equal(Errno.Invalid, wasi.Call("fd_filestat_set_times", fd, 0, mtime, 4 | 8));
        Assert.Equal(Errno.Invalid, wasi.Call("fd_advise", fd, 0, 0, 6));
        Assert.Equal(Errno.Success, wasi.Call("fd_advise", fd, 0, 0, 2));
        Assert.Equal(Errno.Success, wasi.Call("fd_sync", fd));
        Assert.Equal(Errno.Success, wasi.Call("fd_datasync", fd));
    }

    [Fact]
    public void Path_open_flags()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "f"), "content");
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "d"));
        Assert.Equal(Errno.NoEntry, wasi.Open("missing").Errno);
        Assert.Equal(Errno.Exists, wasi.Open("f", oflags: Create | Exclusive).Errno);
        Assert.Equal(Errno.NotDirectory, wasi.Open("f", oflags: Directory_).Errno);
        Assert.Equal(Errno.NotDirectory, wasi.Open("f/").Errno);
        Assert.Equal(Errno.IsDirectory, wasi.Open("d", oflags: Truncate).Errno);
        Assert.Equal(Errno.Invalid, wasi.Open("f", oflags: 0x10).Errno);
        Assert.Equal(Errno.Invalid, wasi.Open("f", fdflags: 0x20).Errno);
        Assert.Equal(Errno.NoEntry, wasi.Open("").Errno);
        var (errno, fd) = wasi.Open("f", oflags: Truncate);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal("", File.ReadAllText(Path.Combine(wasi.Sandbox, "f")));
        var dir = wasi.Open("d/", oflags: Directory_, rights: Rights.PathOpen | Rights.FdReaddir | Rights.PathCreateFile);
        Assert.Equal(Errno.Success, dir.Errno);
        Assert.Equal(Errno.Success, wasi.Open("inner", dir.Fd, oflags: Create, rights: Rights.FdWrite).Errno);
        Assert.True(File.Exists(Path.Combine(wasi.Sandbox, "d", "inner")));
        uint stat = wasi.Allocate(24);
        wasi.Call("fd_fdstat_get", dir.Fd, stat);
        Assert.Equal((byte)FileType.Directory, wasi.Memory[stat]);
        Assert.Equal((ulong)(Rights.PathOpen | Rights.FdReaddir | Rights.PathCreateFile), wasi.ReadU64(stat + 8));
        Assert.Equal(Errno.IsDirectory, wasi.Read(dir.Fd).Errno);
        _ = fd;
    }

    [Fact]
    public void Prestat_describes_only_preopens()
    {
        using var wasi = new WasiHarness();
        uint prestat = wasi.Allocate(8);
        Assert.Equal(Errno.Success, wasi.Call("fd_prestat_get", 3, prestat));
        Assert.Equal(0, wasi.Memory[prestat]);
        Assert.Equal(8U, wasi.ReadU32(prestat + 4));
        uint name = wasi.Allocate(8);
        Assert.Equal(Errno.Success, wasi.Call("fd_prestat_dir_name", 3, name, 8));
        Assert.Equal("/sandbox", wasi.ReadString(name, 8));
        Assert.Equal(Errno.NameTooLong, wasi.Call("fd_prestat_dir_name", 3, name, 7));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_prestat_get", 4, prestat));
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_prestat_get", 1, prestat));
        int sub = wasi.Open(".", oflags: Directory_, rights: Rights.PathOpen).Fd;
        Assert.Equal(Errno.BadFileDescriptor, wasi.Call("fd_prestat_get", sub, prestat));
    }

    [Fact]
    public void Stdin_reads_and_stdout_writes_the_configured_streams()
    {
        using var wasi = new WasiHarness();
        wasi.Stdin.Write(Encoding.UTF8.GetBytes("typed input"));
        wasi.Stdin.Position = 0;
        Assert.Equal("typed", wasi.Read(0, 5).Text);
        Assert.Equal(" input", wasi.Read(0, 100).Text);
        Assert.Equal("", wasi.Read(0, 100).Text);
        Assert.Equal((Errno.Success, 6U), wasi.Write(1, "out\u00e9!"));
        Assert.Equal("out\u00e9!", Encoding.UTF8.GetString(wasi.Stdout.ToArray()));
    }
}
