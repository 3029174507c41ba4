namespace Wasmbed.Device;

/// <summary>
/// The error codes of the device host API. A host function returns <c>-(int)error</c>; the numbers follow
/// Linux errno so they read familiarly, and include/wasmbed/device.h defines them as <c>WB_E…</c>
/// (a test keeps the two in step). Hardware backends return them too, so a bus NACK is not an exception.
/// </summary>
public enum DeviceError
{
    /// <summary>Success.</summary>
    None = 0,
    /// <summary>The operation is not permitted in the current state (e.g. writing a pin configured as input).</summary>
    NotPermitted = 1,
    /// <summary>No such key, sensor or info item.</summary>
    NotFound = 2,
    /// <summary>The device reported an I/O error.</summary>
    IOError = 5,
    /// <summary>Nothing answered at that bus address (I2C NACK), or the device node is missing.</summary>
    NoDevice = 6,
    /// <summary>A bad handle (closed or never opened socket).</summary>
    BadHandle = 9,
    /// <summary>Try again: nothing available right now.</summary>
    Again = 11,
    /// <summary>The app was not granted this resource (pin, bus address, endpoint, sensor).</summary>
    AccessDenied = 13,
    /// <summary>A pointer and length do not lie inside the guest's memory (or the guest has no memory).</summary>
    Fault = 14,
    /// <summary>The resource is in use.</summary>
    Busy = 16,
    /// <summary>An argument is out of range (bad pin mode, negative length, malformed endpoint...).</summary>
    InvalidArgument = 22,
    /// <summary>No space left: the key-value store is full, or too many open handles.</summary>
    NoSpace = 28,
    /// <summary>A key, value, name or message is longer than the host accepts.</summary>
    TooLong = 36,
    /// <summary>The host function or the hardware feature is not available on this device.</summary>
    NotSupported = 95,
    /// <summary>A datagram is larger than the network accepts.</summary>
    MessageTooLong = 90,
    /// <summary>The wait ended without the awaited event.</summary>
    TimedOut = 110,
    /// <summary>The peer's host cannot be reached or resolved.</summary>
    HostUnreachable = 113,
}
