using Wasmbed.Device.Capabilities;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// Every function of the device host ABI with its WebAssembly signature: the list the capability checker holds
/// imports against, and that docs/host-api.md and include/wasmbed/device.h describe. A test checks that
/// <see cref="DeviceHost.Define"/> defines exactly these, with these types.
/// </summary>
public static class HostApiCatalog
{
    // Signatures as "params>results", one letter a value: i = i32, I = i64, f = f32, F = f64.
    private static readonly (string Api, string Name, string Signature)[] Entries =
    [
        (HostApiNames.System, "abi_version", ">i"),
        (HostApiNames.System, "log", "iii>i"),
        (HostApiNames.System, "monotonic_ns", ">I"),
        (HostApiNames.System, "wall_time_ns", ">I"),
        (HostApiNames.System, "sleep_ms", "i>i"),
        (HostApiNames.System, "yield", ">i"),
        (HostApiNames.System, "device_info", "iiii>i"),

        (HostApiNames.Sensor, "count", ">i"),
        (HostApiNames.Sensor, "info", "ii>i"),
        (HostApiNames.Sensor, "name", "iii>i"),
        (HostApiNames.Sensor, "find", "ii>i"),
        (HostApiNames.Sensor, "read", "iii>i"),
        (HostApiNames.Sensor, "read_channels", "iiii>i"),

        (HostApiNames.Gpio, "pin_count", ">i"),
        (HostApiNames.Gpio, "configure", "ii>i"),
        (HostApiNames.Gpio, "read", "i>i"),
        (HostApiNames.Gpio, "write", "ii>i"),
        (HostApiNames.Gpio, "wait_edge", "iii>i"),

        (HostApiNames.I2c, "write", "iiii>i"),
        (HostApiNames.I2c, "read", "iiii>i"),
        (HostApiNames.I2c, "write_read", "iiiiii>i"),

        (HostApiNames.Spi, "configure", "iiii>i"),
        (HostApiNames.Spi, "transfer", "iiiii>i"),

        (HostApiNames.Uart, "configure", "ii>i"),
        (HostApiNames.Uart, "write", "iii>i"),
        (HostApiNames.Uart, "read", "iiii>i"),

        (HostApiNames.Net, "open", "i>i"),
        (HostApiNames.Net, "close", "i>i"),
        (HostApiNames.Net, "send", "iiiii>i"),
        (HostApiNames.Net, "recv", "iiiiiii>i"),

        (HostApiNames.Kv, "get", "iiii>i"),
        (HostApiNames.Kv, "set", "iiii>i"),
        (HostApiNames.Kv, "delete", "ii>i"),
    ];

    private static readonly Dictionary<(string Api, string Name), FunctionType> Types =
        Entries.ToDictionary(e => (e.Api, e.Name), e => ParseSignature(e.Signature));

    /// <summary>The functions of every API: (API, function name, type).</summary>
    public static IEnumerable<(string Api, string Name, FunctionType Type)> Functions =>
        Entries.Select(e => (e.Api, e.Name, Types[(e.Api, e.Name)]));

    /// <summary>The type of <paramref name="api"/>.<paramref name="name"/>, or null when the ABI has no such function.</summary>
    public static FunctionType? TypeOf(string api, string name) => Types.GetValueOrDefault((api, name));

    private static FunctionType ParseSignature(string signature)
    {
        int arrow = signature.IndexOf('>');
        return new FunctionType(Letters(signature.AsSpan(0, arrow)), Letters(signature.AsSpan(arrow + 1)));

        static ValueType[] Letters(ReadOnlySpan<char> letters)
        {
            var types = new ValueType[letters.Length];
            for (int i = 0; i < letters.Length; i++)
                types[i] = letters[i] switch { 'i' => ValueType.I32, 'I' => ValueType.I64, 'f' => ValueType.F32, 'F' => ValueType.F64, _ => throw new InvalidOperationException() };
            return types;
        }
    }
}
