namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// A simulated datagram network inside the process. The device is <see cref="LocalHost"/> (also reachable as
/// <c>localhost</c>): a datagram to one of its ports reaches the socket bound there. Other peers are responders
/// (<see cref="AddPeer"/>) that may answer each datagram. A receive with nothing queued advances simulated time
/// by its timeout; undeliverable datagrams vanish, as UDP's do.
/// </summary>
public sealed class SimulatedNetwork(SimulatedClock clock) : IDatagramNetwork
{
    /// <summary>The device's own address on the simulated network.</summary>
    public const string LocalHost = "127.0.0.1";

    private readonly Dictionary<int, Socket> _bound = [];
    private readonly Dictionary<DatagramEndpoint, Func<byte[], byte[]?>> _peers = [];
    private readonly Lock _lock = new();
    private int _nextEphemeralPort = 49152;

    /// <summary>Adds a peer at <paramref name="endpoint"/> that answers each datagram with what <paramref name="respond"/> returns (null: no answer).</summary>
    public void AddPeer(DatagramEndpoint endpoint, Func<byte[], byte[]?> respond)
    {
        ArgumentNullException.ThrowIfNull(respond);
        lock (_lock) _peers[endpoint] = respond;
    }

    /// <summary>Delivers a datagram from <paramref name="from"/> to the local socket bound to <paramref name="localPort"/> (false: none is).</summary>
    public bool Deliver(DatagramEndpoint from, int localPort, ReadOnlySpan<byte> data)
    {
        lock (_lock)
        {
            if (!_bound.TryGetValue(localPort, out var socket)) return false;
            socket.Queue.Enqueue((from, data.ToArray()));
            return true;
        }
    }

    public DeviceError Open(int localPort, out IDatagramSocket? socket)
    {
        socket = null;
        lock (_lock)
        {
            if (localPort == 0)
            {
                while (_bound.ContainsKey(_nextEphemeralPort)) _nextEphemeralPort++;
                localPort = _nextEphemeralPort++;
            }
            if (_bound.ContainsKey(localPort)) return DeviceError.Busy;
            var created = new Socket(this, localPort);
            _bound[localPort] = created;
            socket = created;
            return DeviceError.None;
        }
    }

    private static bool IsLocal(string host) => host is LocalHost or "localhost";

    private sealed class Socket(SimulatedNetwork network, int localPort) : IDatagramSocket
    {
        public readonly Queue<(DatagramEndpoint From, byte[] Data)> Queue = new();

        public int LocalPort => localPort;

        public DeviceError Send(DatagramEndpoint to, ReadOnlySpan<byte> data)
        {
            var self = new DatagramEndpoint(LocalHost, localPort);
            if (IsLocal(to.Host))
            {
                network.Deliver(self, to.Port, data);
                return DeviceError.None;
            }
            Func<byte[], byte[]?>? respond;
            lock (network._lock) network._peers.TryGetValue(to, out respond);
            if (respond is null) return DeviceError.None; // nobody there: the datagram is lost
            if (respond(data.ToArray()) is { } answer) network.Deliver(to, localPort, answer);
            return DeviceError.None;
        }

        public DeviceError Receive(Span<byte> destination, long timeoutNanoseconds, out int length, out DatagramEndpoint from)
        {
            (DatagramEndpoint From, byte[] Data) datagram;
            bool got;
            lock (network._lock) got = Queue.TryDequeue(out datagram);
            if (!got)
            {
                network.Clock.Advance(Math.Max(0, timeoutNanoseconds));
                length = 0;
                from = default;
                return DeviceError.TimedOut;
            }
            length = Math.Min(destination.Length, datagram.Data.Length);
            datagram.Data.AsSpan(0, length).CopyTo(destination);
            from = datagram.From;
            return DeviceError.None;
        }

        public void Dispose()
        {
            lock (network._lock)
                if (network._bound.TryGetValue(localPort, out var bound) && bound == this) network._bound.Remove(localPort);
        }
    }

    private SimulatedClock Clock { get; } = clock;
}
