using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>Every way a path could leave its preopen, tried directly on the host functions.</summary>
public sealed class SandboxEscapeTests
{
    private const uint Create = 1, Directory_ = 2, Exclusive = 4;

    [Theory]
    [InlineData("../outside/secret.txt")]
    [InlineData("./../outside/secret.txt")]
    [InlineData("sub/../../outside/secret.txt")]
    [InlineData("sub/./../sub/../../outside/secret.txt")]
    [InlineData("..")]
    [InlineData("../")]
    public void Dot_dot_above_the_preopen_is_not_capable(string path)
    {
        using var wasi = new WasiHarness();
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "sub"));
        Assert.Equal(Errno.NotCapable, wasi.Open(path).Errno);
    }

    [Fact]
    public void Dot_dot_inside_the_preopen_is_fine()
    {
        using var wasi = new WasiHarness();
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "sub"));
        File.WriteAllText(Path.Combine(wasi.Sandbox, "in.txt"), "in");
        var (errno, fd) = wasi.Open("sub/../sub/./../in.txt");
        Assert.Equal(Errno.Success, errno);
        Assert.Equal("in", wasi.Read(fd).Text);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("/")]
    [InlineData("//sandbox")]
    public void Absolute_paths_are_not_capable(string path)
    {
        using var wasi = new WasiHarness();
        Assert.Equal(Errno.NotCapable, wasi.Open(path).Errno);
        Assert.Equal(Errno.NotCapable, wasi.PathCall("path_create_directory", path + "/x"));
    }

    [Fact]
    public void Host_symlinks_pointing_out_are_not_followed()
    {
        using var wasi = new WasiHarness();
        var secret = Path.Combine(wasi.Root, "outside", "secret.txt");
        File.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "relative"), "../outside/secret.txt");
        File.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "absolute"), secret);
        Directory.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "dir"), "../outside");
        Directory.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "absolute_dir"), Path.Combine(wasi.Root, "outside"));
        Assert.Equal(Errno.NotCapable, wasi.Open("relative").Errno);
        Assert.Equal(Errno.NotCapable, wasi.Open("absolute").Errno);
        Assert.Equal(Errno.NotCapable, wasi.Open("dir/secret.txt").Errno);
        Assert.Equal(Errno.NotCapable, wasi.Open("absolute_dir/secret.txt").Errno);
        Assert.Equal(Errno.NotCapable, wasi.PathCall("path_unlink_file", "dir/secret.txt"));
        Assert.Equal(Errno.NotCapable, wasi.PathCall("path_create_directory", "dir/new"));
        Assert.True(File.Exists(secret));
        Assert.False(Directory.Exists(Path.Combine(wasi.Root, "outside", "new")));
    }

    [Fact]
    public void Opening_a_symlink_without_follow_is_eloop_and_its_target_is_not_touched()
    {
        using var wasi = new WasiHarness();
        File.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "relative"), "../outside/secret.txt");
        Assert.Equal(Errno.Loop, wasi.Open("relative", lookupFlags: 0).Errno);
        // Removing the link removes the link, never what it points to.
        Assert.Equal(Errno.Success, wasi.PathCall("path_unlink_file", "relative"));
        Assert.True(File.Exists(Path.Combine(wasi.Root, "outside", "secret.txt")));
    }

    [Fact]
    public void Symlinks_created_by_the_guest_cannot_point_out()
    {
        using var wasi = new WasiHarness();
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "sub"));
        Assert.Equal(Errno.NotCapable, Symlink(wasi, "../outside", "out"));
        Assert.Equal(Errno.NotCapable, Symlink(wasi, "/etc", "etc"));
        Assert.Equal(Errno.NotCapable, Symlink(wasi, "../../outside", "sub/out"));
        Assert.Equal(Errno.NotCapable, Symlink(wasi, "a/../../outside", "out2"));
        // Inside the preopen is allowed, and following it stays inside.
        Assert.Equal(Errno.Success, Symlink(wasi, "..", "sub/up"));
        Assert.Equal(Errno.Success, Symlink(wasi, "sub", "down"));
        Assert.Equal(Errno.NotCapable, wasi.Open("sub/up/../outside/secret.txt").Errno);
        Assert.Equal(Errno.NotCapable, wasi.Open("down/up/down/up/..").Errno);
        File.WriteAllText(Path.Combine(wasi.Sandbox, "sub", "f.txt"), "f");
        Assert.Equal("f", wasi.Read(wasi.Open("down/up/down/f.txt").Fd).Text);
    }

    [Fact]
    public void A_symlink_swapped_in_by_the_host_after_creation_is_still_refused()
    {
        using var wasi = new WasiHarness();
        Assert.Equal(Errno.Success, Symlink(wasi, "inside", "link"));
        File.Delete(Path.Combine(wasi.Sandbox, "link"));
        File.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "link"), "../outside/secret.txt");
        Assert.Equal(Errno.NotCapable, wasi.Open("link").Errno);
    }

    [Fact]
    public void Symlink_loops_are_eloop()
    {
        using var wasi = new WasiHarness();
        Assert.Equal(Errno.Success, Symlink(wasi, "b", "a"));
        Assert.Equal(Errno.Success, Symlink(wasi, "a", "b"));
        Assert.Equal(Errno.Loop, wasi.Open("a").Errno);
        Assert.Equal(Errno.Loop, wasi.Open("a/x").Errno);
    }

    [Fact]
    public void Creating_through_a_symlink_out_is_refused()
    {
        using var wasi = new WasiHarness();
        File.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "dangling"), "../outside/created.txt");
        Assert.Equal(Errno.NotCapable, wasi.Open("dangling", oflags: Create).Errno);
        Assert.False(File.Exists(Path.Combine(wasi.Root, "outside", "created.txt")));
        // Without following, O_CREAT|O_EXCL on the link itself is EEXIST, as in POSIX.
        Assert.Equal(Errno.Exists, wasi.Open("dangling", oflags: Create | Exclusive, lookupFlags: 0).Errno);
    }

    [Fact]
    public void Rename_and_link_cannot_move_things_out()
    {
        using var wasi = new WasiHarness();
        File.WriteAllText(Path.Combine(wasi.Sandbox, "in.txt"), "in");
        var (from, fromLength) = wasi.Put("in.txt");
        var (to, toLength) = wasi.Put("../outside/moved.txt");
        Assert.Equal(Errno.NotCapable, wasi.Call("path_rename", WasiHarness.SandboxFd, from, fromLength, WasiHarness.SandboxFd, to, toLength));
        Assert.Equal(Errno.NotCapable, wasi.Call("path_link", WasiHarness.SandboxFd, 0, from, fromLength, WasiHarness.SandboxFd, to, toLength));
        var (secret, secretLength) = wasi.Put("../outside/secret.txt");
        var (here, hereLength) = wasi.Put("stolen.txt");
        Assert.Equal(Errno.NotCapable, wasi.Call("path_rename", WasiHarness.SandboxFd, secret, secretLength, WasiHarness.SandboxFd, here, hereLength));
        Assert.Equal(Errno.NotCapable, wasi.Call("path_link", WasiHarness.SandboxFd, 0, secret, secretLength, WasiHarness.SandboxFd, here, hereLength));
        Assert.False(File.Exists(Path.Combine(wasi.Root, "outside", "moved.txt")));
        Assert.False(File.Exists(Path.Combine(wasi.Sandbox, "stolen.txt")));
    }

    [Fact]
    public void A_directory_opened_inside_cannot_climb_past_the_preopen_either()
    {
        using var wasi = new WasiHarness();
        Directory.CreateDirectory(Path.Combine(wasi.Sandbox, "sub"));
        var (errno, subFd) = wasi.Open("sub", oflags: Directory_);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal(Errno.Success, wasi.Open("..", subFd, oflags: Directory_).Errno);
        Assert.Equal(Errno.NotCapable, wasi.Open("../../outside/secret.txt", subFd).Errno);
        Assert.Equal(Errno.NotCapable, wasi.Open("../..", subFd).Errno);
    }

    [Fact]
    public void Regression_OpenDirectoryReplacedBySymlinkCannotEscape()
    {
        // The guest opens sub/, removes it, and puts a symlink named sub in its place that leads (through a link the
        // host made) out of the preopen. The open descriptor must not now reach the outside.
        using var wasi = new WasiHarness();
        Directory.CreateSymbolicLink(Path.Combine(wasi.Sandbox, "host_link"), "../outside");
        Assert.Equal(Errno.Success, wasi.PathCall("path_create_directory", "sub"));
        var (errno, subFd) = wasi.Open("sub", oflags: Directory_, rights: Rights.PathOpen | Rights.FdReaddir | Rights.FdFilestatGet | Rights.PathCreateFile);
        Assert.Equal(Errno.Success, errno);
        Assert.Equal(Errno.Success, wasi.PathCall("path_remove_directory", "sub"));
        Assert.Equal(Errno.Success, Symlink(wasi, "host_link", "sub"));

        Assert.Equal(Errno.NoEntry, wasi.Open("secret.txt", subFd).Errno);
        Assert.Equal(Errno.NoEntry, wasi.Open("new.txt", subFd, oflags: 1).Errno);
        uint buffer = wasi.Allocate(256), used = wasi.Allocate(4);
        Assert.Equal(Errno.NoEntry, wasi.Call("fd_readdir", subFd, buffer, 256, 0, used));
        Assert.Equal(Errno.NoEntry, wasi.Call("fd_filestat_get", subFd, wasi.Allocate(64)));
        Assert.False(File.Exists(Path.Combine(wasi.Root, "outside", "new.txt")));
    }

    [Fact]
    public void Other_path_calls_refuse_escapes()
    {
        using var wasi = new WasiHarness();
        foreach (var call in new[] { "path_create_directory", "path_remove_directory", "path_unlink_file" })
            Assert.Equal(Errno.NotCapable, wasi.PathCall(call, "../outside/secret.txt"));
        var (pointer, length) = wasi.Put("../outside/secret.txt");
        uint stat = wasi.Allocate(64);
        Assert.Equal(Errno.NotCapable, wasi.Call("path_filestat_get", WasiHarness.SandboxFd, 1, pointer, length, stat));
        Assert.Equal(Errno.NotCapable, wasi.Call("path_filestat_set_times", WasiHarness.SandboxFd, 1, pointer, length, 0, 0, 2 | 8));
        uint buffer = wasi.Allocate(64);
        Assert.Equal(Errno.NotCapable, wasi.Call("path_readlink", WasiHarness.SandboxFd, pointer, length, buffer, 64, wasi.Allocate(4)));
        Assert.True(File.Exists(Path.Combine(wasi.Root, "outside", "secret.txt")));
    }

    private static Errno Symlink(WasiHarness wasi, string target, string link)
    {
        var (targetPointer, targetLength) = wasi.Put(target);
        var (linkPointer, linkLength) = wasi.Put(link);
        return wasi.Call("path_symlink", targetPointer, targetLength, WasiHarness.SandboxFd, linkPointer, linkLength);
    }
}
