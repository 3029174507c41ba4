using System.Buffers.Binary;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// Checked access to the calling guest's linear memory. A pointer and length from a guest are unsigned 32-bit
/// values; a range that does not lie wholly inside memory 0 (or a guest without memory) is refused, and the host
/// function returns <see cref="DeviceError.Fault"/> — the guest gets an error code, never the host a fault.
/// </summary>
internal static class GuestMemory
{
    /// <summary>The guest bytes at [<paramref name="pointer"/>, +<paramref name="length"/>), or false when out of bounds.</summary>
    public static bool TryGetSpan(in Caller caller, int pointer, int length, out Span<byte> span)
    {
        span = default;
        if (caller.Memory is not { } memory) return false;
        var bytes = memory.GetSpan();
        // Guests pass u32 values in i32s: compare as unsigned 64-bit so no sum can wrap.
        if ((ulong)(uint)pointer + (uint)length > (ulong)bytes.Length) return false;
        span = bytes.Slice(pointer, length);
        return true;
    }

    /// <summary>Checks that <paramref name="length"/> bytes at <paramref name="pointer"/> lie inside memory.</summary>
    public static bool IsValid(in Caller caller, int pointer, int length) => TryGetSpan(caller, pointer, length, out _);

    public static bool TryWriteInt32(in Caller caller, int pointer, int value)
    {
        if (!TryGetSpan(caller, pointer, 4, out var span)) return false;
        BinaryPrimitives.WriteInt32LittleEndian(span, value);
        return true;
    }

    public static bool TryWriteInt64(in Caller caller, int pointer, long value)
    {
        if (!TryGetSpan(caller, pointer, 8, out var span)) return false;
        BinaryPrimitives.WriteInt64LittleEndian(span, value);
        return true;
    }

    public static bool TryWriteDouble(in Caller caller, int pointer, double value)
    {
        if (!TryGetSpan(caller, pointer, 8, out var span)) return false;
        BinaryPrimitives.WriteDoubleLittleEndian(span, value);
        return true;
    }

    /// <summary>
    /// The ABI's rule for variable-length results: the full length is returned, and the bytes are written only when
    /// they fit whole in the guest's buffer of <paramref name="capacity"/> bytes. The buffer must be valid either way.
    /// </summary>
    public static int WriteResult(in Caller caller, int pointer, int capacity, ReadOnlySpan<byte> value)
    {
        if (capacity < 0 || !TryGetSpan(caller, pointer, capacity, out var destination)) return Status.Fail(DeviceError.Fault);
        if (value.Length <= destination.Length) value.CopyTo(destination);
        return value.Length;
    }
}

/// <summary>Return-code helpers: success is ≥ 0, failure is the negated <see cref="DeviceError"/>.</summary>
internal static class Status
{
    public static int Fail(DeviceError error) => -(int)error;

    public static int Of(DeviceError error) => -(int)error;
}
