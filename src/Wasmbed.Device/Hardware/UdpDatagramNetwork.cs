using System.Net;
using System.Net.Sockets;

namespace Wasmbed.Device.Hardware;

/// <summary>
/// Real UDP through <see cref="System.Net.Sockets.Socket"/>, IPv4 and IPv6. Host names are resolved with DNS
/// at send time. Sockets bind to <see cref="BindAddress"/> (loopback by default, so nothing is exposed unless
/// the operator chooses an outward address).
/// </summary>
public sealed class UdpDatagramNetwork(IPAddress? bindAddress = null) : IDatagramNetwork
{
    /// <summary>The local address sockets bind to.</summary>
    public IPAddress BindAddress { get; } = bindAddress ?? IPAddress.Loopback;

    public DeviceError Open(int localPort, out IDatagramSocket? socket)
    {
        socket = null;
        var udp = new Socket(BindAddress.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            udp.Bind(new IPEndPoint(BindAddress, localPort));
        }
        catch (SocketException e)
        {
            udp.Dispose();
            return e.SocketErrorCode switch
            {
                SocketError.AddressAlreadyInUse => DeviceError.Busy,
                SocketError.AccessDenied => DeviceError.AccessDenied,
                _ => DeviceError.IOError,
            };
        }
        socket = new UdpSocket(udp);
        return DeviceError.None;
    }

    private sealed class UdpSocket(Socket udp) : IDatagramSocket
    {
        private EndPoint _any = new IPEndPoint(udp.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);

        public int LocalPort => ((IPEndPoint)udp.LocalEndPoint!).Port;

        public DeviceError Send(DatagramEndpoint to, ReadOnlySpan<byte> data)
        {
            if (!IPAddress.TryParse(to.Host, out var address))
            {
                try
                {
                    address = Dns.GetHostAddresses(to.Host).FirstOrDefault(a => a.AddressFamily == udp.AddressFamily);
                }
                catch (SocketException)
                {
                    return DeviceError.HostUnreachable;
                }
                if (address is null) return DeviceError.HostUnreachable;
            }
            if (address.AddressFamily != udp.AddressFamily) return DeviceError.HostUnreachable;
            try
            {
                udp.SendTo(data, SocketFlags.None, new IPEndPoint(address, to.Port));
                return DeviceError.None;
            }
            catch (SocketException e)
            {
                return e.SocketErrorCode switch
                {
                    SocketError.MessageSize => DeviceError.MessageTooLong,
                    SocketError.HostUnreachable or SocketError.NetworkUnreachable => DeviceError.HostUnreachable,
                    _ => DeviceError.IOError,
                };
            }
        }

        public DeviceError Receive(Span<byte> destination, long timeoutNanoseconds, out int length, out DatagramEndpoint from)
        {
            length = 0;
            from = default;
            long microseconds = Math.Min(int.MaxValue, timeoutNanoseconds / 1000);
            if (!udp.Poll((int)microseconds, SelectMode.SelectRead)) return DeviceError.TimedOut;
            try
            {
                length = udp.ReceiveFrom(destination, SocketFlags.None, ref _any);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.MessageSize)
            {
                length = destination.Length; // the rest of an over-long datagram is dropped, as documented
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                // An ICMP "port unreachable" for an earlier send: not a datagram, report nothing arrived.
                return DeviceError.Again;
            }
            var peer = (IPEndPoint)_any;
            var host = peer.Address.IsIPv4MappedToIPv6 ? peer.Address.MapToIPv4() : peer.Address;
            from = new DatagramEndpoint(host.ToString(), peer.Port);
            return DeviceError.None;
        }

        public void Dispose() => udp.Dispose();
    }
}
