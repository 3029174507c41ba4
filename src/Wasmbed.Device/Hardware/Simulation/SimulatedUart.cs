namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// A simulated serial port with TX wired to RX (loopback): what is written can be read back. Bytes can also be
/// fed in from outside (<see cref="Inject"/>) and what was sent observed (<see cref="Sent"/>). A read with
/// nothing to read advances simulated time by its timeout.
/// </summary>
public sealed class SimulatedUart(SimulatedClock clock, int capacity = 4096) : IUart
{
    private readonly Queue<byte> _received = new(capacity);
    private readonly List<byte> _sent = [];
    private readonly Lock _lock = new();

    public int BaudRate { get; private set; } = 115_200;

    /// <summary>When true (default) written bytes come back on RX.</summary>
    public bool Loopback { get; set; } = true;

    /// <summary>Everything written so far.</summary>
    public byte[] Sent
    {
        get { lock (_lock) return [.. _sent]; }
    }

    /// <summary>Makes <paramref name="data"/> arrive on RX.</summary>
    public void Inject(ReadOnlySpan<byte> data)
    {
        lock (_lock) Receive(data);
    }

    public DeviceError Configure(int baudRate)
    {
        if (baudRate <= 0) return DeviceError.InvalidArgument;
        BaudRate = baudRate;
        return DeviceError.None;
    }

    public DeviceError Write(ReadOnlySpan<byte> data, out int written)
    {
        lock (_lock)
        {
            foreach (byte b in data) _sent.Add(b);
            if (Loopback) Receive(data);
            written = data.Length;
            return DeviceError.None;
        }
    }

    public DeviceError Read(Span<byte> destination, long timeoutNanoseconds, out int read)
    {
        lock (_lock)
        {
            read = 0;
            while (read < destination.Length && _received.TryDequeue(out byte b)) destination[read++] = b;
        }
        if (read == 0 && destination.Length > 0) clock.Advance(Math.Max(0, timeoutNanoseconds));
        return DeviceError.None;
    }

    private void Receive(ReadOnlySpan<byte> data)
    {
        foreach (byte b in data)
            if (_received.Count < capacity) _received.Enqueue(b); // a full FIFO drops, as a UART overrun does
    }
}
