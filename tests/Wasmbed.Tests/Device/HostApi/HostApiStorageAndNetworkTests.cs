using System.Net;
using System.Net.Sockets;
using System.Text;
using Wasmbed.Device;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.HostApi;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>The kv API over <see cref="InMemoryKeyValueStore"/>, and the net API over real UDP on 127.0.0.1.</summary>
public sealed class HostApiStorageAndNetworkTests
{
    [Theory]
    [MemberData(nameof(DeviceTiers.All), MemberType = typeof(DeviceTiers))]
    public void Kv_set_get_delete_with_the_fits_whole_rule(ExecutionTier tier)
    {
        using var sandbox = new DeviceSandbox("kv", tier: tier).WithWrappers();
        sandbox.WriteString(0, "key");
        sandbox.WriteString(16, "value");

        Assert.Equal(-(int)DeviceError.NotFound, sandbox.Call("kv.get", 0, 3, 100, 16));
        Assert.Equal(0, sandbox.Call("kv.set", 0, 3, 16, 5));
        Assert.Equal(5, sandbox.Call("kv.get", 0, 3, 100, 4)); // too small: length only
        Assert.Equal(0, sandbox.Memory.Read<int>(100));
        Assert.Equal(5, sandbox.Call("kv.get", 0, 3, 100, 5));
        Assert.Equal("value", sandbox.ReadString(100, 5));
        Assert.Equal(5, sandbox.Call("kv.get", 0, 3, 0, 16)); // the destination overlapping the key
        Assert.Equal("value", sandbox.ReadString(0, 5));
        sandbox.WriteString(0, "key");
        Assert.Equal(0, sandbox.Call("kv.delete", 0, 3));
        Assert.Equal(-(int)DeviceError.NotFound, sandbox.Call("kv.delete", 0, 3));
    }

    [Fact]
    public void Kv_quota_and_missing_store()
    {
        using (var sandbox = new DeviceSandbox("kv", kv: new InMemoryKeyValueStore(maxTotalBytes: 10)).WithWrappers())
        {
            sandbox.WriteString(0, "k");
            Assert.Equal(0, sandbox.Call("kv.set", 0, 1, 100, 9));
            Assert.Equal(-(int)DeviceError.NoSpace, sandbox.Call("kv.set", 0, 1, 100, 10));
            Assert.Equal(9, sandbox.Call("kv.get", 0, 1, 200, 16)); // the old value stays
        }
        using var noStore = new DeviceSandbox("kv");
        var context = new DeviceContext(noStore.Device.Hardware, noStore.Context.Granted);
        var linker = DeviceHost.Define(new Linker(noStore.Engine), context);
        var wat = DeviceSandbox.WrapperModule(["kv"]);
        using var instance = linker.Instantiate(new Store(noStore.Engine), Module.FromBytes(noStore.Engine, Wasmbed.Text.Wat.ToBinary(wat)));
        Assert.Equal(-(int)DeviceError.NotSupported, instance.GetFunction<int, int, int, int, int>("kv.get")(0, 1, 0, 0));
    }

    [Fact]
    public void Udp_datagrams_on_loopback_to_an_allowed_endpoint_and_refusal_of_others()
    {
        using var peer = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        using var stranger = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        int peerPort = ((IPEndPoint)peer.Client.LocalEndPoint!).Port;
        int strangerPort = ((IPEndPoint)stranger.Client.LocalEndPoint!).Port;
        var hardware = new DeviceHardware { Clock = SystemClock.Instance, Network = new UdpDatagramNetwork() };
        using var sandbox = new DeviceSandbox($"net=127.0.0.1:{peerPort}", hardware).WithWrappers();

        int handle = (int)sandbox.Call("net.open", 0);
        Assert.Equal(0, handle);
        int allowed = sandbox.WriteString(0, $"127.0.0.1:{peerPort}");
        sandbox.WriteString(100, "hello");
        Assert.Equal(5, sandbox.Call("net.send", handle, 0, allowed, 100, 5));

        var received = Receive(peer);
        Assert.Equal("hello", Encoding.UTF8.GetString(received.Buffer));
        var guest = received.RemoteEndPoint;

        // A stranger's datagram is dropped unseen; the peer's reply gets through, with its address.
        stranger.Send("intruder"u8.ToArray(), guest);
        peer.Send("reply"u8.ToArray(), guest);
        Assert.Equal(5, sandbox.Call("net.recv", handle, 200, 64, 300, 64, 400, 2000));
        Assert.Equal("reply", sandbox.ReadString(200, 5));
        string from = $"127.0.0.1:{peerPort}";
        Assert.Equal(from.Length, sandbox.Memory.Read<int>(400));
        Assert.Equal(from, sandbox.ReadString(300, from.Length));

        stranger.Send("intruder"u8.ToArray(), guest);
        Assert.Equal(-(int)DeviceError.TimedOut, sandbox.Call("net.recv", handle, 200, 64, 300, 64, 400, 200));

        // Sending to an endpoint not granted is refused before anything leaves.
        int denied = sandbox.WriteString(0, $"127.0.0.1:{strangerPort}");
        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("net.send", handle, 0, denied, 100, 5));
        Assert.Equal(0, stranger.Available);
        int malformed = sandbox.WriteString(0, "no-port");
        Assert.Equal(-(int)DeviceError.InvalidArgument, sandbox.Call("net.send", handle, 0, malformed, 100, 5));

        Assert.Equal(-(int)DeviceError.AccessDenied, sandbox.Call("net.open", strangerPort)); // binding needs listen:PORT
        Assert.Equal(0, sandbox.Call("net.close", handle));
        Assert.Equal(-(int)DeviceError.BadHandle, sandbox.Call("net.close", handle));
    }

    [Fact]
    public void Sockets_are_limited_and_closed_with_the_context()
    {
        var network = new CountingNetwork();
        var hardware = new DeviceHardware { Clock = SystemClock.Instance, Network = network };
        var sandbox = new DeviceSandbox("net=127.0.0.1:*", hardware, options: new DeviceHostOptions { MaxOpenSockets = 2 }).WithWrappers();
        Assert.Equal(0, sandbox.Call("net.open", 0));
        Assert.Equal(1, sandbox.Call("net.open", 0));
        Assert.Equal(-(int)DeviceError.NoSpace, sandbox.Call("net.open", 0));
        Assert.Equal(2, network.Open);
        sandbox.Dispose();
        Assert.Equal(0, network.Open);
    }

    private sealed class CountingNetwork : IDatagramNetwork
    {
        private readonly UdpDatagramNetwork _inner = new();

        public int Open { get; private set; }

        DeviceError IDatagramNetwork.Open(int localPort, out IDatagramSocket? socket)
        {
            var result = _inner.Open(localPort, out var inner);
            socket = inner is null ? null : new Counted(this, inner);
            if (inner is not null) Open++;
            return result;
        }

        private sealed class Counted(CountingNetwork owner, IDatagramSocket inner) : IDatagramSocket
        {
            public int LocalPort => inner.LocalPort;
            public DeviceError Send(DatagramEndpoint to, ReadOnlySpan<byte> data) => inner.Send(to, data);
            public DeviceError Receive(Span<byte> destination, long timeoutNanoseconds, out int length, out DatagramEndpoint from) =>
                inner.Receive(destination, timeoutNanoseconds, out length, out from);
            public void Dispose()
            {
                owner.Open--;
                inner.Dispose();
            }
        }
    }

    private static UdpReceiveResult Receive(UdpClient client)
    {
        var task = client.ReceiveAsync();
        Assert.True(task.Wait(TimeSpan.FromSeconds(5)), "no datagram arrived on loopback within 5 s");
        return task.Result;
    }
}
