using System.Globalization;

namespace Wasmbed.Device.Hardware.Linux;

/// <summary>
/// Real GPIO through the Linux sysfs interface (<c>/sys/class/gpio</c>: export, direction, value). Pin n of this
/// controller is kernel GPIO <c>base + n</c>. Deprecated by the kernel in favour of the GPIO character device
/// (whose v2 ioctls this backend does not implement), but still present on many boards.
/// </summary>
/// <remarks>
/// Edge waits sample the value file every millisecond up to the timeout (sysfs edge interrupts through
/// <c>poll(POLLPRI)</c> are not used), so very short pulses can be missed. Pull-up/down cannot be set through
/// sysfs: those modes configure a plain input.
/// </remarks>
public sealed class SysfsGpioController : IGpioController
{
    private readonly string _root;
    private readonly int _base;
    private readonly IClock _clock;
    private readonly bool[] _lastLevel;

    /// <param name="pinCount">Pins of this controller.</param>
    /// <param name="gpioBase">Kernel GPIO number of pin 0 (see /sys/class/gpio/gpiochipN/base).</param>
    /// <param name="root">The sysfs GPIO directory (a different one for tests).</param>
    /// <param name="clock">Time for edge waits; real time by default.</param>
    public SysfsGpioController(int pinCount, int gpioBase = 0, string root = "/sys/class/gpio", IClock? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        PinCount = pinCount;
        _base = gpioBase;
        _root = root;
        _clock = clock ?? SystemClock.Instance;
        _lastLevel = new bool[pinCount];
    }

    public int PinCount { get; }

    /// <summary>True when the sysfs GPIO directory exists (it does not on machines without GPIO or without sysfs GPIO).</summary>
    public bool IsPresent => File.Exists(Path.Combine(_root, "export"));

    public DeviceError Configure(int pin, PinMode mode)
    {
        if ((uint)pin >= (uint)PinCount) return DeviceError.InvalidArgument;
        if (!IsPresent) return DeviceError.NoDevice;
        return Try(() =>
        {
            string directory = PinDirectory(pin);
            if (!Directory.Exists(directory)) File.WriteAllText(Path.Combine(_root, "export"), Number(pin));
            File.WriteAllText(Path.Combine(directory, "direction"), mode == PinMode.Output ? "out" : "in");
            var result = Read(pin, out bool high);
            _lastLevel[pin] = high;
            return result;
        });
    }

    public DeviceError Read(int pin, out bool high)
    {
        high = false;
        if ((uint)pin >= (uint)PinCount) return DeviceError.InvalidArgument;
        bool level = false;
        var result = Try(() =>
        {
            level = File.ReadAllText(Path.Combine(PinDirectory(pin), "value")).Trim() == "1";
            return DeviceError.None;
        });
        high = level;
        return result;
    }

    public DeviceError Write(int pin, bool high)
    {
        if ((uint)pin >= (uint)PinCount) return DeviceError.InvalidArgument;
        return Try(() =>
        {
            string directory = PinDirectory(pin);
            if (File.ReadAllText(Path.Combine(directory, "direction")).Trim() != "out") return DeviceError.NotPermitted;
            File.WriteAllText(Path.Combine(directory, "value"), high ? "1" : "0");
            return DeviceError.None;
        });
    }

    public DeviceError WaitForEdge(int pin, PinEdge edges, long timeoutNanoseconds, out PinEdge edge)
    {
        edge = PinEdge.None;
        if ((uint)pin >= (uint)PinCount || edges == PinEdge.None) return DeviceError.InvalidArgument;
        long deadline = _clock.MonotonicNanoseconds + Math.Max(0, timeoutNanoseconds);
        while (true)
        {
            var result = Read(pin, out bool high);
            if (result != DeviceError.None) return result;
            if (high != _lastLevel[pin])
            {
                _lastLevel[pin] = high;
                var seen = high ? PinEdge.Rising : PinEdge.Falling;
                if ((seen & edges) != 0)
                {
                    edge = seen;
                    return DeviceError.None;
                }
            }
            if (_clock.MonotonicNanoseconds >= deadline) return DeviceError.TimedOut;
            _clock.Sleep(1_000_000);
        }
    }

    private string PinDirectory(int pin) => Path.Combine(_root, "gpio" + Number(pin));

    private string Number(int pin) => (_base + pin).ToString(CultureInfo.InvariantCulture);

    private static DeviceError Try(Func<DeviceError> action)
    {
        try
        {
            return action();
        }
        catch (FileNotFoundException) { return DeviceError.NoDevice; }
        catch (DirectoryNotFoundException) { return DeviceError.NoDevice; }
        catch (UnauthorizedAccessException) { return DeviceError.AccessDenied; }
        catch (IOException) { return DeviceError.IOError; }
    }
}
