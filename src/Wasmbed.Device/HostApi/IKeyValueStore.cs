namespace Wasmbed.Device.HostApi;

/// <summary>
/// One app's persistent key-value storage, behind the <c>kv</c> host API. Keys and values are bytes; the host
/// API has already checked them against <see cref="DeviceHostOptions.MaxKeyLength"/> and
/// <see cref="DeviceHostOptions.MaxValueLength"/> (keys are never empty), so an implementation need not.
/// </summary>
/// <remarks>
/// <para>Each call stands alone and is atomic: after <see cref="Set"/> returns, a reader sees the whole new value or,
/// if the device loses power before it is durable, the whole old one — never a mixture. How durable and when
/// is the implementation's business (the app manager's store writes through a journal; <see cref="InMemoryKeyValueStore"/>
/// keeps nothing).</para>
/// <para>Calls come from the thread running the app's WebAssembly; an implementation shared by several apps must lock.
/// The <c>kv.get</c> of a small value should not allocate: copy straight into <c>destination</c>.</para>
/// <para>Expected failures are return values: <see cref="DeviceError.NoSpace"/> when a quota is exhausted.
/// An exception from an implementation becomes <see cref="DeviceError.IOError"/> for the guest.</para>
/// </remarks>
public interface IKeyValueStore
{
    /// <summary>
    /// Looks up <paramref name="key"/>. Returns the length of its value, or -1 when the key is absent. The value is
    /// copied into <paramref name="destination"/> only when it fits whole (length ≤ destination.Length); otherwise
    /// nothing is written, and the caller can ask again with a larger buffer.
    /// </summary>
    int Get(ReadOnlySpan<byte> key, Span<byte> destination);

    /// <summary>Stores <paramref name="value"/> under <paramref name="key"/>, replacing any earlier value.</summary>
    /// <returns><see cref="DeviceError.None"/>, or <see cref="DeviceError.NoSpace"/> when the store's quota would be exceeded.</returns>
    DeviceError Set(ReadOnlySpan<byte> key, ReadOnlySpan<byte> value);

    /// <summary>Removes <paramref name="key"/>; returns false when it was absent.</summary>
    bool Delete(ReadOnlySpan<byte> key);
}
