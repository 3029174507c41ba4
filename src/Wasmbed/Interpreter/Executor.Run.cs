using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmbed.Runtime;
using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Interpreter;

// The dispatch loop. Kept to the frequent operations so the JIT optimizes it fully; the rest runs in
// ExecuteCold/ExecuteSimd. Only the instruction pointer, the frame and the memory live in locals (in
// registers); branch targets are relative to the branch instruction, so no code base is needed either.
// The memory local is reloaded after calls, returns and memory.grow.
internal static partial class Executor
{
    // Fully optimized from the first call: the loop is entered rarely but runs long, so tiering would leave it
    // in on-stack-replacement code shaped by whichever program happened to run first.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    // Runs from the innermost frame (at its Pc) until frame baseDepth returns; a resumed call starts deeper than its base.
    private static void Run(InterpreterStack context, int baseDepth)
    {
        int depth = context.Depth;
        context.Enter(context.Frames[depth].Instance);
        ref int ip = ref context.ResumeAt(depth);
        ref ulong frame = ref context.FrameAt(depth);
        byte[] memory = context.Memory.Bytes;

        // Call state, set by the call instructions before they jump to `call`.
        FunctionInstance callee;
        int argumentOffset;
        int length;

        while (true)
        {
            OpProfile.Record(ref ip);
            switch ((Op)ip)
            {
                case Op.Unreachable:
                    Throw.Trap(TrapCode.Unreachable);
                    continue;
                case Op.Br:
                    ip = ref Unsafe.Add(ref ip, Imm(ref ip, 1));
                    continue;
                case Op.Fuel:
                    if (!FuelMeter.TryCharge(context.Store, Imm(ref ip, 1))) SuspendOutOfFuel(context, ref ip);
                    ip = ref Unsafe.Add(ref ip, 2);
                    continue;
                case Op.CheckInterrupt:
                    if (Volatile.Read(ref context.Store.InterruptFlags) != 0) Interruption.Interrupted(context.Store);
                    ip = ref Unsafe.Add(ref ip, 1);
                    continue;
                case Op.BrIf:
                    ip = ref Unsafe.Add(ref ip, Slot(ref frame, ref ip, 1) != 0 ? Imm(ref ip, 2) : 3);
                    continue;
                case Op.BrIfNot:
                    ip = ref Unsafe.Add(ref ip, Slot(ref frame, ref ip, 1) == 0 ? Imm(ref ip, 2) : 3);
                    continue;
                case Op.BrTable:
                    {
                        uint index = (uint)Slot(ref frame, ref ip, 1);
                        uint last = (uint)Imm(ref ip, 2) - 1;
                        ip = ref Unsafe.Add(ref ip, Imm(ref ip, 3 + (int)Math.Min(index, last)));
                        continue;
                    }
                case Op.Return:
                    goto functionReturn;
                case Op.ReturnValue:
                    frame = Slot(ref frame, ref ip, 1);
                    goto functionReturn;
                case Op.ReturnValue2:
                    Unsafe.As<ulong, V128>(ref frame) = V(ref frame, ref ip, 1);
                    goto functionReturn;
                case Op.CallInternal:
                    {
                        int index = Imm(ref ip, 1);
                        var target = context.Translations[index] as TranslatedFunction ?? Translator.GetOrTranslate(context.Instance.Module, index);
                        frame = ref context.PushFrame(ref ip, 3, target, context.Instance, Imm(ref ip, 2));
                        ip = ref MemoryMarshal.GetArrayDataReference(target.Code);
                        continue;
                    }
                case Op.Call:
                    callee = context.Instance.Functions[Imm(ref ip, 1)];
                    argumentOffset = Imm(ref ip, 2);
                    length = 3;
                    goto call;
                case Op.CallIndirect:
                    callee = ResolveIndirect(context, Imm(ref ip, 1), Imm(ref ip, 2), (uint)Slot(ref frame, ref ip, 4));
                    argumentOffset = Imm(ref ip, 3);
                    length = 5;
                    goto call;
                case Op.Copy:
                    Body.Copy(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Copy2:
                    V(ref frame, ref ip, 1) = V(ref frame, ref ip, 2);
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Const32:
                    Slot(ref frame, ref ip, 1) = (uint)Imm(ref ip, 2);
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Const64:
                    Slot(ref frame, ref ip, 1) = (uint)Imm(ref ip, 2) | (ulong)(uint)Imm(ref ip, 3) << 32;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Select:
                    Body.Select(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.GlobalGet:
                    Slot(ref frame, ref ip, 1) = context.Instance.Globals[Imm(ref ip, 2)].Bits;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.GlobalSet:
                    context.Instance.Globals[Imm(ref ip, 1)].Bits = Slot(ref frame, ref ip, 2);
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.Load32:
                    Body.Load32(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Load64:
                    Slot(ref frame, ref ip, 1) = Unsafe.ReadUnaligned<ulong>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 8));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Load8U:
                    Slot(ref frame, ref ip, 1) = Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 1);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Load16U:
                    Slot(ref frame, ref ip, 1) = Unsafe.ReadUnaligned<ushort>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 2));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Load8S:
                    Slot(ref frame, ref ip, 1) = (uint)(sbyte)Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 1);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Load16S:
                    Slot(ref frame, ref ip, 1) = (uint)Unsafe.ReadUnaligned<short>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 2));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Load8S:
                    Slot(ref frame, ref ip, 1) = (ulong)(sbyte)Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 1);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Load16S:
                    Slot(ref frame, ref ip, 1) = (ulong)Unsafe.ReadUnaligned<short>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 2));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Load32S:
                    Slot(ref frame, ref ip, 1) = (ulong)Unsafe.ReadUnaligned<int>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 4));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Store8:
                    Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), 1) = (byte)Slot(ref frame, ref ip, 2);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Store16:
                    Unsafe.WriteUnaligned(ref Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), 2), (ushort)Slot(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Store32:
                    Body.Store32(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.Store64:
                    Body.Store64(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32AddLoad:
                    Body.I32AddLoad(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.I64AddLoad:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2)
                        + Unsafe.ReadUnaligned<ulong>(ref Address(memory, (uint)Slot(ref frame, ref ip, 3), (uint)Imm(ref ip, 4), 8));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.F32AddLoad:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2)
                        + Unsafe.ReadUnaligned<float>(ref Address(memory, (uint)Slot(ref frame, ref ip, 3), (uint)Imm(ref ip, 4), 4)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.F32MulLoad:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2)
                        * Unsafe.ReadUnaligned<float>(ref Address(memory, (uint)Slot(ref frame, ref ip, 3), (uint)Imm(ref ip, 4), 4)));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.F64AddLoad:
                    Body.F64AddLoad(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.F64MulLoad:
                    Body.F64MulLoad(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.MemorySize:
                    Slot(ref frame, ref ip, 1) = context.Memory.Pages;
                    ip = ref Unsafe.Add(ref ip, 2);
                    continue;
                case Op.MemoryGrow:
                    Slot(ref frame, ref ip, 1) = (uint)context.Memory.Grow((uint)Slot(ref frame, ref ip, 2));
                    memory = context.Memory.Bytes;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.BrIfI32Eq:
                    ip = ref Unsafe.Add(ref ip, I32(ref frame, ref ip, 1) == I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32Ne:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32Ne(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LtS:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtS(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LtU:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtU(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GtS:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32GtS(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GtU:
                    ip = ref Unsafe.Add(ref ip, (uint)Slot(ref frame, ref ip, 1) > (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LeS:
                    ip = ref Unsafe.Add(ref ip, I32(ref frame, ref ip, 1) <= I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LeU:
                    ip = ref Unsafe.Add(ref ip, (uint)Slot(ref frame, ref ip, 1) <= (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GeS:
                    ip = ref Unsafe.Add(ref ip, I32(ref frame, ref ip, 1) >= I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GeU:
                    ip = ref Unsafe.Add(ref ip, (uint)Slot(ref frame, ref ip, 1) >= (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32EqImm:
                    ip = ref Unsafe.Add(ref ip, I32(ref frame, ref ip, 1) == Imm(ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32NeImm:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32NeImm(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LtSImm:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtSImm(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LtUImm:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtUImm(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GtSImm:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32GtSImm(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GtUImm:
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32GtUImm(ref frame, ref ip) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LeSImm:
                    ip = ref Unsafe.Add(ref ip, I32(ref frame, ref ip, 1) <= Imm(ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32LeUImm:
                    ip = ref Unsafe.Add(ref ip, (uint)Slot(ref frame, ref ip, 1) <= (uint)Imm(ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GeSImm:
                    ip = ref Unsafe.Add(ref ip, I32(ref frame, ref ip, 1) >= Imm(ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.BrIfI32GeUImm:
                    ip = ref Unsafe.Add(ref ip, (uint)Slot(ref frame, ref ip, 1) >= (uint)Imm(ref ip, 2) ? Imm(ref ip, 3) : 4);
                    continue;
                case Op.I32Eqz:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) == 0 ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32Eq:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) == I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Ne:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) != I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LtS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) < I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LtU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) < (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GtS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) > I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GtU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) > (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LeS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) <= I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LeU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) <= (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GeS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) >= I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GeU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) >= (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Eqz:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) == 0 ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Eq:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) == I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Ne:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) != I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LtS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) < I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LtU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) < Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GtS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) > I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GtU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) > Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LeS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) <= I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LeU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) <= Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GeS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) >= I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GeU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) >= Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Eq:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) == F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Ne:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) != F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Lt:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) < F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Gt:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) > F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Le:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) <= F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Ge:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) >= F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Eq:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) == F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Ne:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) != F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Lt:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) < F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Gt:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) > F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Le:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) <= F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Ge:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) >= F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Clz:
                    Slot(ref frame, ref ip, 1) = (uint)(BitOperations.LeadingZeroCount((uint)Slot(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32Ctz:
                    Slot(ref frame, ref ip, 1) = (uint)(BitOperations.TrailingZeroCount((uint)Slot(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32Popcnt:
                    Slot(ref frame, ref ip, 1) = (uint)(BitOperations.PopCount((uint)Slot(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32Add:
                    Body.I32Add(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Sub:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) - I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Mul:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) * I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32DivS:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32DivS(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32DivU:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32DivU(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32RemS:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32RemS(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32RemU:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32RemU(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32And:
                    Body.I32And(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Or:
                    Body.I32Or(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Xor:
                    Body.I32Xor(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Shl:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) << I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32ShrS:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >> I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32ShrU:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >>> I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Rotl:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft((uint)Slot(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32Rotr:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight((uint)Slot(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Clz:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)BitOperations.LeadingZeroCount(Slot(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Ctz:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)BitOperations.TrailingZeroCount(Slot(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Popcnt:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)BitOperations.PopCount(Slot(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Add:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) + I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Sub:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) - I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Mul:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) * I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64DivS:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64DivS(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64DivU:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64DivU(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64RemS:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64RemS(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64RemU:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64RemU(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64And:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) & I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Or:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) | I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Xor:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) ^ I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Shl:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) << (int)I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64ShrS:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >> (int)I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64ShrU:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >>> (int)I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Rotl:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft(Slot(ref frame, ref ip, 2), (int)I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64Rotr:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight(Slot(ref frame, ref ip, 2), (int)I64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Abs:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) & 0x7FFF_FFFFu;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Neg:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) ^ 0x8000_0000u;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Ceil:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Ceil(F32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Floor:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Floor(F32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Trunc:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Trunc(F32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Nearest:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Nearest(F32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Sqrt:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Sqrt(F32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32Add:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) + F32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Sub:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) - F32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Mul:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) * F32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Div:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) / F32(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Min:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Min(F32(ref frame, ref ip, 2), F32(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Max:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Max(F32(ref frame, ref ip, 2), F32(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32Copysign:
                    Slot(ref frame, ref ip, 1) = ((uint)Slot(ref frame, ref ip, 2) & 0x7FFF_FFFFu) | ((uint)Slot(ref frame, ref ip, 3) & 0x8000_0000u);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Abs:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) & 0x7FFF_FFFF_FFFF_FFFFul;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Neg:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) ^ 0x8000_0000_0000_0000ul;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Ceil:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Ceil(F64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Floor:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Floor(F64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Trunc:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Trunc(F64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Nearest:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Nearest(F64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Sqrt:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Sqrt(F64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64Add:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) + F64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Sub:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) - F64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Mul:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) * F64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Div:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) / F64(ref frame, ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Min:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Min(F64(ref frame, ref ip, 2), F64(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Max:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Max(F64(ref frame, ref ip, 2), F64(ref frame, ref ip, 3)));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64Copysign:
                    Slot(ref frame, ref ip, 1) = (Slot(ref frame, ref ip, 2) & 0x7FFF_FFFF_FFFF_FFFFul) | (Slot(ref frame, ref ip, 3) & 0x8000_0000_0000_0000ul);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32WrapI64:
                    Slot(ref frame, ref ip, 1) = (uint)((int)I64(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64ExtendI32S:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)I32(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32ConvertI32S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI32S(I32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32ConvertI32U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI32U(I32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32ConvertI64S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI64S(I64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32ConvertI64U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI64U(I64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F32DemoteF64:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32DemoteF64(F64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64ConvertI32S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI32S(I32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64ConvertI32U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI32U(I32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64ConvertI64S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI64S(I64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64ConvertI64U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI64U(I64(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.F64PromoteF32:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64PromoteF32(F32(ref frame, ref ip, 2)));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32Extend8S:
                    Slot(ref frame, ref ip, 1) = (uint)((sbyte)I32(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32Extend16S:
                    Body.I32Extend16S(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Extend8S:
                    Slot(ref frame, ref ip, 1) = (ulong)((sbyte)I64(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Extend16S:
                    Slot(ref frame, ref ip, 1) = (ulong)((short)I64(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I64Extend32S:
                    Slot(ref frame, ref ip, 1) = (ulong)((int)I64(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.RefIsNull:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) == 0 ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 3);
                    continue;
                case Op.I32AddImm:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32MulImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) * Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32AndImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) & Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32OrImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) | Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32XorImm:
                    Body.I32XorImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32ShlImm:
                    Body.I32ShlImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32ShrSImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >> Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32ShrUImm:
                    Body.I32ShrUImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32RotlImm:
                    Body.I32RotlImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32RotrImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight((uint)Slot(ref frame, ref ip, 2), Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32EqImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) == Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32NeImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) != Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LtSImm:
                    Body.I32LtSImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LtUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) < (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GtSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) > Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GtUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) > (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LeSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) <= Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32LeUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) <= (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GeSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) >= Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32GeUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) >= (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64AddImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) + (long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64MulImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) * (long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64AndImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) & (long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64OrImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) | (long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64XorImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) ^ (long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64ShlImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) << (int)(long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64ShrSImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >> (int)(long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64ShrUImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >>> (int)(long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64RotlImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft(Slot(ref frame, ref ip, 2), (int)(long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64RotrImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight(Slot(ref frame, ref ip, 2), (int)(long)Imm(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64EqImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) == (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64NeImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) != (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LtSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) < (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LtUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) < (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GtSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) > (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GtUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) > (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LeSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) <= (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64LeUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) <= (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GeSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) >= (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I64GeUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) >= (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                // ---- fused pairs (Translator.Fusion.cs): the first op's body, then the second's ----
                case Op.F64MulLoadThenF64AddLoad:
                    Body.F64MulLoad(ref frame, ref ip, memory);
                    Body.F64AddLoad(ref frame, ref Unsafe.Add(ref ip, 4), memory);
                    ip = ref Unsafe.Add(ref ip, 9);
                    continue;
                case Op.F64AddLoadThenStore64:
                    Body.F64AddLoad(ref frame, ref ip, memory);
                    Body.Store64(ref frame, ref Unsafe.Add(ref ip, 4), memory);
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.Store64ThenI32AddImm:
                    Body.Store64(ref frame, ref ip, memory);
                    Body.I32AddImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AddImmThenF64MulLoad:
                    Body.I32AddImm(ref frame, ref ip);
                    Body.F64MulLoad(ref frame, ref Unsafe.Add(ref ip, 3), memory);
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.I32AddImmThenI32AddImm:
                    Body.I32AddImm(ref frame, ref ip);
                    Body.I32AddImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32RotlImmThenI32Xor:
                    Body.I32RotlImm(ref frame, ref ip);
                    Body.I32Xor(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32RotlImmThenI32RotlImm:
                    Body.I32RotlImm(ref frame, ref ip);
                    Body.I32RotlImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32XorThenI32RotlImm:
                    Body.I32Xor(ref frame, ref ip);
                    Body.I32RotlImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32ShrUImmThenI32Xor:
                    Body.I32ShrUImm(ref frame, ref ip);
                    Body.I32Xor(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32XorThenI32ShrUImm:
                    Body.I32Xor(ref frame, ref ip);
                    Body.I32ShrUImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32XorThenI32Add:
                    Body.I32Xor(ref frame, ref ip);
                    Body.I32Add(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AddThenI32Add:
                    Body.I32Add(ref frame, ref ip);
                    Body.I32Add(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AddThenI32AddImm:
                    Body.I32Add(ref frame, ref ip);
                    Body.I32AddImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AddThenCopy:
                    Body.I32Add(ref frame, ref ip);
                    Body.Copy(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 6);
                    continue;
                case Op.I32AddLoadThenI32Add:
                    Body.I32AddLoad(ref frame, ref ip, memory);
                    Body.I32Add(ref frame, ref Unsafe.Add(ref ip, 4));
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.I32AddImmThenI32AddLoad:
                    Body.I32AddImm(ref frame, ref ip);
                    Body.I32AddLoad(ref frame, ref Unsafe.Add(ref ip, 3), memory);
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.I32AndThenI32Xor:
                    Body.I32And(ref frame, ref ip);
                    Body.I32Xor(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AndThenI32And:
                    Body.I32And(ref frame, ref ip);
                    Body.I32And(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AndThenI32Or:
                    Body.I32And(ref frame, ref ip);
                    Body.I32Or(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.CopyThenCopy:
                    Body.Copy(ref frame, ref ip);
                    Body.Copy(ref frame, ref Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 5);
                    continue;
                case Op.CopyThenI32RotlImm:
                    Body.Copy(ref frame, ref ip);
                    Body.I32RotlImm(ref frame, ref Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 6);
                    continue;
                case Op.CopyThenI32AddImm:
                    Body.Copy(ref frame, ref ip);
                    Body.I32AddImm(ref frame, ref Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 6);
                    continue;
                case Op.CopyThenI32And:
                    Body.Copy(ref frame, ref ip);
                    Body.I32And(ref frame, ref Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 6);
                    continue;
                case Op.I32AddImmThenLoad32:
                    Body.I32AddImm(ref frame, ref ip);
                    Body.Load32(ref frame, ref Unsafe.Add(ref ip, 3), memory);
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32AddImmThenStore32:
                    Body.I32AddImm(ref frame, ref ip);
                    Body.Store32(ref frame, ref Unsafe.Add(ref ip, 3), memory);
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.Store32ThenStore32:
                    Body.Store32(ref frame, ref ip, memory);
                    Body.Store32(ref frame, ref Unsafe.Add(ref ip, 3), memory);
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.Load32ThenBrIfI32GtS:
                    Body.Load32(ref frame, ref ip, memory);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32GtS(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.CopyThenBr:
                    Body.Copy(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Imm(ref ip, 3));
                    continue;
                case Op.I32ShlImmThenI32XorImm:
                    Body.I32ShlImm(ref frame, ref ip);
                    Body.I32XorImm(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 7);
                    continue;
                case Op.I32Extend16SThenI32LtSImm:
                    Body.I32Extend16S(ref frame, ref ip);
                    Body.I32LtSImm(ref frame, ref Unsafe.Add(ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 6);
                    continue;
                case Op.I32LtSImmThenSelect:
                    Body.I32LtSImm(ref frame, ref ip);
                    Body.Select(ref frame, ref Unsafe.Add(ref ip, 3));
                    ip = ref Unsafe.Add(ref ip, 8);
                    continue;
                case Op.I32AddImmThenCallInternal:
                    Body.I32AddImm(ref frame, ref ip);
                    {
                        int index = Imm(ref ip, 4);
                        var target = context.Translations[index] as TranslatedFunction ?? Translator.GetOrTranslate(context.Instance.Module, index);
                        frame = ref context.PushFrame(ref ip, 6, target, context.Instance, Imm(ref ip, 5));
                        ip = ref MemoryMarshal.GetArrayDataReference(target.Code);
                        continue;
                    }
                case Op.I32AddThenReturnValue:
                    Body.I32Add(ref frame, ref ip);
                    frame = Slot(ref frame, ref ip, 4);
                    goto functionReturn;
                case Op.I32AddImmThenBrIfI32Ne:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32Ne(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32NeImm:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32NeImm(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32LtS:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtS(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32LtU:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtU(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32LtSImm:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtSImm(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32LtUImm:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32LtUImm(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32GtSImm:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32GtSImm(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                case Op.I32AddImmThenBrIfI32GtUImm:
                    Body.I32AddImm(ref frame, ref ip);
                    ip = ref Unsafe.Add(ref ip, Body.BrIfI32GtUImm(ref frame, ref Unsafe.Add(ref ip, 3)) ? Imm(ref ip, 6) : 7);
                    continue;
                // The most frequent vector instructions (auto-vectorized loops), dispatched here rather than through
                // ExecuteSimd's second switch and call.
                case Op.V128Load:
                    V(ref frame, ref ip, 1) = Unsafe.ReadUnaligned<V128>(ref LoadAddress(memory, ref frame, ref ip, 16));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.V128Store:
                    Unsafe.WriteUnaligned(ref StoreAddress(memory, ref frame, ref ip, 16), V(ref frame, ref ip, 2));
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32x4Add:
                    Vector<uint>(ref frame, ref ip, 1) = Vector<uint>(ref frame, ref ip, 2) + Vector<uint>(ref frame, ref ip, 3);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.I32x4Mul:
                    Vector<uint>(ref frame, ref ip, 1) = Vector<uint>(ref frame, ref ip, 2) * Vector<uint>(ref frame, ref ip, 3);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32x4Add:
                    Vector<float>(ref frame, ref ip, 1) = Vector<float>(ref frame, ref ip, 2) + Vector<float>(ref frame, ref ip, 3);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F32x4Mul:
                    Vector<float>(ref frame, ref ip, 1) = Vector<float>(ref frame, ref ip, 2) * Vector<float>(ref frame, ref ip, 3);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64x2Add:
                    Vector<double>(ref frame, ref ip, 1) = Vector<double>(ref frame, ref ip, 2) + Vector<double>(ref frame, ref ip, 3);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                case Op.F64x2Mul:
                    Vector<double>(ref frame, ref ip, 1) = Vector<double>(ref frame, ref ip, 2) * Vector<double>(ref frame, ref ip, 3);
                    ip = ref Unsafe.Add(ref ip, 4);
                    continue;
                default:
                    ip = ref Unsafe.Add(ref ip, (Op)ip >= Op.FirstSimd
                        ? ExecuteSimd(context.Memory.Bytes, ref frame, ref ip)
                        : ExecuteCold(context, ref frame, ref ip));
                    continue;
            }

        call:
            if (callee is WasmFunction wasm)
            {
                var target = Translator.GetOrTranslate(wasm.Instance.Module, wasm.DefinedIndex);
                frame = ref context.PushFrame(ref ip, length, target, wasm.Instance, argumentOffset);
                context.Enter(wasm.Instance);
                memory = context.Memory.Bytes;
                ip = ref MemoryMarshal.GetArrayDataReference(target.Code);
                continue;
            }
            {
                var caller = context.Instance;
                CallHost(context, (HostFunction)callee, argumentOffset);
                // The host may have run WebAssembly on these stacks (growing them, entering other instances) and grown memory.
                context.Enter(caller);
                frame = ref context.FrameAt(context.Depth);
                memory = context.Memory.Bytes;
                ip = ref Unsafe.Add(ref ip, length);
                continue;
            }

        functionReturn:
            if (context.Depth == baseDepth) return;
            context.Depth--;
            context.Enter(context.Frames[context.Depth].Instance);
            ip = ref context.ResumeAt(context.Depth);
            frame = ref context.FrameAt(context.Depth);
            memory = context.Memory.Bytes;
        }
    }
}
