using System.Globalization;
using System.Text;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// The <c>wasmbed:net/1</c> functions: datagram sockets. An app sends only to peers its <c>net</c> grant names, binds
/// only the ports it names with <c>listen:</c> (or any free port), and receives only from granted peers: datagrams
/// from others are dropped before the app sees them.
/// </summary>
internal sealed class NetApi(DeviceContext context) : IDisposable
{
    private const long NanosecondsPerMillisecond = 1_000_000;
    private const int MaxDropsAfterDeadline = 64;
    private readonly IDatagramSocket?[] _sockets = new IDatagramSocket?[context.Options.MaxOpenSockets];
    private byte[]? _fromText;

    public static void Define(Linker linker, DeviceContext context)
    {
        var api = new NetApi(context);
        string m = HostApiNames.ImportModule(HostApiNames.Net);
        linker.Define<int, int>(m, "open", api.Open);
        linker.Define<int, int>(m, "close", api.Close);
        linker.Define<int, int, int, int, int, int>(m, "send", api.Send);
        linker.Define<int, int, int, int, int, int, int, int>(m, "recv", api.Receive);
        context.OnDispose(api);
    }

    public void Dispose()
    {
        for (int i = 0; i < _sockets.Length; i++)
        {
            _sockets[i]?.Dispose();
            _sockets[i] = null;
        }
    }

    private int Open(int localPort)
    {
        if ((uint)localPort > 65535) return Status.Fail(DeviceError.InvalidArgument);
        if (!context.Granted.AllowsListen(localPort)) return Status.Fail(DeviceError.AccessDenied);
        if (context.Hardware.Network is not { } network) return Status.Fail(DeviceError.NotSupported);
        int handle = Array.IndexOf(_sockets, null);
        if (handle < 0) return Status.Fail(DeviceError.NoSpace);
        try
        {
            var result = network.Open(localPort, out var socket);
            if (result != DeviceError.None) return Status.Fail(result);
            _sockets[handle] = socket;
            return handle;
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int Close(int handle)
    {
        if (!TryGetSocket(handle, out var socket)) return Status.Fail(DeviceError.BadHandle);
        _sockets[handle] = null;
        socket.Dispose();
        return 0;
    }

    private int Send(Caller caller, int handle, int endpointPointer, int endpointLength, int dataPointer, int dataLength)
    {
        if (!TryGetSocket(handle, out var socket)) return Status.Fail(DeviceError.BadHandle);
        if (!GuestMemory.TryGetSpan(caller, endpointPointer, endpointLength, out var endpointBytes)
            || !GuestMemory.TryGetSpan(caller, dataPointer, dataLength, out var data))
            return Status.Fail(DeviceError.Fault);
        if (endpointLength > 300) return Status.Fail(DeviceError.TooLong);
        if (!TryParseEndpoint(Encoding.UTF8.GetString(endpointBytes), out var to)) return Status.Fail(DeviceError.InvalidArgument);
        if (!context.Granted.AllowsPeer(to.Host, to.Port)) return Status.Fail(DeviceError.AccessDenied);
        if (dataLength > context.Options.MaxDatagramLength) return Status.Fail(DeviceError.MessageTooLong);
        try
        {
            var result = socket.Send(to, data);
            return result == DeviceError.None ? dataLength : Status.Fail(result);
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int Receive(Caller caller, int handle, int pointer, int capacity, int fromPointer, int fromCapacity, int fromLengthPointer, int timeoutMilliseconds)
    {
        if (!TryGetSocket(handle, out var socket)) return Status.Fail(DeviceError.BadHandle);
        if (timeoutMilliseconds < 0) return Status.Fail(DeviceError.InvalidArgument);
        if (!GuestMemory.IsValid(caller, pointer, capacity)
            || !GuestMemory.IsValid(caller, fromPointer, fromCapacity)
            || !GuestMemory.IsValid(caller, fromLengthPointer, 4))
            return Status.Fail(DeviceError.Fault);
        var clock = context.Hardware.Clock;
        long deadline = clock.MonotonicNanoseconds
            + Math.Min(timeoutMilliseconds, context.Options.MaxWaitMilliseconds) * NanosecondsPerMillisecond;
        for (int dropped = 0; ; dropped++)
        {
            long remaining = Math.Max(0, deadline - clock.MonotonicNanoseconds);
            DeviceError result;
            int length;
            DatagramEndpoint from;
            try
            {
                // Spans into guest memory are taken afresh each time: nothing here runs WebAssembly, but stay safe.
                GuestMemory.TryGetSpan(caller, pointer, Math.Min(capacity, context.Options.MaxDatagramLength), out var destination);
                result = socket.Receive(destination, remaining, out length, out from);
            }
            catch (Exception)
            {
                return Status.Fail(DeviceError.IOError);
            }
            if (result != DeviceError.None) return Status.Fail(result);
            if (!context.Granted.AllowsPeer(from.Host, from.Port))
            {
                // A peer the app may not hear from: drop the datagram and keep waiting, but let a flood of them
                // not hold the app past its deadline.
                if (remaining == 0 && dropped >= MaxDropsAfterDeadline) return Status.Fail(DeviceError.TimedOut);
                continue;
            }
            var fromText = FormatEndpoint(from);
            GuestMemory.WriteResult(caller, fromPointer, fromCapacity, fromText);
            GuestMemory.TryWriteInt32(caller, fromLengthPointer, fromText.Length);
            return length;
        }
    }

    private ReadOnlySpan<byte> FormatEndpoint(DatagramEndpoint endpoint)
    {
        var buffer = _fromText ??= new byte[64];
        string text = endpoint.ToString();
        return Encoding.UTF8.TryGetBytes(text, buffer, out int written) ? buffer.AsSpan(0, written) : Encoding.UTF8.GetBytes(text);
    }

    private bool TryGetSocket(int handle, out IDatagramSocket socket)
    {
        socket = (uint)handle < (uint)_sockets.Length ? _sockets[handle]! : null!;
        return socket is not null;
    }

    /// <summary>Reads <c>host:port</c> or <c>[ipv6]:port</c>; the host is lower-cased.</summary>
    internal static bool TryParseEndpoint(string text, out DatagramEndpoint endpoint)
    {
        endpoint = default;
        string host;
        string port;
        if (text.StartsWith('['))
        {
            int close = text.IndexOf(']');
            if (close < 0 || close + 1 >= text.Length || text[close + 1] != ':') return false;
            host = text[1..close];
            port = text[(close + 2)..];
        }
        else
        {
            int colon = text.LastIndexOf(':');
            if (colon <= 0) return false;
            host = text[..colon];
            port = text[(colon + 1)..];
            if (host.Contains(':')) return false;
        }
        if (host.Length == 0 || host.Contains('*') || host.Any(char.IsWhiteSpace)) return false;
        if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out int number) || number is 0 or > 65535) return false;
        endpoint = new DatagramEndpoint(host.ToLowerInvariant(), number);
        return true;
    }
}
