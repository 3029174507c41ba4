using System.Net.Sockets;

namespace Wasmbed.Wasi;

/// <summary>Turns the exceptions .NET raises for failed I/O into WASI errnos.</summary>
internal static class HostErrors
{
    /// <summary>The errno for <paramref name="exception"/>, or null when it is not an I/O failure (then it is a bug and propagates).</summary>
    public static Errno? ToErrno(Exception exception) => exception switch
    {
        WasiError error => error.Errno,
        FileNotFoundException or DirectoryNotFoundException => Errno.NoEntry,
        PathTooLongException => Errno.NameTooLong,
        UnauthorizedAccessException { InnerException: IOException inner } when OperatingSystem.IsLinux() && inner.HResult > 0 =>
            LinuxNative.ToWasi(inner.HResult),
        UnauthorizedAccessException => Errno.Access,
        SocketException socket => FromSocket(socket.SocketErrorCode),
        // On Unix, .NET puts the raw errno in HResult of the IOExceptions it has no special type for.
        IOException io when OperatingSystem.IsLinux() && io.HResult > 0 && io.HResult < 4096 => LinuxNative.ToWasi(io.HResult),
        IOException io when io.InnerException is SocketException socket => FromSocket(socket.SocketErrorCode),
        IOException => Errno.IO,
        ObjectDisposedException => Errno.BadFileDescriptor,
        NotSupportedException => Errno.NotSupported,
        _ => null,
    };

    private static Errno FromSocket(SocketError error) => error switch
    {
        SocketError.WouldBlock => Errno.Again,
        SocketError.ConnectionReset => Errno.ConnectionReset,
        SocketError.ConnectionAborted => Errno.ConnectionAborted,
        SocketError.ConnectionRefused => Errno.ConnectionRefused,
        SocketError.NotConnected => Errno.NotConnected,
        SocketError.Shutdown => Errno.BrokenPipe,
        SocketError.TimedOut => Errno.TimedOut,
        SocketError.Interrupted => Errno.Interrupted,
        SocketError.InvalidArgument => Errno.Invalid,
        SocketError.MessageSize => Errno.MessageSize,
        SocketError.NoBufferSpaceAvailable => Errno.NoBufferSpace,
        SocketError.OperationNotSupported => Errno.NotSupported,
        _ => Errno.IO,
    };
}
