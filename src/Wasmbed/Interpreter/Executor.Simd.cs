using System.Runtime.CompilerServices;
using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Interpreter;

// Fixed-width SIMD (spec 4.4.3 vector instructions): memory access here, lane semantics in SimdOps.
// Each case returns the length of its instruction. The most frequent ones (v128.load/store, i32x4/f32x4/f64x2 add
// and mul) are in Executor.Run's main switch instead. The cases here are spread over a few methods in op order:
// in one method they exceed the JIT's inlining budget, and the SimdOps calls would stay calls.
internal static partial class Executor
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ExecuteSimd(byte[] memory, ref ulong frame, ref int ip)
    {
        var op = (Op)ip;
        if (op < Op.I32x4GtU) return ExecuteSimd1(memory, ref frame, ref ip);
        if (op < Op.I8x16MinU) return ExecuteSimd2(memory, ref frame, ref ip);
        if (op < Op.I32x4ExtmulLowI16x8S) return ExecuteSimd3(memory, ref frame, ref ip);
        return ExecuteSimd4(memory, ref frame, ref ip);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ExecuteSimd1(byte[] memory, ref ulong frame, ref int ip)
    {
        switch ((Op)ip)
        {
            case Op.V128Load8x8S:
                V(ref frame, ref ip, 1) = SimdOps.V128Load8x8S(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.V128Load8x8U:
                V(ref frame, ref ip, 1) = SimdOps.V128Load8x8U(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.V128Load16x4S:
                V(ref frame, ref ip, 1) = SimdOps.V128Load16x4S(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.V128Load16x4U:
                V(ref frame, ref ip, 1) = SimdOps.V128Load16x4U(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.V128Load32x2S:
                V(ref frame, ref ip, 1) = SimdOps.V128Load32x2S(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.V128Load32x2U:
                V(ref frame, ref ip, 1) = SimdOps.V128Load32x2U(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.V128Load8Splat:
                V(ref frame, ref ip, 1) = SimdOps.V128Load8Splat(LoadAddress(memory, ref frame, ref ip, 1));
                return 4;
            case Op.V128Load16Splat:
                V(ref frame, ref ip, 1) = SimdOps.V128Load16Splat(Unsafe.ReadUnaligned<ushort>(ref LoadAddress(memory, ref frame, ref ip, 2)));
                return 4;
            case Op.V128Load32Splat:
                V(ref frame, ref ip, 1) = SimdOps.V128Load32Splat(Unsafe.ReadUnaligned<uint>(ref LoadAddress(memory, ref frame, ref ip, 4)));
                return 4;
            case Op.V128Load64Splat:
                V(ref frame, ref ip, 1) = SimdOps.V128Load64Splat(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.I8x16Shuffle:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Shuffle(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3), new V128(
                    (uint)Imm(ref ip, 4) | (ulong)(uint)Imm(ref ip, 5) << 32,
                    (uint)Imm(ref ip, 6) | (ulong)(uint)Imm(ref ip, 7) << 32));
                return 8;
            case Op.I8x16Swizzle:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Swizzle(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16Splat:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Splat(I32(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Splat:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Splat(I32(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4Splat:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Splat(I32(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2Splat:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Splat(I64(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Splat:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Splat(F32(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2Splat:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Splat(F64(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16ExtractLaneS:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I8x16ExtractLaneS(V(ref frame, ref ip, 2), Imm(ref ip, 3));
                return 4;
            case Op.I8x16ExtractLaneU:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I8x16ExtractLaneU(V(ref frame, ref ip, 2), Imm(ref ip, 3));
                return 4;
            case Op.I8x16ReplaceLane:
                V(ref frame, ref ip, 1) = SimdOps.I8x16ReplaceLane(V(ref frame, ref ip, 2), Imm(ref ip, 4), I32(ref frame, ref ip, 3));
                return 5;
            case Op.I16x8ExtractLaneS:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I16x8ExtractLaneS(V(ref frame, ref ip, 2), Imm(ref ip, 3));
                return 4;
            case Op.I16x8ExtractLaneU:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I16x8ExtractLaneU(V(ref frame, ref ip, 2), Imm(ref ip, 3));
                return 4;
            case Op.I16x8ReplaceLane:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ReplaceLane(V(ref frame, ref ip, 2), Imm(ref ip, 4), I32(ref frame, ref ip, 3));
                return 5;
            case Op.I32x4ExtractLane:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I32x4ExtractLane(V(ref frame, ref ip, 2), Imm(ref ip, 3));
                return 4;
            case Op.I32x4ReplaceLane:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ReplaceLane(V(ref frame, ref ip, 2), Imm(ref ip, 4), I32(ref frame, ref ip, 3));
                return 5;
            case Op.I64x2ExtractLane:
                Slot(ref frame, ref ip, 1) = (ulong)SimdOps.I64x2ExtractLane(V(ref frame, ref ip, 2), Imm(ref ip, 3));
                return 4;
            case Op.I64x2ReplaceLane:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ReplaceLane(V(ref frame, ref ip, 2), Imm(ref ip, 4), I64(ref frame, ref ip, 3));
                return 5;
            case Op.F32x4ExtractLane:
                Slot(ref frame, ref ip, 1) = Bits(SimdOps.F32x4ExtractLane(V(ref frame, ref ip, 2), Imm(ref ip, 3)));
                return 4;
            case Op.F32x4ReplaceLane:
                V(ref frame, ref ip, 1) = SimdOps.F32x4ReplaceLane(V(ref frame, ref ip, 2), Imm(ref ip, 4), F32(ref frame, ref ip, 3));
                return 5;
            case Op.F64x2ExtractLane:
                Slot(ref frame, ref ip, 1) = Bits(SimdOps.F64x2ExtractLane(V(ref frame, ref ip, 2), Imm(ref ip, 3)));
                return 4;
            case Op.F64x2ReplaceLane:
                V(ref frame, ref ip, 1) = SimdOps.F64x2ReplaceLane(V(ref frame, ref ip, 2), Imm(ref ip, 4), F64(ref frame, ref ip, 3));
                return 5;
            case Op.I8x16Eq:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Eq(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16Ne:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Ne(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16LtS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16LtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16LtU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16LtU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16GtS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16GtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16GtU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16GtU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16LeS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16LeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16LeU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16LeU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16GeS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16GeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16GeU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16GeU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8Eq:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Eq(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8Ne:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Ne(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8LtS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8LtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8LtU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8LtU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8GtS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8GtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8GtU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8GtU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8LeS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8LeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8LeU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8LeU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8GeS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8GeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8GeU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8GeU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4Eq:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Eq(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4Ne:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Ne(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4LtS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4LtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4LtU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4LtU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4GtS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4GtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            default:
                return ThrowCorruptCode((Op)ip);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ExecuteSimd2(byte[] memory, ref ulong frame, ref int ip)
    {
        switch ((Op)ip)
        {
            case Op.I32x4GtU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4GtU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4LeS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4LeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4LeU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4LeU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4GeS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4GeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4GeU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4GeU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Eq:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Eq(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Ne:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Ne(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Lt:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Lt(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Gt:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Gt(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Le:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Le(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Ge:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Ge(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Eq:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Eq(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Ne:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Ne(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Lt:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Lt(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Gt:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Gt(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Le:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Le(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Ge:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Ge(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.V128Not:
                V(ref frame, ref ip, 1) = SimdOps.V128Not(V(ref frame, ref ip, 2));
                return 3;
            case Op.V128And:
                V(ref frame, ref ip, 1) = SimdOps.V128And(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.V128Andnot:
                V(ref frame, ref ip, 1) = SimdOps.V128Andnot(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.V128Or:
                V(ref frame, ref ip, 1) = SimdOps.V128Or(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.V128Xor:
                V(ref frame, ref ip, 1) = SimdOps.V128Xor(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.V128Bitselect:
                V(ref frame, ref ip, 1) = SimdOps.V128Bitselect(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3), V(ref frame, ref ip, 4));
                return 5;
            case Op.V128AnyTrue:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.V128AnyTrue(V(ref frame, ref ip, 2));
                return 3;
            case Op.V128Load8Lane:
                V(ref frame, ref ip, 1) = SimdOps.V128Load8Lane(V(ref frame, ref ip, 3), Imm(ref ip, 5), LaneLoadAddress(memory, ref frame, ref ip, 1));
                return 6;
            case Op.V128Load16Lane:
                V(ref frame, ref ip, 1) = SimdOps.V128Load16Lane(V(ref frame, ref ip, 3), Imm(ref ip, 5),
                    Unsafe.ReadUnaligned<ushort>(ref LaneLoadAddress(memory, ref frame, ref ip, 2)));
                return 6;
            case Op.V128Load32Lane:
                V(ref frame, ref ip, 1) = SimdOps.V128Load32Lane(V(ref frame, ref ip, 3), Imm(ref ip, 5),
                    Unsafe.ReadUnaligned<uint>(ref LaneLoadAddress(memory, ref frame, ref ip, 4)));
                return 6;
            case Op.V128Load64Lane:
                V(ref frame, ref ip, 1) = SimdOps.V128Load64Lane(V(ref frame, ref ip, 3), Imm(ref ip, 5),
                    Unsafe.ReadUnaligned<ulong>(ref LaneLoadAddress(memory, ref frame, ref ip, 8)));
                return 6;
            case Op.V128Store8Lane:
                StoreAddress(memory, ref frame, ref ip, 1) = SimdOps.V128Store8Lane(V(ref frame, ref ip, 2), Imm(ref ip, 4));
                return 5;
            case Op.V128Store16Lane:
                Unsafe.WriteUnaligned(ref StoreAddress(memory, ref frame, ref ip, 2), SimdOps.V128Store16Lane(V(ref frame, ref ip, 2), Imm(ref ip, 4)));
                return 5;
            case Op.V128Store32Lane:
                Unsafe.WriteUnaligned(ref StoreAddress(memory, ref frame, ref ip, 4), SimdOps.V128Store32Lane(V(ref frame, ref ip, 2), Imm(ref ip, 4)));
                return 5;
            case Op.V128Store64Lane:
                Unsafe.WriteUnaligned(ref StoreAddress(memory, ref frame, ref ip, 8), SimdOps.V128Store64Lane(V(ref frame, ref ip, 2), Imm(ref ip, 4)));
                return 5;
            case Op.V128Load32Zero:
                V(ref frame, ref ip, 1) = SimdOps.V128Load32Zero(Unsafe.ReadUnaligned<uint>(ref LoadAddress(memory, ref frame, ref ip, 4)));
                return 4;
            case Op.V128Load64Zero:
                V(ref frame, ref ip, 1) = SimdOps.V128Load64Zero(Unsafe.ReadUnaligned<ulong>(ref LoadAddress(memory, ref frame, ref ip, 8)));
                return 4;
            case Op.F32x4DemoteF64x2Zero:
                V(ref frame, ref ip, 1) = SimdOps.F32x4DemoteF64x2Zero(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2PromoteLowF32x4:
                V(ref frame, ref ip, 1) = SimdOps.F64x2PromoteLowF32x4(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16Abs:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Abs(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16Neg:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Neg(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16Popcnt:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Popcnt(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16AllTrue:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I8x16AllTrue(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16Bitmask:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I8x16Bitmask(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16NarrowI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I8x16NarrowI16x8S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16NarrowI16x8U:
                V(ref frame, ref ip, 1) = SimdOps.I8x16NarrowI16x8U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Ceil:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Ceil(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Floor:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Floor(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Trunc:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Trunc(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Nearest:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Nearest(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16Shl:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Shl(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16ShrS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16ShrS(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16ShrU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16ShrU(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16Add:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Add(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16AddSatS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16AddSatS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16AddSatU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16AddSatU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16Sub:
                V(ref frame, ref ip, 1) = SimdOps.I8x16Sub(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16SubSatS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16SubSatS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16SubSatU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16SubSatU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Ceil:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Ceil(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2Floor:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Floor(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16MinS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16MinS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            default:
                return ThrowCorruptCode((Op)ip);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ExecuteSimd3(byte[] memory, ref ulong frame, ref int ip)
    {
        switch ((Op)ip)
        {
            case Op.I8x16MinU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16MinU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16MaxS:
                V(ref frame, ref ip, 1) = SimdOps.I8x16MaxS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I8x16MaxU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16MaxU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Trunc:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Trunc(V(ref frame, ref ip, 2));
                return 3;
            case Op.I8x16AvgrU:
                V(ref frame, ref ip, 1) = SimdOps.I8x16AvgrU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ExtaddPairwiseI8x16S:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtaddPairwiseI8x16S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8ExtaddPairwiseI8x16U:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtaddPairwiseI8x16U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4ExtaddPairwiseI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtaddPairwiseI16x8S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4ExtaddPairwiseI16x8U:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtaddPairwiseI16x8U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Abs:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Abs(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Neg:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Neg(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Q15mulrSatS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Q15mulrSatS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8AllTrue:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I16x8AllTrue(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Bitmask:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I16x8Bitmask(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8NarrowI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.I16x8NarrowI32x4S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8NarrowI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.I16x8NarrowI32x4U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ExtendLowI8x16S:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtendLowI8x16S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8ExtendHighI8x16S:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtendHighI8x16S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8ExtendLowI8x16U:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtendLowI8x16U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8ExtendHighI8x16U:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtendHighI8x16U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Shl:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Shl(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ShrS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ShrS(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ShrU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ShrU(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8Add:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Add(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8AddSatS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8AddSatS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8AddSatU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8AddSatU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8Sub:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Sub(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8SubSatS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8SubSatS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8SubSatU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8SubSatU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Nearest:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Nearest(V(ref frame, ref ip, 2));
                return 3;
            case Op.I16x8Mul:
                V(ref frame, ref ip, 1) = SimdOps.I16x8Mul(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8MinS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8MinS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8MinU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8MinU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8MaxS:
                V(ref frame, ref ip, 1) = SimdOps.I16x8MaxS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8MaxU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8MaxU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8AvgrU:
                V(ref frame, ref ip, 1) = SimdOps.I16x8AvgrU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ExtmulLowI8x16S:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtmulLowI8x16S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ExtmulHighI8x16S:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtmulHighI8x16S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ExtmulLowI8x16U:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtmulLowI8x16U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I16x8ExtmulHighI8x16U:
                V(ref frame, ref ip, 1) = SimdOps.I16x8ExtmulHighI8x16U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4Abs:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Abs(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4Neg:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Neg(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4AllTrue:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I32x4AllTrue(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4Bitmask:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I32x4Bitmask(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4ExtendLowI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtendLowI16x8S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4ExtendHighI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtendHighI16x8S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4ExtendLowI16x8U:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtendLowI16x8U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4ExtendHighI16x8U:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtendHighI16x8U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4Shl:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Shl(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4ShrS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ShrS(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4ShrU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ShrU(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4Sub:
                V(ref frame, ref ip, 1) = SimdOps.I32x4Sub(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4MinS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4MinS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4MinU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4MinU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4MaxS:
                V(ref frame, ref ip, 1) = SimdOps.I32x4MaxS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4MaxU:
                V(ref frame, ref ip, 1) = SimdOps.I32x4MaxU(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4DotI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4DotI16x8S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            default:
                return ThrowCorruptCode((Op)ip);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ExecuteSimd4(byte[] memory, ref ulong frame, ref int ip)
    {
        switch ((Op)ip)
        {
            case Op.I32x4ExtmulLowI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtmulLowI16x8S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4ExtmulHighI16x8S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtmulHighI16x8S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4ExtmulLowI16x8U:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtmulLowI16x8U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4ExtmulHighI16x8U:
                V(ref frame, ref ip, 1) = SimdOps.I32x4ExtmulHighI16x8U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2Abs:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Abs(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2Neg:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Neg(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2AllTrue:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I64x2AllTrue(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2Bitmask:
                Slot(ref frame, ref ip, 1) = (uint)SimdOps.I64x2Bitmask(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2ExtendLowI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtendLowI32x4S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2ExtendHighI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtendHighI32x4S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2ExtendLowI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtendLowI32x4U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2ExtendHighI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtendHighI32x4U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I64x2Shl:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Shl(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2ShrS:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ShrS(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2ShrU:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ShrU(V(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2Add:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Add(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2Sub:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Sub(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2Mul:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Mul(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2Eq:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Eq(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2Ne:
                V(ref frame, ref ip, 1) = SimdOps.I64x2Ne(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2LtS:
                V(ref frame, ref ip, 1) = SimdOps.I64x2LtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2GtS:
                V(ref frame, ref ip, 1) = SimdOps.I64x2GtS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2LeS:
                V(ref frame, ref ip, 1) = SimdOps.I64x2LeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2GeS:
                V(ref frame, ref ip, 1) = SimdOps.I64x2GeS(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2ExtmulLowI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtmulLowI32x4S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2ExtmulHighI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtmulHighI32x4S(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2ExtmulLowI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtmulLowI32x4U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I64x2ExtmulHighI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.I64x2ExtmulHighI32x4U(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Abs:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Abs(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Neg:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Neg(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Sqrt:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Sqrt(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4Sub:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Sub(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Div:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Div(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Min:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Min(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Max:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Max(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Pmin:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Pmin(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F32x4Pmax:
                V(ref frame, ref ip, 1) = SimdOps.F32x4Pmax(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Abs:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Abs(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2Neg:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Neg(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2Sqrt:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Sqrt(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2Sub:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Sub(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Div:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Div(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Min:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Min(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Max:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Max(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Pmin:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Pmin(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.F64x2Pmax:
                V(ref frame, ref ip, 1) = SimdOps.F64x2Pmax(V(ref frame, ref ip, 2), V(ref frame, ref ip, 3));
                return 4;
            case Op.I32x4TruncSatF32x4S:
                V(ref frame, ref ip, 1) = SimdOps.I32x4TruncSatF32x4S(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4TruncSatF32x4U:
                V(ref frame, ref ip, 1) = SimdOps.I32x4TruncSatF32x4U(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4ConvertI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.F32x4ConvertI32x4S(V(ref frame, ref ip, 2));
                return 3;
            case Op.F32x4ConvertI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.F32x4ConvertI32x4U(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4TruncSatF64x2SZero:
                V(ref frame, ref ip, 1) = SimdOps.I32x4TruncSatF64x2SZero(V(ref frame, ref ip, 2));
                return 3;
            case Op.I32x4TruncSatF64x2UZero:
                V(ref frame, ref ip, 1) = SimdOps.I32x4TruncSatF64x2UZero(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2ConvertLowI32x4S:
                V(ref frame, ref ip, 1) = SimdOps.F64x2ConvertLowI32x4S(V(ref frame, ref ip, 2));
                return 3;
            case Op.F64x2ConvertLowI32x4U:
                V(ref frame, ref ip, 1) = SimdOps.F64x2ConvertLowI32x4U(V(ref frame, ref ip, 2));
                return 3;
            default:
                return ThrowCorruptCode((Op)ip);
        }
    }

    /// <summary>Layout "rso": address in operand 2, offset in operand 3.</summary>
    private static ref byte LoadAddress(byte[] memory, ref ulong frame, ref int ip, uint size) =>
        ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), size);

    /// <summary>Layouts "sso" and "ssoi": address in operand 1, offset in operand 3.</summary>
    private static ref byte StoreAddress(byte[] memory, ref ulong frame, ref int ip, uint size) =>
        ref Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), size);

    /// <summary>Layout "rssoi": address in operand 2, offset in operand 4.</summary>
    private static ref byte LaneLoadAddress(byte[] memory, ref ulong frame, ref int ip, uint size) =>
        ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 4), size);
}
