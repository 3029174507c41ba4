using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

// v128 bitwise instructions (spec 4.3.x ivnot, ivand, ivandnot, ivor, ivxor, ivbitselect, ivany_true),
// done on the two 64-bit halves: lane shape does not matter for them.
public static partial class SimdOps
{
    /// <summary>v128.not.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Not(V128 a) => V(~U64(a));

    /// <summary>v128.and.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128And(V128 a, V128 b) => V(U64(a) & U64(b));

    /// <summary>v128.andnot: a AND NOT b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Andnot(V128 a, V128 b) => V(Vector128.AndNot(U64(a), U64(b)));

    /// <summary>v128.or.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Or(V128 a, V128 b) => V(U64(a) | U64(b));

    /// <summary>v128.xor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Xor(V128 a, V128 b) => V(U64(a) ^ U64(b));

    /// <summary>v128.bitselect: bits of <paramref name="a"/> where <paramref name="c"/> is 1, of <paramref name="b"/> where it is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static V128 V128Bitselect(V128 a, V128 b, V128 c) =>
        V(Vector128.ConditionalSelect(U64(c), U64(a), U64(b)));

    /// <summary>v128.any_true: 1 when any bit is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int V128AnyTrue(V128 a) => Bool(!Vector128.EqualsAll(U64(a), Vector128<ulong>.Zero));
}
