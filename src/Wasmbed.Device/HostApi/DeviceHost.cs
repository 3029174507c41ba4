using Wasmbed.Device.Capabilities;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// The entry point of the device host API: defines in a <see cref="Linker"/> the functions of the APIs the context
/// grants (<c>wasmbed:system/1</c>, <c>wasmbed:sensor/1</c>…), bound to that context. APIs not granted are not
/// defined, so a module importing them fails to link even without the capability checker.
/// </summary>
public static class DeviceHost
{
    /// <summary>Defines the granted host APIs of <paramref name="context"/> in <paramref name="linker"/>.</summary>
    public static Linker Define(Linker linker, DeviceContext context)
    {
        ArgumentNullException.ThrowIfNull(linker);
        ArgumentNullException.ThrowIfNull(context);
        var granted = context.Granted;
        if (granted.HasApi(HostApiNames.System)) SystemApi.Define(linker, context);
        return linker;
    }
}
