using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// The value transforms of the SIMD memory instructions (spec 4.4.7 v128.loadNxM_sx, load_splat,
// load_zero, load_lane, store_lane). The caller does the bounds-checked memory access and passes
// the loaded bits (little-endian, as read from memory) or stores the returned ones.
public static partial class SimdOps
{
    /// <summary>v128.load8x8_s: 8 bytes, each sign-extended to an i16 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load8x8S(ulong bits) => V(Vector128.WidenLower(Vector128.CreateScalar(bits).AsSByte()));

    /// <summary>v128.load8x8_u: 8 bytes, each zero-extended to an i16 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load8x8U(ulong bits) => V(Vector128.WidenLower(Vector128.CreateScalar(bits).AsByte()));

    /// <summary>v128.load16x4_s: 4 i16 values, each sign-extended to an i32 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load16x4S(ulong bits) => V(Vector128.WidenLower(Vector128.CreateScalar(bits).AsInt16()));

    /// <summary>v128.load16x4_u: 4 i16 values, each zero-extended to an i32 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load16x4U(ulong bits) => V(Vector128.WidenLower(Vector128.CreateScalar(bits).AsUInt16()));

    /// <summary>v128.load32x2_s: 2 i32 values, each sign-extended to an i64 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load32x2S(ulong bits) => V(Vector128.WidenLower(Vector128.CreateScalar(bits).AsInt32()));

    /// <summary>v128.load32x2_u: 2 i32 values, each zero-extended to an i64 lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load32x2U(ulong bits) => V(Vector128.WidenLower(Vector128.CreateScalar(bits).AsUInt32()));

    /// <summary>v128.load8_splat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load8Splat(byte value) => V(Vector128.Create(value));

    /// <summary>v128.load16_splat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load16Splat(ushort value) => V(Vector128.Create(value));

    /// <summary>v128.load32_splat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load32Splat(uint value) => V(Vector128.Create(value));

    /// <summary>v128.load64_splat.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load64Splat(ulong value) => V(Vector128.Create(value));

    /// <summary>v128.load32_zero: the value in lane 0 of i32x4, zeros elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load32Zero(uint value) => V(Vector128.CreateScalar(value));

    /// <summary>v128.load64_zero: the value in lane 0 of i64x2, zeros elsewhere.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load64Zero(ulong value) => V(Vector128.CreateScalar(value));

    /// <summary>v128.load8_lane: <paramref name="v"/> with i8 lane <paramref name="lane"/> replaced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load8Lane(V128 v, int lane, byte value) => I8x16ReplaceLane(v, lane, value);

    /// <summary>v128.load16_lane: <paramref name="v"/> with i16 lane <paramref name="lane"/> replaced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load16Lane(V128 v, int lane, ushort value) => I16x8ReplaceLane(v, lane, value);

    /// <summary>v128.load32_lane: <paramref name="v"/> with i32 lane <paramref name="lane"/> replaced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load32Lane(V128 v, int lane, uint value) => I32x4ReplaceLane(v, lane, (int)value);

    /// <summary>v128.load64_lane: <paramref name="v"/> with i64 lane <paramref name="lane"/> replaced.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Load64Lane(V128 v, int lane, ulong value) => I64x2ReplaceLane(v, lane, (long)value);

    /// <summary>v128.store8_lane: the bits to store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte V128Store8Lane(V128 v, int lane) => (byte)I8x16ExtractLaneU(v, lane);

    /// <summary>v128.store16_lane: the bits to store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ushort V128Store16Lane(V128 v, int lane) => (ushort)I16x8ExtractLaneU(v, lane);

    /// <summary>v128.store32_lane: the bits to store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint V128Store32Lane(V128 v, int lane) => (uint)I32x4ExtractLane(v, lane);

    /// <summary>v128.store64_lane: the bits to store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong V128Store64Lane(V128 v, int lane) => (ulong)I64x2ExtractLane(v, lane);
}
