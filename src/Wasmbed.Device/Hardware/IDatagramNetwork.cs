namespace Wasmbed.Device.Hardware;

/// <summary>A peer on the network: a host (name or address as text) and a UDP port.</summary>
public readonly record struct DatagramEndpoint(string Host, int Port)
{
    public override string ToString() => Host.Contains(':') ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}

/// <summary>Datagram (UDP) networking.</summary>
public interface IDatagramNetwork
{
    /// <summary>Opens a socket bound to <paramref name="localPort"/> (0: any free port).</summary>
    DeviceError Open(int localPort, out IDatagramSocket? socket);
}

/// <summary>An open datagram socket.</summary>
public interface IDatagramSocket : IDisposable
{
    /// <summary>The port the socket is bound to.</summary>
    int LocalPort { get; }

    /// <summary>Sends one datagram to <paramref name="to"/>.</summary>
    DeviceError Send(DatagramEndpoint to, ReadOnlySpan<byte> data);

    /// <summary>
    /// Waits up to <paramref name="timeoutNanoseconds"/> for one datagram. When it is longer than
    /// <paramref name="destination"/>, the rest is dropped and <paramref name="length"/> is the part kept.
    /// </summary>
    DeviceError Receive(Span<byte> destination, long timeoutNanoseconds, out int length, out DatagramEndpoint from);
}
