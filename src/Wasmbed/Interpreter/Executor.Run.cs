using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wasmbed.Runtime;
using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Interpreter;

// The dispatch loop. Kept to the frequent operations so the JIT optimizes it fully; the rest runs in
// ExecuteCold/ExecuteSimd. Locals cache the current code, frame and memory; they are reloaded after
// calls, returns and memory.grow.
internal static partial class Executor
{
    private static void Run(Store store, InterpreterStack stack)
    {
        int baseDepth = stack.Depth;
        int depth = baseDepth;
        CallFrame[] frames = stack.Frames;
        ulong[] values = stack.Values;
        TranslatedFunction function = frames[depth].Function;
        ModuleInstance instance = frames[depth].Instance;
        int pc = frames[depth].Pc;
        int frameStart = frames[depth].FrameStart;
        ref int code = ref MemoryMarshal.GetArrayDataReference(function.Code);
        ref ulong frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), frameStart);
        object?[] translations = instance.Module.Translations;
        MemoryInstance memoryInstance = MemoryOf(instance);
        byte[] memory = memoryInstance.Bytes;

        // Call state, set by the call instructions before they jump to `call`.
        FunctionInstance callee;
        int argumentStart;

        while (true)
        {
            ref int ip = ref Unsafe.Add(ref code, pc);
            switch ((Op)ip)
            {
                case Op.Unreachable:
                    Throw.Trap(TrapCode.Unreachable);
                    continue;
                case Op.Br:
                    // Hook point: backward branches are loop back-edges (fuel and interruption checks).
                    pc = Imm(ref ip, 1);
                    continue;
                case Op.BrIf:
                    pc = Slot(ref frame, ref ip, 1) != 0 ? Imm(ref ip, 2) : pc + 3;
                    continue;
                case Op.BrIfNot:
                    pc = Slot(ref frame, ref ip, 1) == 0 ? Imm(ref ip, 2) : pc + 3;
                    continue;
                case Op.BrTable:
                    {
                        uint index = (uint)Slot(ref frame, ref ip, 1);
                        uint last = (uint)Imm(ref ip, 2) - 1;
                        pc = Imm(ref ip, 3 + (int)Math.Min(index, last));
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
                        var target = translations[index] as TranslatedFunction ?? Translator.GetOrTranslate(instance.Module, index);
                        int start = frameStart + Imm(ref ip, 2);
                        frames[depth].Pc = pc + 3;
                        if (++depth >= frames.Length) frames = stack.GrowFrames(depth);
                        if (start + target.FrameSlots > values.Length) values = stack.GrowValues(start + target.FrameSlots);
                        ref var next = ref frames[depth];
                        next.Function = target;
                        next.Instance = instance;
                        next.Pc = 0;
                        next.FrameStart = start;
                        stack.Depth = depth;
                        function = target;
                        frameStart = start;
                        pc = 0;
                        code = ref MemoryMarshal.GetArrayDataReference(target.Code);
                        frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), start);
                        ClearLocals(ref frame, target);
                        // Hook point: function entry (fuel and interruption checks).
                        continue;
                    }
                case Op.Call:
                    callee = instance.Functions[Imm(ref ip, 1)];
                    argumentStart = frameStart + Imm(ref ip, 2);
                    frames[depth].Pc = pc + 3;
                    goto call;
                case Op.CallIndirect:
                    callee = ResolveIndirect(store, instance, Imm(ref ip, 1), Imm(ref ip, 2), (uint)Slot(ref frame, ref ip, 4));
                    argumentStart = frameStart + Imm(ref ip, 3);
                    frames[depth].Pc = pc + 5;
                    goto call;
                case Op.Copy:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2);
                    pc += 3;
                    continue;
                case Op.Copy2:
                    V(ref frame, ref ip, 1) = V(ref frame, ref ip, 2);
                    pc += 3;
                    continue;
                case Op.Const32:
                    Slot(ref frame, ref ip, 1) = (uint)Imm(ref ip, 2);
                    pc += 3;
                    continue;
                case Op.Const64:
                    Slot(ref frame, ref ip, 1) = (uint)Imm(ref ip, 2) | (ulong)(uint)Imm(ref ip, 3) << 32;
                    pc += 4;
                    continue;
                case Op.Select:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 4) != 0 ? Slot(ref frame, ref ip, 2) : Slot(ref frame, ref ip, 3);
                    pc += 5;
                    continue;
                case Op.GlobalGet:
                    Slot(ref frame, ref ip, 1) = instance.Globals[Imm(ref ip, 2)].Bits;
                    pc += 3;
                    continue;
                case Op.GlobalSet:
                    instance.Globals[Imm(ref ip, 1)].Bits = Slot(ref frame, ref ip, 2);
                    pc += 3;
                    continue;
                case Op.Load32:
                    Slot(ref frame, ref ip, 1) = Unsafe.ReadUnaligned<uint>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 4));
                    pc += 4;
                    continue;
                case Op.Load64:
                    Slot(ref frame, ref ip, 1) = Unsafe.ReadUnaligned<ulong>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 8));
                    pc += 4;
                    continue;
                case Op.Load8U:
                    Slot(ref frame, ref ip, 1) = Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 1);
                    pc += 4;
                    continue;
                case Op.Load16U:
                    Slot(ref frame, ref ip, 1) = Unsafe.ReadUnaligned<ushort>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 2));
                    pc += 4;
                    continue;
                case Op.I32Load8S:
                    Slot(ref frame, ref ip, 1) = (uint)(sbyte)Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 1);
                    pc += 4;
                    continue;
                case Op.I32Load16S:
                    Slot(ref frame, ref ip, 1) = (uint)Unsafe.ReadUnaligned<short>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 2));
                    pc += 4;
                    continue;
                case Op.I64Load8S:
                    Slot(ref frame, ref ip, 1) = (ulong)(sbyte)Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 1);
                    pc += 4;
                    continue;
                case Op.I64Load16S:
                    Slot(ref frame, ref ip, 1) = (ulong)Unsafe.ReadUnaligned<short>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 2));
                    pc += 4;
                    continue;
                case Op.I64Load32S:
                    Slot(ref frame, ref ip, 1) = (ulong)Unsafe.ReadUnaligned<int>(ref Address(memory, (uint)Slot(ref frame, ref ip, 2), (uint)Imm(ref ip, 3), 4));
                    pc += 4;
                    continue;
                case Op.Store8:
                    Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), 1) = (byte)Slot(ref frame, ref ip, 2);
                    pc += 4;
                    continue;
                case Op.Store16:
                    Unsafe.WriteUnaligned(ref Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), 2), (ushort)Slot(ref frame, ref ip, 2));
                    pc += 4;
                    continue;
                case Op.Store32:
                    Unsafe.WriteUnaligned(ref Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), 4), (uint)Slot(ref frame, ref ip, 2));
                    pc += 4;
                    continue;
                case Op.Store64:
                    Unsafe.WriteUnaligned(ref Address(memory, (uint)Slot(ref frame, ref ip, 1), (uint)Imm(ref ip, 3), 8), Slot(ref frame, ref ip, 2));
                    pc += 4;
                    continue;
                case Op.MemorySize:
                    Slot(ref frame, ref ip, 1) = memoryInstance.Pages;
                    pc += 2;
                    continue;
                case Op.MemoryGrow:
                    Slot(ref frame, ref ip, 1) = (uint)memoryInstance.Grow((uint)Slot(ref frame, ref ip, 2));
                    memory = memoryInstance.Bytes;
                    pc += 3;
                    continue;
                case Op.BrIfI32Eq:
                    pc = I32(ref frame, ref ip, 1) == I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32Ne:
                    pc = I32(ref frame, ref ip, 1) != I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LtS:
                    pc = I32(ref frame, ref ip, 1) < I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LtU:
                    pc = (uint)Slot(ref frame, ref ip, 1) < (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GtS:
                    pc = I32(ref frame, ref ip, 1) > I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GtU:
                    pc = (uint)Slot(ref frame, ref ip, 1) > (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LeS:
                    pc = I32(ref frame, ref ip, 1) <= I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LeU:
                    pc = (uint)Slot(ref frame, ref ip, 1) <= (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GeS:
                    pc = I32(ref frame, ref ip, 1) >= I32(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GeU:
                    pc = (uint)Slot(ref frame, ref ip, 1) >= (uint)Slot(ref frame, ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32EqImm:
                    pc = I32(ref frame, ref ip, 1) == Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32NeImm:
                    pc = I32(ref frame, ref ip, 1) != Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LtSImm:
                    pc = I32(ref frame, ref ip, 1) < Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LtUImm:
                    pc = (uint)Slot(ref frame, ref ip, 1) < (uint)Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GtSImm:
                    pc = I32(ref frame, ref ip, 1) > Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GtUImm:
                    pc = (uint)Slot(ref frame, ref ip, 1) > (uint)Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LeSImm:
                    pc = I32(ref frame, ref ip, 1) <= Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32LeUImm:
                    pc = (uint)Slot(ref frame, ref ip, 1) <= (uint)Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GeSImm:
                    pc = I32(ref frame, ref ip, 1) >= Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.BrIfI32GeUImm:
                    pc = (uint)Slot(ref frame, ref ip, 1) >= (uint)Imm(ref ip, 2) ? Imm(ref ip, 3) : pc + 4;
                    continue;
                case Op.I32Eqz:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) == 0 ? 1UL : 0UL;
                    pc += 3;
                    continue;
                case Op.I32Eq:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) == I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32Ne:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) != I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LtS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) < I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LtU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) < (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GtS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) > I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GtU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) > (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LeS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) <= I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LeU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) <= (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GeS:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) >= I32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GeU:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) >= (uint)Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64Eqz:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) == 0 ? 1UL : 0UL;
                    pc += 3;
                    continue;
                case Op.I64Eq:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) == I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64Ne:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) != I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LtS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) < I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LtU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) < Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GtS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) > I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GtU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) > Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LeS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) <= I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LeU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) <= Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GeS:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) >= I64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GeU:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) >= Slot(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F32Eq:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) == F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F32Ne:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) != F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F32Lt:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) < F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F32Gt:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) > F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F32Le:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) <= F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F32Ge:
                    Slot(ref frame, ref ip, 1) = F32(ref frame, ref ip, 2) >= F32(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F64Eq:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) == F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F64Ne:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) != F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F64Lt:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) < F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F64Gt:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) > F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F64Le:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) <= F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.F64Ge:
                    Slot(ref frame, ref ip, 1) = F64(ref frame, ref ip, 2) >= F64(ref frame, ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32Clz:
                    Slot(ref frame, ref ip, 1) = (uint)(BitOperations.LeadingZeroCount((uint)Slot(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I32Ctz:
                    Slot(ref frame, ref ip, 1) = (uint)(BitOperations.TrailingZeroCount((uint)Slot(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I32Popcnt:
                    Slot(ref frame, ref ip, 1) = (uint)(BitOperations.PopCount((uint)Slot(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I32Add:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) + I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Sub:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) - I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Mul:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) * I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32DivS:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32DivS(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I32DivU:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32DivU(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I32RemS:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32RemS(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I32RemU:
                    Slot(ref frame, ref ip, 1) = (uint)(IntegerOps.I32RemU(I32(ref frame, ref ip, 2), I32(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I32And:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) & I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Or:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) | I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Xor:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) ^ I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Shl:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) << I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32ShrS:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >> I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32ShrU:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >>> I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Rotl:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft((uint)Slot(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32Rotr:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight((uint)Slot(ref frame, ref ip, 2), I32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Clz:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)BitOperations.LeadingZeroCount(Slot(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I64Ctz:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)BitOperations.TrailingZeroCount(Slot(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I64Popcnt:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)BitOperations.PopCount(Slot(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I64Add:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) + I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Sub:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) - I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Mul:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) * I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64DivS:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64DivS(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I64DivU:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64DivU(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I64RemS:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64RemS(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I64RemU:
                    Slot(ref frame, ref ip, 1) = (ulong)(IntegerOps.I64RemU(I64(ref frame, ref ip, 2), I64(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.I64And:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) & I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Or:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) | I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Xor:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) ^ I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Shl:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) << (int)I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64ShrS:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >> (int)I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64ShrU:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >>> (int)I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Rotl:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft(Slot(ref frame, ref ip, 2), (int)I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64Rotr:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight(Slot(ref frame, ref ip, 2), (int)I64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F32Abs:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) & 0x7FFF_FFFFu;
                    pc += 3;
                    continue;
                case Op.F32Neg:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) ^ 0x8000_0000u;
                    pc += 3;
                    continue;
                case Op.F32Ceil:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Ceil(F32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32Floor:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Floor(F32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32Trunc:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Trunc(F32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32Nearest:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Nearest(F32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32Sqrt:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Sqrt(F32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32Add:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) + F32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F32Sub:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) - F32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F32Mul:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) * F32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F32Div:
                    Slot(ref frame, ref ip, 1) = Bits(F32(ref frame, ref ip, 2) / F32(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F32Min:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Min(F32(ref frame, ref ip, 2), F32(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.F32Max:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32Max(F32(ref frame, ref ip, 2), F32(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.F32Copysign:
                    Slot(ref frame, ref ip, 1) = ((uint)Slot(ref frame, ref ip, 2) & 0x7FFF_FFFFu) | ((uint)Slot(ref frame, ref ip, 3) & 0x8000_0000u);
                    pc += 4;
                    continue;
                case Op.F64Abs:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) & 0x7FFF_FFFF_FFFF_FFFFul;
                    pc += 3;
                    continue;
                case Op.F64Neg:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) ^ 0x8000_0000_0000_0000ul;
                    pc += 3;
                    continue;
                case Op.F64Ceil:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Ceil(F64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64Floor:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Floor(F64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64Trunc:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Trunc(F64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64Nearest:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Nearest(F64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64Sqrt:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Sqrt(F64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64Add:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) + F64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F64Sub:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) - F64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F64Mul:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) * F64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F64Div:
                    Slot(ref frame, ref ip, 1) = Bits(F64(ref frame, ref ip, 2) / F64(ref frame, ref ip, 3));
                    pc += 4;
                    continue;
                case Op.F64Min:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Min(F64(ref frame, ref ip, 2), F64(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.F64Max:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64Max(F64(ref frame, ref ip, 2), F64(ref frame, ref ip, 3)));
                    pc += 4;
                    continue;
                case Op.F64Copysign:
                    Slot(ref frame, ref ip, 1) = (Slot(ref frame, ref ip, 2) & 0x7FFF_FFFF_FFFF_FFFFul) | (Slot(ref frame, ref ip, 3) & 0x8000_0000_0000_0000ul);
                    pc += 4;
                    continue;
                case Op.I32WrapI64:
                    Slot(ref frame, ref ip, 1) = (uint)((int)I64(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.I64ExtendI32S:
                    Slot(ref frame, ref ip, 1) = (ulong)((long)I32(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.F32ConvertI32S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI32S(I32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32ConvertI32U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI32U(I32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32ConvertI64S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI64S(I64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32ConvertI64U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32ConvertI64U(I64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F32DemoteF64:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F32DemoteF64(F64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64ConvertI32S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI32S(I32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64ConvertI32U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI32U(I32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64ConvertI64S:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI64S(I64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64ConvertI64U:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64ConvertI64U(I64(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.F64PromoteF32:
                    Slot(ref frame, ref ip, 1) = Bits(FloatOps.F64PromoteF32(F32(ref frame, ref ip, 2)));
                    pc += 3;
                    continue;
                case Op.I32Extend8S:
                    Slot(ref frame, ref ip, 1) = (uint)((sbyte)I32(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.I32Extend16S:
                    Slot(ref frame, ref ip, 1) = (uint)((short)I32(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.I64Extend8S:
                    Slot(ref frame, ref ip, 1) = (ulong)((sbyte)I64(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.I64Extend16S:
                    Slot(ref frame, ref ip, 1) = (ulong)((short)I64(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.I64Extend32S:
                    Slot(ref frame, ref ip, 1) = (ulong)((int)I64(ref frame, ref ip, 2));
                    pc += 3;
                    continue;
                case Op.RefIsNull:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) == 0 ? 1UL : 0UL;
                    pc += 3;
                    continue;
                case Op.I32AddImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) + Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32MulImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) * Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32AndImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) & Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32OrImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) | Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32XorImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) ^ Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32ShlImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) << Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32ShrSImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >> Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32ShrUImm:
                    Slot(ref frame, ref ip, 1) = (uint)(I32(ref frame, ref ip, 2) >>> Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32RotlImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft((uint)Slot(ref frame, ref ip, 2), Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32RotrImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight((uint)Slot(ref frame, ref ip, 2), Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I32EqImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) == Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32NeImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) != Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LtSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) < Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LtUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) < (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GtSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) > Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GtUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) > (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LeSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) <= Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32LeUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) <= (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GeSImm:
                    Slot(ref frame, ref ip, 1) = I32(ref frame, ref ip, 2) >= Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I32GeUImm:
                    Slot(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 2) >= (uint)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64AddImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) + (long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64MulImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) * (long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64AndImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) & (long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64OrImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) | (long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64XorImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) ^ (long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64ShlImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) << (int)(long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64ShrSImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >> (int)(long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64ShrUImm:
                    Slot(ref frame, ref ip, 1) = (ulong)(I64(ref frame, ref ip, 2) >>> (int)(long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64RotlImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateLeft(Slot(ref frame, ref ip, 2), (int)(long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64RotrImm:
                    Slot(ref frame, ref ip, 1) = BitOperations.RotateRight(Slot(ref frame, ref ip, 2), (int)(long)Imm(ref ip, 3));
                    pc += 4;
                    continue;
                case Op.I64EqImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) == (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64NeImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) != (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LtSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) < (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LtUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) < (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GtSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) > (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GtUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) > (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LeSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) <= (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64LeUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) <= (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GeSImm:
                    Slot(ref frame, ref ip, 1) = I64(ref frame, ref ip, 2) >= (long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                case Op.I64GeUImm:
                    Slot(ref frame, ref ip, 1) = Slot(ref frame, ref ip, 2) >= (ulong)(long)Imm(ref ip, 3) ? 1UL : 0UL;
                    pc += 4;
                    continue;
                default:
                    pc += ExecuteCold(store, instance, ref frame, ref ip);
                    continue;
            }

        call:
            if (callee is WasmFunction wasm)
            {
                var target = Translator.GetOrTranslate(wasm.Instance.Module, wasm.DefinedIndex);
                if (++depth >= frames.Length) frames = stack.GrowFrames(depth);
                if (argumentStart + target.FrameSlots > values.Length) values = stack.GrowValues(argumentStart + target.FrameSlots);
                ref var next = ref frames[depth];
                next.Function = target;
                next.Instance = wasm.Instance;
                next.Pc = 0;
                next.FrameStart = argumentStart;
                stack.Depth = depth;
                if (!ReferenceEquals(wasm.Instance, instance))
                {
                    instance = wasm.Instance;
                    translations = instance.Module.Translations;
                    memoryInstance = MemoryOf(instance);
                    memory = memoryInstance.Bytes;
                }
                function = target;
                frameStart = argumentStart;
                pc = 0;
                code = ref MemoryMarshal.GetArrayDataReference(target.Code);
                frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), argumentStart);
                ClearLocals(ref frame, target);
                // Hook point: function entry (fuel and interruption checks).
                continue;
            }
            CallHost(store, stack, instance, (HostFunction)callee, argumentStart, frameStart + function.FrameSlots);
            // The host may have run WebAssembly on these stacks (growing them) and grown memory.
            values = stack.Values;
            frames = stack.Frames;
            frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), frameStart);
            memory = memoryInstance.Bytes;
            pc = frames[depth].Pc;
            continue;

        functionReturn:
            if (depth == baseDepth) return;
            depth--;
            stack.Depth = depth;
            {
                ref var caller = ref frames[depth];
                function = caller.Function;
                pc = caller.Pc;
                frameStart = caller.FrameStart;
                if (!ReferenceEquals(caller.Instance, instance))
                {
                    instance = caller.Instance;
                    translations = instance.Module.Translations;
                    memoryInstance = MemoryOf(instance);
                }
            }
            code = ref MemoryMarshal.GetArrayDataReference(function.Code);
            frame = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(values), frameStart);
            memory = memoryInstance.Bytes;
        }
    }
}
