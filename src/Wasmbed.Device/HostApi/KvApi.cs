using Wasmbed.Device.Capabilities;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// The <c>wasmbed:kv/1</c> functions over the app's <see cref="IKeyValueStore"/>. Keys are 1 to
/// <see cref="DeviceHostOptions.MaxKeyLength"/> bytes, values up to <see cref="DeviceHostOptions.MaxValueLength"/>.
/// </summary>
internal sealed class KvApi(DeviceContext context)
{
    public static void Define(Linker linker, DeviceContext context)
    {
        var api = new KvApi(context);
        string m = HostApiNames.ImportModule(HostApiNames.Kv);
        linker.Define<int, int, int, int, int>(m, "get", api.Get);
        linker.Define<int, int, int, int, int>(m, "set", api.Set);
        linker.Define<int, int, int>(m, "delete", api.Delete);
    }

    private int Get(Caller caller, int keyPointer, int keyLength, int pointer, int capacity)
    {
        if (!TryGetKey(caller, keyPointer, keyLength, out var store, out var key, out int error)) return error;
        if (capacity < 0) return Status.Fail(DeviceError.InvalidArgument);
        if (!GuestMemory.TryGetSpan(caller, pointer, capacity, out var destination)) return Status.Fail(DeviceError.Fault);
        try
        {
            // The key and destination may overlap in guest memory; IKeyValueStore.Get finds the value before it copies.
            int length = store.Get(key, destination);
            return length < 0 ? Status.Fail(DeviceError.NotFound) : length;
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int Set(Caller caller, int keyPointer, int keyLength, int valuePointer, int valueLength)
    {
        if (!TryGetKey(caller, keyPointer, keyLength, out var store, out var key, out int error)) return error;
        if (valueLength < 0) return Status.Fail(DeviceError.InvalidArgument);
        if (valueLength > context.Options.MaxValueLength) return Status.Fail(DeviceError.TooLong);
        if (!GuestMemory.TryGetSpan(caller, valuePointer, valueLength, out var value)) return Status.Fail(DeviceError.Fault);
        try
        {
            return Status.Of(store.Set(key, value));
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private int Delete(Caller caller, int keyPointer, int keyLength)
    {
        if (!TryGetKey(caller, keyPointer, keyLength, out var store, out var key, out int error)) return error;
        try
        {
            return store.Delete(key) ? 0 : Status.Fail(DeviceError.NotFound);
        }
        catch (Exception)
        {
            return Status.Fail(DeviceError.IOError);
        }
    }

    private bool TryGetKey(in Caller caller, int pointer, int length, out IKeyValueStore store, out Span<byte> key, out int error)
    {
        store = context.KeyValueStore!;
        key = default;
        error = 0;
        if (store is null) error = Status.Fail(DeviceError.NotSupported);
        else if (length <= 0) error = Status.Fail(DeviceError.InvalidArgument);
        else if (length > context.Options.MaxKeyLength) error = Status.Fail(DeviceError.TooLong);
        else if (!GuestMemory.TryGetSpan(caller, pointer, length, out key)) error = Status.Fail(DeviceError.Fault);
        return error == 0;
    }
}
