using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// The <c>wasmbed:i2c/1</c>, <c>wasmbed:spi/1</c> and <c>wasmbed:uart/1</c> functions: bytes to and from an addressed
/// device. Each call checks the bus and address (or chip select, or port) against the grant, the buffers against guest
/// memory, and the length against <see cref="DeviceHostOptions.MaxTransferLength"/>.
/// </summary>
internal sealed class BusApis(DeviceContext context)
{
    private const long NanosecondsPerMillisecond = 1_000_000;
    private byte[]? _scratch;

    public static void Define(Linker linker, DeviceContext context)
    {
        var api = new BusApis(context);
        var granted = context.Granted;
        if (granted.HasApi(HostApiNames.I2c))
        {
            string m = HostApiNames.ImportModule(HostApiNames.I2c);
            linker.Define<int, int, int, int, int>(m, "write", api.I2cWrite);
            linker.Define<int, int, int, int, int>(m, "read", api.I2cRead);
            linker.Define<int, int, int, int, int, int, int>(m, "write_read", api.I2cWriteRead);
        }
        if (granted.HasApi(HostApiNames.Spi))
        {
            string m = HostApiNames.ImportModule(HostApiNames.Spi);
            linker.Define<int, int, int, int, int>(m, "configure", api.SpiConfigure);
            linker.Define<int, int, int, int, int, int>(m, "transfer", api.SpiTransfer);
        }
        if (granted.HasApi(HostApiNames.Uart))
        {
            string m = HostApiNames.ImportModule(HostApiNames.Uart);
            linker.Define<int, int, int>(m, "configure", api.UartConfigure);
            linker.Define<int, int, int, int>(m, "write", api.UartWrite);
            linker.Define<int, int, int, int, int>(m, "read", api.UartRead);
        }
    }

    // ---- i2c ----

    private int I2cWrite(Caller caller, int bus, int address, int pointer, int length)
    {
        if (!TryGetI2c(bus, address, length, out var i2c, out int error)) return error;
        if (!GuestMemory.TryGetSpan(caller, pointer, length, out var data)) return Status.Fail(DeviceError.Fault);
        try { return Status.Of(i2c.Write(address, data)); }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private int I2cRead(Caller caller, int bus, int address, int pointer, int length)
    {
        if (!TryGetI2c(bus, address, length, out var i2c, out int error)) return error;
        if (!GuestMemory.TryGetSpan(caller, pointer, length, out var destination)) return Status.Fail(DeviceError.Fault);
        try { return Status.Of(i2c.Read(address, destination)); }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private int I2cWriteRead(Caller caller, int bus, int address, int writePointer, int writeLength, int readPointer, int readLength)
    {
        if (!TryGetI2c(bus, address, Math.Max(writeLength, readLength), out var i2c, out int error)) return error;
        if (writeLength < 0 || readLength < 0) return Status.Fail(DeviceError.InvalidArgument);
        if (!GuestMemory.TryGetSpan(caller, writePointer, writeLength, out var data)
            || !GuestMemory.TryGetSpan(caller, readPointer, readLength, out var destination))
            return Status.Fail(DeviceError.Fault);
        try { return Status.Of(i2c.WriteRead(address, data, destination)); }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private bool TryGetI2c(int bus, int address, int length, out II2cBus i2c, out int error)
    {
        i2c = null!;
        error = 0;
        if (!context.Granted.AllowsI2c(bus, address)) error = Status.Fail(DeviceError.AccessDenied);
        else if ((uint)address > 0x7F) error = Status.Fail(DeviceError.InvalidArgument);
        else if (length < 0) error = Status.Fail(DeviceError.InvalidArgument);
        else if (length > context.Options.MaxTransferLength) error = Status.Fail(DeviceError.TooLong);
        else if (!context.Hardware.I2cBuses.TryGetValue(bus, out var found)) error = Status.Fail(DeviceError.NoDevice);
        else i2c = found;
        return error == 0;
    }

    // ---- spi ----

    private int SpiConfigure(int bus, int chipSelect, int mode, int clockHz)
    {
        if (!TryGetSpi(bus, chipSelect, 0, out var spi, out int error)) return error;
        if ((uint)mode > 3 || clockHz <= 0) return Status.Fail(DeviceError.InvalidArgument);
        try { return Status.Of(spi.Configure(chipSelect, mode, clockHz)); }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private int SpiTransfer(Caller caller, int bus, int chipSelect, int transmitPointer, int receivePointer, int length)
    {
        if (!TryGetSpi(bus, chipSelect, length, out var spi, out int error)) return error;
        if (!GuestMemory.TryGetSpan(caller, transmitPointer, length, out var transmit)
            || !GuestMemory.TryGetSpan(caller, receivePointer, length, out var receive))
            return Status.Fail(DeviceError.Fault);
        // The guest may pass one buffer for both (or overlapping ones); the bus wants them apart, so copy the
        // outgoing bytes to a buffer kept for this app (no allocation per call).
        var outgoing = (_scratch ??= new byte[context.Options.MaxTransferLength]).AsSpan(0, length);
        transmit.CopyTo(outgoing);
        try { return Status.Of(spi.Transfer(chipSelect, outgoing, receive)); }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private bool TryGetSpi(int bus, int chipSelect, int length, out ISpiBus spi, out int error)
    {
        spi = null!;
        error = 0;
        if (!context.Granted.AllowsSpi(bus, chipSelect)) error = Status.Fail(DeviceError.AccessDenied);
        else if (length < 0) error = Status.Fail(DeviceError.InvalidArgument);
        else if (length > context.Options.MaxTransferLength) error = Status.Fail(DeviceError.TooLong);
        else if (!context.Hardware.SpiBuses.TryGetValue(bus, out var found)) error = Status.Fail(DeviceError.NoDevice);
        else spi = found;
        return error == 0;
    }

    // ---- uart ----

    private int UartConfigure(int port, int baudRate)
    {
        if (!TryGetUart(port, 0, out var uart, out int error)) return error;
        if (baudRate <= 0) return Status.Fail(DeviceError.InvalidArgument);
        try { return Status.Of(uart.Configure(baudRate)); }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private int UartWrite(Caller caller, int port, int pointer, int length)
    {
        if (!TryGetUart(port, length, out var uart, out int error)) return error;
        if (!GuestMemory.TryGetSpan(caller, pointer, length, out var data)) return Status.Fail(DeviceError.Fault);
        try
        {
            var result = uart.Write(data, out int written);
            return result == DeviceError.None ? written : Status.Fail(result);
        }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private int UartRead(Caller caller, int port, int pointer, int capacity, int timeoutMilliseconds)
    {
        if (timeoutMilliseconds < 0) return Status.Fail(DeviceError.InvalidArgument);
        if (!TryGetUart(port, capacity, out var uart, out int error)) return error;
        if (!GuestMemory.TryGetSpan(caller, pointer, capacity, out var destination)) return Status.Fail(DeviceError.Fault);
        long timeout = Math.Min(timeoutMilliseconds, context.Options.MaxWaitMilliseconds) * NanosecondsPerMillisecond;
        try
        {
            var result = uart.Read(destination, timeout, out int read);
            return result == DeviceError.None ? read : Status.Fail(result);
        }
        catch (Exception) { return Status.Fail(DeviceError.IOError); }
    }

    private bool TryGetUart(int port, int length, out IUart uart, out int error)
    {
        uart = null!;
        error = 0;
        if (!context.Granted.AllowsUart(port)) error = Status.Fail(DeviceError.AccessDenied);
        else if (length < 0) error = Status.Fail(DeviceError.InvalidArgument);
        else if (length > context.Options.MaxTransferLength) error = Status.Fail(DeviceError.TooLong);
        else if (!context.Hardware.Uarts.TryGetValue(port, out var found)) error = Status.Fail(DeviceError.NoDevice);
        else uart = found;
        return error == 0;
    }
}
