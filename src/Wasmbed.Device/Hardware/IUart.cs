namespace Wasmbed.Device.Hardware;

/// <summary>A serial port.</summary>
public interface IUart
{
    /// <summary>Sets the baud rate (8 data bits, no parity, 1 stop bit).</summary>
    DeviceError Configure(int baudRate);

    /// <summary>Queues <paramref name="data"/> for sending; <paramref name="written"/> is how much was accepted.</summary>
    DeviceError Write(ReadOnlySpan<byte> data, out int written);

    /// <summary>
    /// Reads what has arrived, waiting up to <paramref name="timeoutNanoseconds"/> for the first byte;
    /// <paramref name="read"/> is 0 when nothing came.
    /// </summary>
    DeviceError Read(Span<byte> destination, long timeoutNanoseconds, out int read);
}
