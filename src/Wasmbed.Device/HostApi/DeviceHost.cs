using Wasmbed.Device.Capabilities;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// The entry point of the device host API: defines in a <see cref="Linker"/> the functions of the APIs the context
/// grants (<c>wasmbed:system/1</c>, <c>wasmbed:sensor/1</c>…), bound to that context. APIs not granted are not
/// defined, so a module importing them fails to link even without the capability checker; resources (pins, bus
/// addresses, endpoints, sensors) are checked on every call.
/// </summary>
/// <remarks>
/// Every function returns an i32 (or i64 for clocks): ≥ 0 on success, <c>-</c><see cref="DeviceError"/> on failure.
/// Pointers and lengths are checked against the calling instance's memory 0; a bad one is
/// <see cref="DeviceError.Fault"/>, never a trap. Hot calls (sensor.read, gpio.*, kv.get of a value that fits)
/// do not allocate.
/// </remarks>
public static class DeviceHost
{
    /// <summary>Defines the granted host APIs of <paramref name="context"/> in <paramref name="linker"/>.</summary>
    /// <exception cref="InvalidOperationException">A function is already defined in the linker (and shadowing is off).</exception>
    public static Linker Define(Linker linker, DeviceContext context)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(context);
        var granted = context.Granted;
        if (granted.HasApi(HostApiNames.System)) SystemApi.Define(linker, context);
        if (granted.HasApi(HostApiNames.Sensor)) SensorApi.Define(linker, context);
        if (granted.HasApi(HostApiNames.Gpio)) GpioApi.Define(linker, context);
        BusApis.Define(linker, context);
        if (granted.HasApi(HostApiNames.Net)) NetApi.Define(linker, context);
        if (granted.HasApi(HostApiNames.Kv)) KvApi.Define(linker, context);
        return linker;
    }
}
