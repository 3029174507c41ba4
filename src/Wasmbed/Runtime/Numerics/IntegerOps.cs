using System.Numerics;
using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime.Numerics;

/// <summary>
/// Scalar i32/i64 instructions whose meaning is more than one C# operator (spec 4.3.2).
/// Method names are the instruction mnemonics in PascalCase: <c>i32.div_s</c> → <see cref="I32DivS"/>.
/// Signed and unsigned variants take the same C# types as the operand stack (int/long);
/// the unsigned ones reinterpret the bits.
/// </summary>
public static class IntegerOps
{
    // ---- i32 ----

    /// <summary>i32.div_s: traps on a zero divisor and on INT_MIN / -1 (the result is not representable).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32DivS(int a, int b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        if (b == -1 && a == int.MinValue) Traps.IntegerOverflow();
        return a / b;
    }

    /// <summary>i32.div_u: traps on a zero divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32DivU(int a, int b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        return (int)((uint)a / (uint)b);
    }

    /// <summary>i32.rem_s: traps on a zero divisor; INT_MIN % -1 is 0 (spec: irem_s has no overflow case).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32RemS(int a, int b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        // C# would throw OverflowException for int.MinValue % -1 (x86 idiv faults), so -1 is special-cased.
        return b == -1 ? 0 : a % b;
    }

    /// <summary>i32.rem_u: traps on a zero divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32RemU(int a, int b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        return (int)((uint)a % (uint)b);
    }

    /// <summary>i32.rotl: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Rotl(int a, int count) => (int)BitOperations.RotateLeft((uint)a, count);

    /// <summary>i32.rotr: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Rotr(int a, int count) => (int)BitOperations.RotateRight((uint)a, count);

    /// <summary>i32.shl: the count is taken modulo 32 (as C# does for int).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Shl(int a, int count) => a << count;

    /// <summary>i32.shr_s: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32ShrS(int a, int count) => a >> count;

    /// <summary>i32.shr_u: the count is taken modulo 32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32ShrU(int a, int count) => a >>> count;

    /// <summary>i32.clz: 32 for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Clz(int a) => BitOperations.LeadingZeroCount((uint)a);

    /// <summary>i32.ctz: 32 for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Ctz(int a) => BitOperations.TrailingZeroCount((uint)a);

    /// <summary>i32.popcnt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Popcnt(int a) => BitOperations.PopCount((uint)a);

    /// <summary>i32.eqz: 1 when zero, else 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Eqz(int a) => a == 0 ? 1 : 0;

    /// <summary>i32.extend8_s: sign-extends the low 8 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Extend8S(int a) => (sbyte)a;

    /// <summary>i32.extend16_s: sign-extends the low 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32Extend16S(int a) => (short)a;

    /// <summary>i32.wrap_i64: keeps the low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I32WrapI64(long a) => (int)a;

    // ---- i64 ----

    /// <summary>i64.div_s: traps on a zero divisor and on INT64_MIN / -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64DivS(long a, long b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        if (b == -1 && a == long.MinValue) Traps.IntegerOverflow();
        return a / b;
    }

    /// <summary>i64.div_u: traps on a zero divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64DivU(long a, long b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        return (long)((ulong)a / (ulong)b);
    }

    /// <summary>i64.rem_s: traps on a zero divisor; INT64_MIN % -1 is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64RemS(long a, long b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        return b == -1 ? 0 : a % b;
    }

    /// <summary>i64.rem_u: traps on a zero divisor.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64RemU(long a, long b)
    {
        if (b == 0) Traps.IntegerDivideByZero();
        return (long)((ulong)a % (ulong)b);
    }

    /// <summary>i64.rotl: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Rotl(long a, long count) => (long)BitOperations.RotateLeft((ulong)a, (int)count);

    /// <summary>i64.rotr: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Rotr(long a, long count) => (long)BitOperations.RotateRight((ulong)a, (int)count);

    /// <summary>i64.shl: the count is taken modulo 64 (C# masks a long shift count to 6 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Shl(long a, long count) => a << (int)count;

    /// <summary>i64.shr_s: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ShrS(long a, long count) => a >> (int)count;

    /// <summary>i64.shr_u: the count is taken modulo 64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ShrU(long a, long count) => a >>> (int)count;

    /// <summary>i64.clz: 64 for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Clz(long a) => BitOperations.LeadingZeroCount((ulong)a);

    /// <summary>i64.ctz: 64 for zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Ctz(long a) => BitOperations.TrailingZeroCount((ulong)a);

    /// <summary>i64.popcnt.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Popcnt(long a) => BitOperations.PopCount((ulong)a);

    /// <summary>i64.eqz: 1 when zero, else 0 (an i32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int I64Eqz(long a) => a == 0 ? 1 : 0;

    /// <summary>i64.extend8_s: sign-extends the low 8 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Extend8S(long a) => (sbyte)a;

    /// <summary>i64.extend16_s: sign-extends the low 16 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Extend16S(long a) => (short)a;

    /// <summary>i64.extend32_s: sign-extends the low 32 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64Extend32S(long a) => (int)a;

    /// <summary>i64.extend_i32_s.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ExtendI32S(int a) => a;

    /// <summary>i64.extend_i32_u: zero-extends.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long I64ExtendI32U(int a) => (uint)a;
}
