namespace Wasmbed.Device.Hardware;

/// <summary>How a pin is used. The numbers are part of the guest ABI (<c>WB_GPIO_…</c> in device.h).</summary>
public enum PinMode
{
    Input = 0,
    Output = 1,
    InputPullUp = 2,
    InputPullDown = 3,
}

/// <summary>Signal edges a wait can ask for; the numbers are part of the guest ABI.</summary>
[Flags]
public enum PinEdge
{
    None = 0,
    Rising = 1,
    Falling = 2,
    Both = Rising | Falling,
}

/// <summary>General-purpose I/O pins, numbered from 0 on one controller.</summary>
public interface IGpioController
{
    /// <summary>Pins are numbered 0 to PinCount - 1.</summary>
    int PinCount { get; }

    DeviceError Configure(int pin, PinMode mode);

    /// <summary>Reads the pin's level (an output reads back what it drives).</summary>
    DeviceError Read(int pin, out bool high);

    /// <summary>Drives an output pin; <see cref="DeviceError.NotPermitted"/> for a pin not configured as output.</summary>
    DeviceError Write(int pin, bool high);

    /// <summary>
    /// Waits up to <paramref name="timeoutNanoseconds"/> for an edge in <paramref name="edges"/> on an input pin;
    /// <see cref="DeviceError.TimedOut"/> when none came. <paramref name="edge"/> says which edge it was.
    /// </summary>
    DeviceError WaitForEdge(int pin, PinEdge edges, long timeoutNanoseconds, out PinEdge edge);
}
