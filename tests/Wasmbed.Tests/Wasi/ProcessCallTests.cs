using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>args/environ, clocks, random, poll_oneoff, proc_* and sched_yield, and sockets.</summary>
public sealed class ProcessCallTests
{
    [Fact]
    public void Args_and_environment_layout()
    {
        using var wasi = new WasiHarness(c => c.WithArgs("prog", "\u00e9t\u00e9", "").WithEnvironment("A", "1").WithEnvironment("EMPTY", ""));
        uint count = wasi.Allocate(4), size = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("args_sizes_get", count, size));
        Assert.Equal(3U, wasi.ReadU32(count));
        Assert.Equal(5U + 6 + 1, wasi.ReadU32(size));
        uint pointers = wasi.Allocate(12), buffer = wasi.Allocate(12);
        Assert.Equal(Errno.Success, wasi.Call("args_get", pointers, buffer));
        Assert.Equal(buffer, wasi.ReadU32(pointers));
        Assert.Equal(buffer + 5, wasi.ReadU32(pointers + 4));
        Assert.Equal(buffer + 11, wasi.ReadU32(pointers + 8));
        Assert.Equal("prog\0\u00e9t\u00e9\0\0", wasi.ReadString(buffer, 12));
        Assert.Equal(Errno.Success, wasi.Call("environ_sizes_get", count, size));
        Assert.Equal(2U, wasi.ReadU32(count));
        Assert.Equal(4U + 7, wasi.ReadU32(size));
        uint envBuffer = wasi.Allocate(11);
        Assert.Equal(Errno.Success, wasi.Call("environ_get", pointers, envBuffer));
        Assert.Equal("A=1\0EMPTY=\0", wasi.ReadString(envBuffer, 11));
    }

    [Fact]
    public void Clocks_report_time_and_reject_unknown_ids()
    {
        using var wasi = new WasiHarness();
        uint time = wasi.Allocate(8);
        Assert.Equal(Errno.Success, wasi.Call("clock_time_get", 0, 1, time));
        var now = DateTimeOffset.FromUnixTimeMilliseconds((long)(wasi.ReadU64(time) / 1_000_000));
        Assert.True(Math.Abs((now - DateTimeOffset.UtcNow).TotalSeconds) < 5);
        Assert.Equal(Errno.Success, wasi.Call("clock_time_get", 1, 1, time));
        ulong first = wasi.ReadU64(time);
        Thread.Sleep(5);
        wasi.Call("clock_time_get", 1, 1, time);
        Assert.True(wasi.ReadU64(time) >= first + 4_000_000);
        foreach (int clock in new[] { 2, 3 })
        {
            Assert.Equal(Errno.Success, wasi.Call("clock_time_get", clock, 1, time));
            Assert.True(wasi.ReadU64(time) > 0);
            Assert.Equal(Errno.Success, wasi.Call("clock_res_get", clock, time));
            Assert.True(wasi.ReadU64(time) > 0);
        }
        Assert.Equal(Errno.Invalid, wasi.Call("clock_time_get", 4, 1, time));
        Assert.Equal(Errno.Invalid, wasi.Call("clock_res_get", 99, time));
    }

    [Fact]
    public void Random_uses_the_configured_source()
    {
        using var wasi = new WasiHarness(c => c.WithRandomSource(span => span.Fill(0x5A)));
        uint buffer = wasi.Allocate(16);
        Assert.Equal(Errno.Success, wasi.Call("random_get", buffer, 16));
        Assert.All(wasi.Memory.AsSpan((int)buffer, 16).ToArray(), b => Assert.Equal(0x5A, b));
        using var secure = new WasiHarness();
        Assert.Equal(Errno.Success, secure.Call("random_get", buffer, 16));
        Assert.Contains(secure.Memory.AsSpan((int)buffer, 16).ToArray(), b => b != 0);
    }

    [Fact]
    public void Proc_exit_throws_the_exit_code_and_proc_raise_is_enosys()
    {
        using var wasi = new WasiHarness();
        var exit = Assert.Throws<WasiExitException>(() => wasi.Call("proc_exit", 3));
        Assert.Equal(3, exit.ExitCode);
        Assert.Equal(3, wasi.Context.ExitCode);
        Assert.Same(exit, WasiExitException.Find(new TrapException(TrapCode.HostError, exit)));
        Assert.Equal(Errno.NotImplemented, wasi.Call("proc_raise", 15));
        Assert.Equal(Errno.Success, wasi.Call("sched_yield"));
    }

    /// <summary>Writes one subscription (48 bytes) at <paramref name="at"/>.</summary>
    private static void Subscribe(WasiHarness wasi, uint at, ulong userData, byte tag, uint clockOrFd, ulong timeout = 0, ushort flags = 0)
    {
        BitConverter.TryWriteBytes(wasi.Memory.AsSpan((int)at), userData);
        wasi.Memory[at + 8] = tag;
        wasi.WriteU32(at + 16, clockOrFd);
        BitConverter.TryWriteBytes(wasi.Memory.AsSpan((int)at + 24), timeout);
        BitConverter.TryWriteBytes(wasi.Memory.AsSpan((int)at + 40), flags);
    }

    [Fact]
    public void Poll_on_a_relative_clock_sleeps_at_least_the_timeout()
    {
        using var wasi = new WasiHarness();
        uint input = wasi.Allocate(48), output = wasi.Allocate(32), count = wasi.Allocate(4);
        Subscribe(wasi, input, 77, 0, 1, 30_000_000);
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, wasi.Call("poll_oneoff", input, output, 1, count));
        Assert.True(watch.ElapsedMilliseconds >= 29, $"slept {watch.ElapsedMilliseconds} ms");
        Assert.Equal(1U, wasi.ReadU32(count));
        Assert.Equal(77UL, wasi.ReadU64(output));
        Assert.Equal(0, wasi.ReadU16(output + 8));
        Assert.Equal(0, wasi.Memory[output + 10]);
    }

    [Fact]
    public void Poll_reports_ready_descriptors_at_once_with_errors_per_subscription()
    {
        using var wasi = new WasiHarness();
        int fd = wasi.Open("f", oflags: 1).Fd;
        wasi.Write(fd, "12345");
        uint position = wasi.Allocate(8);
        wasi.Call("fd_seek", fd, 1, 0, position);
        uint input = wasi.Allocate(48 * 4), output = wasi.Allocate(32 * 4), count = wasi.Allocate(4);
        Subscribe(wasi, input, 1, 0, 1, 10_000_000_000);      // a clock far away
        Subscribe(wasi, input + 48, 2, 1, (uint)fd);           // file readable: 4 bytes left
        Subscribe(wasi, input + 96, 3, 2, 1);                  // stdout writable
        Subscribe(wasi, input + 144, 4, 1, 99);                // bad descriptor
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, wasi.Call("poll_oneoff", input, output, 4, count));
        Assert.True(watch.ElapsedMilliseconds < 5000);
        Assert.Equal(3U, wasi.ReadU32(count));
        Assert.Equal(2UL, wasi.ReadU64(output));
        Assert.Equal(1, wasi.Memory[output + 10]);
        Assert.Equal(4UL, wasi.ReadU64(output + 16));
        Assert.Equal(3UL, wasi.ReadU64(output + 32));
        Assert.Equal(2, wasi.Memory[output + 42]);
        Assert.Equal(4UL, wasi.ReadU64(output + 64));
        Assert.Equal((ushort)Errno.BadFileDescriptor, wasi.ReadU16(output + 72));
        Assert.Equal(Errno.Invalid, wasi.Call("poll_oneoff", input, output, 0, count));
    }

    [Fact]
    public void Poll_on_an_absolute_realtime_clock_in_the_past_returns_at_once()
    {
        using var wasi = new WasiHarness();
        uint input = wasi.Allocate(48), output = wasi.Allocate(32), count = wasi.Allocate(4);
        Subscribe(wasi, input, 9, 0, 0, 1_000_000_000, flags: 1);
        var watch = Stopwatch.StartNew();
        Assert.Equal(Errno.Success, wasi.Call("poll_oneoff", input, output, 1, count));
        Assert.True(watch.ElapsedMilliseconds < 1000);
        Assert.Equal(1U, wasi.ReadU32(count));
    }

    [Fact]
    public void A_preopened_listening_socket_accepts_receives_sends_and_shuts_down()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var endpoint = (IPEndPoint)listener.LocalEndPoint!;
        using var wasi = new WasiHarness(c => c.WithPreopenedSocket(listener));
        const int socketFd = 4;
        uint result = wasi.Allocate(4);
        Assert.Equal(Errno.Again, wasi.Call("sock_accept", socketFd, 4, result));
        Assert.Equal(Errno.NotCapable, wasi.Read(socketFd).Errno);
        Assert.Equal(Errno.NotSocket, wasi.Call("sock_accept", 1, 0, result));

        using var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(endpoint);
        Assert.Equal(Errno.Success, wasi.Call("sock_accept", socketFd, 0, result));
        int connection = (int)wasi.ReadU32(result);
        uint stat = wasi.Allocate(24);
        wasi.Call("fd_fdstat_get", connection, stat);
        Assert.Equal((byte)FileType.SocketStream, wasi.Memory[stat]);

        client.Send(Encoding.ASCII.GetBytes("ping"));
        uint buffer = wasi.Allocate(16), length = wasi.Allocate(4), flags = wasi.Allocate(4);
        Assert.Equal(Errno.Success, wasi.Call("sock_recv", connection, wasi.IoVector(buffer, 4), 1, 2, length, flags));
        Assert.Equal("ping", wasi.ReadString(buffer, wasi.ReadU32(length)));
        Assert.Equal(0, wasi.ReadU16(flags));

        var (reply, replyLength) = wasi.Put("pong");
        Assert.Equal(Errno.Success, wasi.Call("sock_send", connection, wasi.IoVector(reply, replyLength), 1, 0, length));
        Assert.Equal(4U, wasi.ReadU32(length));
        var received = new byte[4];
        Assert.Equal(4, client.Receive(received));
        Assert.Equal("pong", Encoding.ASCII.GetString(received));

        Assert.Equal((Errno.Success, 3U), wasi.Write(connection, "fd!"));
        Assert.Equal(3, client.Receive(received));
        Assert.Equal(Errno.Invalid, wasi.Call("sock_shutdown", connection, 0));
        Assert.Equal(Errno.Success, wasi.Call("sock_shutdown", connection, 2));
        Assert.Equal(0, client.Receive(received));
        Assert.Equal(Errno.Success, wasi.Call("fd_close", connection));
    }
}
