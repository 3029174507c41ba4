using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Wasmbed.Runtime.Numerics;

/// <summary>
/// The fixed-width SIMD instructions of WebAssembly 2.0 (spec 4.3.x vector instructions), one
/// public static method per instruction, shared by the interpreter and the IL compiler.
/// </summary>
/// <remarks>
/// <para>Naming rule: the mnemonic in PascalCase with dots and underscores removed, each segment
/// capitalised: <c>i8x16.add_sat_s</c> → <c>I8x16AddSatS</c>, <c>v128.any_true</c> → <c>V128AnyTrue</c>,
/// <c>f64x2.convert_low_i32x4_u</c> → <c>F64x2ConvertLowI32x4U</c>.</para>
/// <para>Operands come in stack order (first pushed first); lane indices and shuffle masks are the
/// immediates; scalars use the stack types (i32 → int, i64 → long, f32 → float, f64 → double);
/// boolean results (<c>any_true</c>, <c>all_true</c>) are an i32 0/1.</para>
/// <para><see cref="Vector128"/> operations are used where their meaning matches WebAssembly
/// bit for bit on every CPU (integer arithmetic, bitwise operations, comparisons); anything
/// NaN- or range-sensitive is written out. The files split the instruction set by family:
/// lanes and shuffles, memory transforms, bitwise, integer arithmetic, integer comparisons and
/// shifts, float arithmetic and comparisons, conversions.</para>
/// </remarks>
public static partial class SimdOps
{
    // Typed views of a V128; all free reinterpretations.
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<sbyte> S8(V128 v) => v.AsVector128<sbyte>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<byte> U8(V128 v) => v.AsVector128<byte>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<short> S16(V128 v) => v.AsVector128<short>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<ushort> U16(V128 v) => v.AsVector128<ushort>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<int> S32(V128 v) => v.AsVector128<int>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<uint> U32(V128 v) => v.AsVector128<uint>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<long> S64(V128 v) => v.AsVector128<long>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<ulong> U64(V128 v) => v.AsVector128<ulong>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<float> F32(V128 v) => v.AsVector128<float>();
    [MethodImpl(MethodImplOptions.AggressiveInlining)] private static Vector128<double> F64(V128 v) => v.AsVector128<double>();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static V128 V<T>(Vector128<T> vector) => V128.FromVector128(vector);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Bool(bool value) => value ? 1 : 0;
}
