using System.Net.Sockets;

namespace Wasmbed.Wasi;

/// <summary>
/// A TCP socket: either a listening socket the embedder preopened (the guest can only accept on it) or a connection
/// accepted from one. Non-blocking mode follows <see cref="FdFlags.NonBlock"/>.
/// </summary>
internal sealed class SocketDescriptor : Descriptor
{
    public SocketDescriptor(Socket socket, bool listening, FdFlags flags = FdFlags.None)
        : base(listening ? RightSets.ListeningSocket : RightSets.ConnectedSocket, Rights.None, flags)
    {
        Socket = socket;
        IsListening = listening;
    }

    public Socket Socket { get; }

    public bool IsListening { get; }

    public override FileType Type => FileType.SocketStream;

    /// <summary>Accepts a pending connection; EAGAIN when there is none and this socket or the call is non-blocking.</summary>
    public SocketDescriptor Accept(FdFlags flags)
    {
        if (!IsListening) WasiError.Throw(Errno.Invalid);
        bool nonBlocking = ((Flags | flags) & FdFlags.NonBlock) != 0;
        if (nonBlocking && !Socket.Poll(0, SelectMode.SelectRead)) WasiError.Throw(Errno.Again);
        return new SocketDescriptor(Socket.Accept(), listening: false, flags & FdFlags.NonBlock);
    }

    public int Receive(Span<byte> buffer, SocketFlags flags)
    {
        if (IsListening) WasiError.Throw(Errno.NotConnected);
        Socket.Blocking = (Flags & FdFlags.NonBlock) == 0;
        return Socket.Receive(buffer, flags);
    }

    public int Send(ReadOnlySpan<byte> data)
    {
        if (IsListening) WasiError.Throw(Errno.NotConnected);
        Socket.Blocking = (Flags & FdFlags.NonBlock) == 0;
        return Socket.Send(data);
    }

    public void Shutdown(SocketShutdown how)
    {
        if (IsListening) WasiError.Throw(Errno.NotConnected);
        Socket.Shutdown(how);
    }

    public override int Read(Span<byte> buffer) => buffer.IsEmpty ? 0 : Receive(buffer, SocketFlags.None);

    public override int Write(ReadOnlySpan<byte> data) => Send(data);

    public override FileStat Stat() => FileStat.ForStream(FileType.SocketStream);

    public override bool PollRead(out ulong available)
    {
        bool ready = Socket.Poll(0, SelectMode.SelectRead);
        available = ready && !IsListening ? (ulong)Math.Max(0, Socket.Available) : 0;
        return ready;
    }

    public override bool PollWrite() => !IsListening && Socket.Poll(0, SelectMode.SelectWrite);

    public override void Dispose() => Socket.Dispose();
}
