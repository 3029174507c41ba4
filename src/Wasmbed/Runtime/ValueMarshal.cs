using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

/// <summary>
/// Moves the CLR types allowed in typed host functions and typed calls (int, uint, long, ulong, float, double,
/// <see cref="V128"/>) in and out of slots. The <c>typeof(T) == typeof(...)</c> tests are constants for each
/// instantiation, so the JIT (and AOT) keep only one branch and nothing is boxed.
/// </summary>
internal static class ValueMarshal
{
    /// <summary>The WebAssembly type a CLR type stands for, or null if it cannot cross the boundary.</summary>
    public static ValueType? TypeOf(Type type) =>
        type == typeof(int) || type == typeof(uint) ? ValueType.I32 :
        type == typeof(long) || type == typeof(ulong) ? ValueType.I64 :
        type == typeof(float) ? ValueType.F32 :
        type == typeof(double) ? ValueType.F64 :
        type == typeof(V128) ? ValueType.V128 :
        null;

    public static ValueType TypeOf<T>() =>
        TypeOf(typeof(T)) ?? throw new NotSupportedException(
            $"{typeof(T).Name} cannot cross the WebAssembly boundary; use int, uint, long, ulong, float, double or V128, or an untyped HostCallback");

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static T Read<T>(ReadOnlySpan<ulong> slots, ref int index)
    {
        if (typeof(T) == typeof(int)) { int v = (int)(uint)slots[index++]; return Unsafe.As<int, T>(ref v); }
        if (typeof(T) == typeof(uint)) { uint v = (uint)slots[index++]; return Unsafe.As<uint, T>(ref v); }
        if (typeof(T) == typeof(long)) { long v = (long)slots[index++]; return Unsafe.As<long, T>(ref v); }
        if (typeof(T) == typeof(ulong)) { ulong v = slots[index++]; return Unsafe.As<ulong, T>(ref v); }
        if (typeof(T) == typeof(float)) { float v = BitConverter.UInt32BitsToSingle((uint)slots[index++]); return Unsafe.As<float, T>(ref v); }
        if (typeof(T) == typeof(double)) { double v = BitConverter.UInt64BitsToDouble(slots[index++]); return Unsafe.As<double, T>(ref v); }
        if (typeof(T) == typeof(V128))
        {
            var v = new V128(slots[index], slots[index + 1]);
            index += 2;
            return Unsafe.As<V128, T>(ref v);
        }
        throw new NotSupportedException(typeof(T).Name);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Write<T>(Span<ulong> slots, ref int index, T value)
    {
        if (typeof(T) == typeof(int)) slots[index++] = (uint)Unsafe.As<T, int>(ref value);
        else if (typeof(T) == typeof(uint)) slots[index++] = Unsafe.As<T, uint>(ref value);
        else if (typeof(T) == typeof(long)) slots[index++] = (ulong)Unsafe.As<T, long>(ref value);
        else if (typeof(T) == typeof(ulong)) slots[index++] = Unsafe.As<T, ulong>(ref value);
        else if (typeof(T) == typeof(float)) slots[index++] = BitConverter.SingleToUInt32Bits(Unsafe.As<T, float>(ref value));
        else if (typeof(T) == typeof(double)) slots[index++] = BitConverter.DoubleToUInt64Bits(Unsafe.As<T, double>(ref value));
        else if (typeof(T) == typeof(V128))
        {
            var v = Unsafe.As<T, V128>(ref value);
            slots[index] = v.Low;
            slots[index + 1] = v.High;
            index += 2;
        }
        else throw new NotSupportedException(typeof(T).Name);
    }
}
