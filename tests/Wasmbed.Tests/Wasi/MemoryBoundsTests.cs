using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>Every guest pointer and length is checked: out of range is EFAULT, never a host exception.</summary>
public sealed class MemoryBoundsTests
{
    private const long End = WasiHarness.MemorySize;

    [Fact]
    public void Iovec_buffers_outside_memory_are_efault()
    {
        using var wasi = new WasiHarness();
        uint result = wasi.Allocate(4);
        Assert.Equal(Errno.Fault, wasi.Call("fd_write", 1, wasi.IoVector((uint)End - 2, 4), 1, result));
        Assert.Equal(Errno.Fault, wasi.Call("fd_write", 1, wasi.IoVector(0xFFFF_FFF0, 0x20), 1, result));
        Assert.Equal(Errno.Fault, wasi.Call("fd_write", 1, End - 4, 1, result));
        Assert.Equal(Errno.Fault, wasi.Call("fd_write", 1, 0, 0x2000_0000, result));
        Assert.Equal(Errno.Fault, wasi.Call("fd_write", 1, 0, 0xFFFF_FFFF, result));
        Assert.Equal(0, wasi.Stdout.Length);
    }

    [Fact]
    public void Result_pointers_outside_memory_are_efault_and_nothing_is_written()
    {
        using var wasi = new WasiHarness();
        var (text, length) = wasi.Put("hello");
        Assert.Equal(Errno.Fault, wasi.Call("fd_write", 1, wasi.IoVector(text, length), 1, End - 3));
        Assert.Equal(0, wasi.Stdout.Length);
        Assert.Equal(Errno.Fault, wasi.Call("args_sizes_get", End, 0));
        Assert.Equal(Errno.Fault, wasi.Call("clock_time_get", 1, 0, End - 7));
        Assert.Equal(Errno.Fault, wasi.Call("fd_fdstat_get", 1, End - 23));
        Assert.Equal(Errno.Fault, wasi.Call("fd_filestat_get", 3, End - 63));
        Assert.Equal(Errno.Fault, wasi.Call("fd_prestat_get", 3, 0xFFFF_FFFF));
        Assert.Equal(Errno.Fault, wasi.Call("random_get", End - 10, 11));
        Assert.Equal(Errno.Success, wasi.Call("random_get", End - 10, 10));
    }

    [Fact]
    public void Paths_outside_memory_are_efault_and_invalid_utf8_is_eilseq()
    {
        using var wasi = new WasiHarness();
        uint fd = wasi.Allocate(4);
        Assert.Equal(Errno.Fault, wasi.Call("path_open", 3, 0, End - 2, 5, 1, -1, -1, 0, fd));
        Assert.Equal(Errno.Fault, wasi.Call("path_create_directory", 3, 0xFFFF_FFFF, 2));
        var (bad, length) = wasi.Put([0x66, 0xFF, 0x66]);
        Assert.Equal(Errno.IllegalSequence, wasi.Call("path_open", 3, 0, bad, length, 1, -1, -1, 0, fd));
        Assert.Empty(Directory.GetFileSystemEntries(wasi.Sandbox));
    }

    [Fact]
    public void Poll_and_readdir_arrays_are_checked()
    {
        using var wasi = new WasiHarness();
        uint count = wasi.Allocate(4);
        Assert.Equal(Errno.Fault, wasi.Call("poll_oneoff", End - 40, 0, 1, count));
        Assert.Equal(Errno.Fault, wasi.Call("poll_oneoff", 0, End - 16, 1, count));
        Assert.Equal(Errno.Fault, wasi.Call("poll_oneoff", 0, 0, 0x1000_0000, count));
        Assert.Equal(Errno.Fault, wasi.Call("fd_readdir", 3, End - 10, 100, 0, count));
        Assert.Equal(Errno.Fault, wasi.Call("fd_prestat_dir_name", 3, End - 3, 8));
    }

    [Fact]
    public void Args_and_environment_that_do_not_fit_are_efault()
    {
        using var wasi = new WasiHarness(c => c.WithArgs("prog", "argument").WithEnvironment("K", "V"));
        Assert.Equal(Errno.Fault, wasi.Call("args_get", 0, End - 5));
        Assert.Equal(Errno.Fault, wasi.Call("args_get", End - 4, 0));
        Assert.Equal(Errno.Fault, wasi.Call("environ_get", 0, End - 3));
        // A pointer array at the top of the 32-bit space must not wrap around to address 0.
        Assert.Equal(Errno.Fault, wasi.Call("args_get", 0xFFFF_FFFC, 100));
        Assert.All(wasi.Memory.AsSpan(0, 8).ToArray(), b => Assert.Equal(0, b));
    }
}
