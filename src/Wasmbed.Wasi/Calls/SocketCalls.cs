using System.Net.Sockets;

namespace Wasmbed.Wasi;

/// <summary>
/// <c>sock_accept</c>, <c>sock_recv</c>, <c>sock_send</c>, <c>sock_shutdown</c> on the listening sockets the embedder
/// preopened and the connections accepted from them. The guest cannot create, bind or connect sockets itself.
/// </summary>
internal static class SocketCalls
{
    public static void Accept(WasiContext context, GuestMemory memory, int fd, uint flags, uint resultPointer)
    {
        var listener = context.Descriptors.Get<SocketDescriptor>(fd, Rights.SockAccept, Errno.NotSocket);
        if ((flags & ~(uint)FdFlags.NonBlock) != 0) WasiError.Throw(Errno.Invalid);
        memory.Slice(resultPointer, 4);
        var connection = listener.Accept((FdFlags)flags);
        memory.WriteUInt32(resultPointer, (uint)context.Descriptors.Add(connection));
    }

    /// <summary>ro_flags is always 0: stream sockets never truncate a message.</summary>
    public static void Receive(WasiContext context, GuestMemory memory, int fd, uint vectors, uint vectorCount, uint flags,
        uint lengthPointer, uint flagsPointer)
    {
        var socket = context.Descriptors.Get<SocketDescriptor>(fd, Rights.FdRead, Errno.NotSocket);
        if ((flags & ~(uint)(ReceiveFlags.Peek | ReceiveFlags.WaitAll)) != 0) WasiError.Throw(Errno.Invalid);
        var buffers = memory.ReadIoVectors(vectors, vectorCount);
        memory.Slice(lengthPointer, 4);
        memory.Slice(flagsPointer, 2);
        var socketFlags = (flags & (uint)ReceiveFlags.Peek) != 0 ? SocketFlags.Peek : SocketFlags.None;
        bool waitAll = (flags & (uint)ReceiveFlags.WaitAll) != 0 && socketFlags == SocketFlags.None;
        uint total = 0;
        foreach (var (pointer, length) in buffers)
        {
            var buffer = memory.Slice(pointer, length);
            int filled = 0;
            do
            {
                int count = buffer.Length == 0 ? 0 : socket.Receive(buffer[filled..], socketFlags);
                if (count == 0) break;
                filled += count;
            }
            while (waitAll && filled < buffer.Length);
            total += (uint)filled;
            if (filled < buffer.Length || socketFlags == SocketFlags.Peek) break;
        }
        memory.WriteUInt32(lengthPointer, total);
        memory.WriteUInt16(flagsPointer, 0);
    }

    public static void Send(WasiContext context, GuestMemory memory, int fd, uint vectors, uint vectorCount, uint flags, uint lengthPointer)
    {
        var socket = context.Descriptors.Get<SocketDescriptor>(fd, Rights.FdWrite, Errno.NotSocket);
        var buffers = memory.ReadIoVectors(vectors, vectorCount);
        memory.Slice(lengthPointer, 4);
        uint total = 0;
        foreach (var (pointer, length) in buffers)
        {
            int count = socket.Send(memory.Slice(pointer, length));
            total += (uint)count;
            if (count < length) break;
        }
        memory.WriteUInt32(lengthPointer, total);
    }

    public static void Shutdown(WasiContext context, int fd, uint how)
    {
        var socket = context.Descriptors.Get<SocketDescriptor>(fd, Rights.SockShutdown, Errno.NotSocket);
        var direction = (ShutdownFlags)how switch
        {
            ShutdownFlags.Read => SocketShutdown.Receive,
            ShutdownFlags.Write => SocketShutdown.Send,
            ShutdownFlags.Read | ShutdownFlags.Write => SocketShutdown.Both,
            _ => WasiError.Throw<SocketShutdown>(Errno.Invalid),
        };
        socket.Shutdown(direction);
    }
}
