namespace Wasmbed.Device.HostApi;

/// <summary>
/// The bounds the host APIs hold guests to, in one place. Waits and sleeps longer than the bounds are cut to them
/// (so an app cannot stall its thread for long); buffers longer than the bounds are refused with
/// <see cref="DeviceError.TooLong"/> or <see cref="DeviceError.MessageTooLong"/>.
/// </summary>
public sealed class DeviceHostOptions
{
    /// <summary>The longest one <c>system.sleep_ms</c> sleeps.</summary>
    public int MaxSleepMilliseconds { get; init; } = 1_000;

    /// <summary>The longest one wait (gpio edge, uart read, net receive) waits.</summary>
    public int MaxWaitMilliseconds { get; init; } = 10_000;

    /// <summary>Longer log messages are cut to this many bytes (and end with "…").</summary>
    public int MaxLogMessageBytes { get; init; } = 1_024;

    public int MaxKeyLength { get; init; } = 256;

    public int MaxValueLength { get; init; } = 64 * 1024;

    /// <summary>The longest I2C, SPI or UART transfer.</summary>
    public int MaxTransferLength { get; init; } = 4_096;

    /// <summary>The largest datagram sent or received.</summary>
    public int MaxDatagramLength { get; init; } = 65_507;

    /// <summary>How many sockets one app may have open.</summary>
    public int MaxOpenSockets { get; init; } = 8;
}
