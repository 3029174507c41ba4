using System.Runtime.InteropServices;

namespace Wasmbed.Wasi;

/// <summary>
/// The process's own standard input, output or error for a guest that was given no streams of its own: plain
/// <c>read</c>/<c>write</c> on file descriptor 0, 1 or 2, as Console's streams do on Linux too. Console's streams
/// initialize System.Console at their first write (the terminal's encoding, <see cref="Console.Out"/>), about 7 ms of
/// every <c>wasmbed run</c> that prints something; this stream costs nothing up front. Other systems keep Console's.
/// </summary>
internal sealed unsafe class ProcessStdioStream : Stream
{
    private readonly int _fd;

    private ProcessStdioStream(int fd) => _fd = fd;

    public static Stream Stdin() => OperatingSystem.IsLinux() ? new ProcessStdioStream(0) : Console.OpenStandardInput();

    public static Stream Stdout() => OperatingSystem.IsLinux() ? new ProcessStdioStream(1) : Console.OpenStandardOutput();

    public static Stream Stderr() => OperatingSystem.IsLinux() ? new ProcessStdioStream(2) : Console.OpenStandardError();

    public override bool CanRead => _fd == 0;

    public override bool CanWrite => _fd != 0;

    public override bool CanSeek => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            while (true)
            {
                nint read = LinuxNative.Read(_fd, start, (nuint)buffer.Length);
                if (read >= 0) return (int)read;
                if (!Retry(LinuxNative.PollIn)) LinuxNative.ThrowLastError();
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        fixed (byte* start = buffer)
        {
            int done = 0;
            while (done < buffer.Length)
            {
                nint written = LinuxNative.Write(_fd, start + done, (nuint)(buffer.Length - done));
                if (written >= 0) done += (int)written;
                // The reader has gone (a pipe into `head`): the output is dropped, as Console's streams drop it.
                else if (Marshal.GetLastPInvokeError() == LinuxNative.Epipe) return;
                else if (!Retry(LinuxNative.PollOut)) LinuxNative.ThrowLastError();
            }
        }
    }

    /// <summary>
    /// Whether the failed call should be made again: it was interrupted by a signal, or the descriptor is non-blocking
    /// (set so by whoever shares it) and not ready yet, in which case this waits until it is.
    /// </summary>
    private bool Retry(short readiness)
    {
        int error = Marshal.GetLastPInvokeError();
        if (error == LinuxNative.Eintr) return true;
        if (error != LinuxNative.Eagain) return false;
        var poll = new LinuxNative.PollFd { Fd = _fd, Events = readiness };
        LinuxNative.Poll(&poll, 1, -1);
        return true;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
