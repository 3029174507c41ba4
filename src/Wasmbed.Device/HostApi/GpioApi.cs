using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;

namespace Wasmbed.Device.HostApi;

/// <summary>The <c>wasmbed:gpio/1</c> functions. Every call checks the pin against the app's grant first.</summary>
internal sealed class GpioApi(DeviceContext context)
{
    private const long NanosecondsPerMillisecond = 1_000_000;

    public static void Define(Linker linker, DeviceContext context)
    {
        var api = new GpioApi(context);
        string m = HostApiNames.ImportModule(HostApiNames.Gpio);
        linker.Define(m, "pin_count", () => context.Hardware.Gpio?.PinCount ?? 0);
        linker.Define<int, int, int>(m, "configure", api.Configure);
        linker.Define<int, int>(m, "read", api.Read);
        linker.Define<int, int, int>(m, "write", api.Write);
        linker.Define<int, int, int, int>(m, "wait_edge", api.WaitEdge);
    }

    private int Configure(int pin, int mode)
    {
        if (!TryGetController(pin, out var gpio, out int error)) return error;
        if (mode is < (int)PinMode.Input or > (int)PinMode.InputPullDown) return Status.Fail(DeviceError.InvalidArgument);
        try
        {
            return Status.Of(gpio.Configure(pin, (PinMode)mode));
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int Read(int pin)
    {
        if (!TryGetController(pin, out var gpio, out int error)) return error;
        try
        {
            var result = gpio.Read(pin, out bool high);
            return result == DeviceError.None ? (high ? 1 : 0) : Status.Fail(result);
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int Write(int pin, int level)
    {
        if (!TryGetController(pin, out var gpio, out int error)) return error;
        try
        {
            return Status.Of(gpio.Write(pin, level != 0));
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int WaitEdge(int pin, int edges, int timeoutMilliseconds)
    {
        if (!TryGetController(pin, out var gpio, out int error)) return error;
        if (edges is < (int)PinEdge.Rising or > (int)PinEdge.Both || timeoutMilliseconds < 0)
            return Status.Fail(DeviceError.InvalidArgument);
        long timeout = Math.Min(timeoutMilliseconds, context.Options.MaxWaitMilliseconds) * NanosecondsPerMillisecond;
        try
        {
            var result = gpio.WaitForEdge(pin, (PinEdge)edges, timeout, out var edge);
            return result == DeviceError.None ? (int)edge : Status.Fail(result);
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private bool TryGetController(int pin, out IGpioController gpio, out int error)
    {
        gpio = null!;
        error = 0;
        if (!context.Granted.AllowsPin(pin)) error = Status.Fail(DeviceError.AccessDenied);
        else if (context.Hardware.Gpio is not { } controller) error = Status.Fail(DeviceError.NotSupported);
        else if ((uint)pin >= (uint)controller.PinCount) error = Status.Fail(DeviceError.InvalidArgument);
        else gpio = controller;
        return error == 0;
    }
}
