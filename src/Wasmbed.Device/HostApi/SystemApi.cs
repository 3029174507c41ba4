namespace Wasmbed.Device.HostApi;

/// <summary>The <c>wasmbed:system/1</c> functions: log, clocks, sleep, device info.</summary>
internal static class SystemApi
{
    public static void Define(Linker linker, DeviceContext context)
    {
        _ = linker;
        _ = context;
    }
}
