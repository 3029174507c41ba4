using System.Numerics;
using System.Runtime.CompilerServices;

namespace Wasmbed.Interpreter;

// The semantics of the ops that fused instructions combine (Translator.Fusion.cs), shared by an op's own case in
// the dispatch loop and by the fused cases that contain it, so each op is defined once. Every body reads its
// operands at `at + 1...` exactly as the op's own layout says: for the second op of a fused instruction, `at` is
// the fused instruction's start plus the first op's operand count. Bodies do not advance the instruction pointer.
internal static partial class Executor
{
    private static class Body
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Copy(ref ulong frame, ref int at) => Slot(ref frame, ref at, 1) = Slot(ref frame, ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32Add(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) + I32(ref frame, ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32And(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) & I32(ref frame, ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32Or(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) | I32(ref frame, ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32Xor(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) ^ I32(ref frame, ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32AddImm(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) + Imm(ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32XorImm(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) ^ Imm(ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32ShlImm(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) << Imm(ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32ShrUImm(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2) >>> Imm(ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32RotlImm(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = BitOperations.RotateLeft((uint)Slot(ref frame, ref at, 2), Imm(ref at, 3));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32LtSImm(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = I32(ref frame, ref at, 2) < Imm(ref at, 3) ? 1UL : 0UL;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32Extend16S(ref ulong frame, ref int at) =>
            Slot(ref frame, ref at, 1) = (uint)(short)I32(ref frame, ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Select(ref ulong frame, ref int at)
        {
            // Branch-free: select conditions are often unpredictable (compilers emit select to avoid branches).
            ulong first = Slot(ref frame, ref at, 2), second = Slot(ref frame, ref at, 3);
            ulong mask = 0UL - Unsafe.BitCast<bool, byte>((uint)Slot(ref frame, ref at, 4) != 0);
            Slot(ref frame, ref at, 1) = second ^ ((first ^ second) & mask);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Load32(ref ulong frame, ref int at, byte[] memory) =>
            Slot(ref frame, ref at, 1) = Unsafe.ReadUnaligned<uint>(ref Address(memory, (uint)Slot(ref frame, ref at, 2), (uint)Imm(ref at, 3), 4));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store32(ref ulong frame, ref int at, byte[] memory) =>
            Unsafe.WriteUnaligned(ref Address(memory, (uint)Slot(ref frame, ref at, 1), (uint)Imm(ref at, 3), 4), (uint)Slot(ref frame, ref at, 2));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void Store64(ref ulong frame, ref int at, byte[] memory) =>
            Unsafe.WriteUnaligned(ref Address(memory, (uint)Slot(ref frame, ref at, 1), (uint)Imm(ref at, 3), 8), Slot(ref frame, ref at, 2));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void I32AddLoad(ref ulong frame, ref int at, byte[] memory) =>
            Slot(ref frame, ref at, 1) = (uint)(I32(ref frame, ref at, 2)
                + Unsafe.ReadUnaligned<int>(ref Address(memory, (uint)Slot(ref frame, ref at, 3), (uint)Imm(ref at, 4), 4)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void F64AddLoad(ref ulong frame, ref int at, byte[] memory) =>
            Slot(ref frame, ref at, 1) = Bits(F64(ref frame, ref at, 2)
                + Unsafe.ReadUnaligned<double>(ref Address(memory, (uint)Slot(ref frame, ref at, 3), (uint)Imm(ref at, 4), 8)));

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void F64MulLoad(ref ulong frame, ref int at, byte[] memory) =>
            Slot(ref frame, ref at, 1) = Bits(F64(ref frame, ref at, 2)
                * Unsafe.ReadUnaligned<double>(ref Address(memory, (uint)Slot(ref frame, ref at, 3), (uint)Imm(ref at, 4), 8)));

        // Fused compare-and-branch ops: whether the branch is taken (its target is the op's last operand).

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32Ne(ref ulong frame, ref int at) => I32(ref frame, ref at, 1) != I32(ref frame, ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32LtS(ref ulong frame, ref int at) => I32(ref frame, ref at, 1) < I32(ref frame, ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32LtU(ref ulong frame, ref int at) => (uint)Slot(ref frame, ref at, 1) < (uint)Slot(ref frame, ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32GtS(ref ulong frame, ref int at) => I32(ref frame, ref at, 1) > I32(ref frame, ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32NeImm(ref ulong frame, ref int at) => I32(ref frame, ref at, 1) != Imm(ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32LtSImm(ref ulong frame, ref int at) => I32(ref frame, ref at, 1) < Imm(ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32LtUImm(ref ulong frame, ref int at) => (uint)Slot(ref frame, ref at, 1) < (uint)Imm(ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32GtSImm(ref ulong frame, ref int at) => I32(ref frame, ref at, 1) > Imm(ref at, 2);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool BrIfI32GtUImm(ref ulong frame, ref int at) => (uint)Slot(ref frame, ref at, 1) > (uint)Imm(ref at, 2);
    }
}
