using System.Runtime.CompilerServices;
using Wasmbed.Runtime;
using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Interpreter;

// Operations executed out of the dispatch loop: trapping conversions, references, tables, bulk memory and
// v128 moves. Each returns the length of its instruction.
internal static partial class Executor
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int ExecuteCold(InterpreterStack context, ref ulong frame, ref int ip)
    {
        var instance = context.Instance;
        switch ((Op)ip)
        {
            case Op.Const128:
                V(ref frame, ref ip, 1) = new V128(
                    (uint)Imm(ref ip, 2) | (ulong)(uint)Imm(ref ip, 3) << 32,
                    (uint)Imm(ref ip, 4) | (ulong)(uint)Imm(ref ip, 5) << 32);
                return 6;
            case Op.FuelDynamic:
                if (!FuelMeter.TryCharge(context.Store, FuelCosts.Dynamic((uint)Slot(ref frame, ref ip, 1), Imm(ref ip, 2))))
                    SuspendOutOfFuel(context, ref ip);
                return 3;
            case Op.Select2:
                V(ref frame, ref ip, 1) = (uint)Slot(ref frame, ref ip, 4) != 0 ? V(ref frame, ref ip, 2) : V(ref frame, ref ip, 3);
                return 5;
            case Op.GlobalGet2:
                {
                    var global = instance.Globals[Imm(ref ip, 2)];
                    V(ref frame, ref ip, 1) = new V128(global.Bits, global.HighBits);
                    return 3;
                }
            case Op.GlobalSet2:
                {
                    var global = instance.Globals[Imm(ref ip, 1)];
                    var value = V(ref frame, ref ip, 2);
                    global.Bits = value.Low;
                    global.HighBits = value.High;
                    return 3;
                }
            case Op.I32TruncF32S:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncF32S(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncF32U:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncF32U(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncF64S:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncF64S(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncF64U:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncF64U(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncF32S:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncF32S(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncF32U:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncF32U(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncF64S:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncF64S(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncF64U:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncF64U(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncSatF32S:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncSatF32S(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncSatF32U:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncSatF32U(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncSatF64S:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncSatF64S(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I32TruncSatF64U:
                Slot(ref frame, ref ip, 1) = (uint)(FloatOps.I32TruncSatF64U(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncSatF32S:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncSatF32S(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncSatF32U:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncSatF32U(F32(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncSatF64S:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncSatF64S(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.I64TruncSatF64U:
                Slot(ref frame, ref ip, 1) = (ulong)(FloatOps.I64TruncSatF64U(F64(ref frame, ref ip, 2)));
                return 3;
            case Op.RefFunc:
                Slot(ref frame, ref ip, 1) = instance.Functions[Imm(ref ip, 2)].Handle;
                return 3;
            case Op.TableGet:
                {
                    var elements = instance.Tables[Imm(ref ip, 2)].Elements;
                    uint index = (uint)Slot(ref frame, ref ip, 3);
                    if (index >= (uint)elements.Length) Throw.Trap(TrapCode.TableOutOfBounds);
                    Slot(ref frame, ref ip, 1) = elements[index];
                    return 4;
                }
            case Op.TableSet:
                {
                    var elements = instance.Tables[Imm(ref ip, 1)].Elements;
                    uint index = (uint)Slot(ref frame, ref ip, 2);
                    if (index >= (uint)elements.Length) Throw.Trap(TrapCode.TableOutOfBounds);
                    elements[index] = Slot(ref frame, ref ip, 3);
                    return 4;
                }
            case Op.TableSize:
                Slot(ref frame, ref ip, 1) = instance.Tables[Imm(ref ip, 2)].Size;
                return 3;
            case Op.TableGrow:
                Slot(ref frame, ref ip, 1) = (uint)instance.Tables[Imm(ref ip, 2)].Grow((uint)Slot(ref frame, ref ip, 4), Slot(ref frame, ref ip, 3));
                return 5;
            case Op.TableFill:
                {
                    // spec: 4.4.6 table.fill — traps when i + n exceeds the size, before writing anything.
                    var elements = instance.Tables[Imm(ref ip, 1)].Elements;
                    uint start = (uint)Slot(ref frame, ref ip, 2);
                    uint count = (uint)Slot(ref frame, ref ip, 4);
                    if ((ulong)start + count > (ulong)elements.Length) Throw.Trap(TrapCode.TableOutOfBounds);
                    elements.AsSpan((int)start, (int)count).Fill(Slot(ref frame, ref ip, 3));
                    return 5;
                }
            case Op.TableCopy:
                {
                    var destination = instance.Tables[Imm(ref ip, 1)].Elements;
                    var source = instance.Tables[Imm(ref ip, 2)].Elements;
                    uint to = (uint)Slot(ref frame, ref ip, 3), from = (uint)Slot(ref frame, ref ip, 4), count = (uint)Slot(ref frame, ref ip, 5);
                    if ((ulong)from + count > (ulong)source.Length || (ulong)to + count > (ulong)destination.Length)
                        Throw.Trap(TrapCode.TableOutOfBounds);
                    source.AsSpan((int)from, (int)count).CopyTo(destination.AsSpan((int)to));   // overlap-safe
                    return 6;
                }
            case Op.TableInit:
                {
                    var segment = instance.ElementSegments[Imm(ref ip, 1)];
                    var elements = instance.Tables[Imm(ref ip, 2)].Elements;
                    uint to = (uint)Slot(ref frame, ref ip, 3), from = (uint)Slot(ref frame, ref ip, 4), count = (uint)Slot(ref frame, ref ip, 5);
                    if ((ulong)from + count > (ulong)segment.Length || (ulong)to + count > (ulong)elements.Length)
                        Throw.Trap(TrapCode.TableOutOfBounds);
                    segment.AsSpan((int)from, (int)count).CopyTo(elements.AsSpan((int)to));
                    return 6;
                }
            case Op.ElemDrop:
                instance.ElementSegments[Imm(ref ip, 1)] = [];
                return 2;
            case Op.MemoryInit:
                {
                    var data = instance.DataSegments[Imm(ref ip, 1)].Span;
                    var memory = context.Memory.Bytes;
                    uint to = (uint)Slot(ref frame, ref ip, 2), from = (uint)Slot(ref frame, ref ip, 3), count = (uint)Slot(ref frame, ref ip, 4);
                    if ((ulong)from + count > (ulong)data.Length || (ulong)to + count > (ulong)memory.Length)
                        Throw.Trap(TrapCode.MemoryOutOfBounds);
                    data.Slice((int)from, (int)count).CopyTo(memory.AsSpan((int)to));
                    return 5;
                }
            case Op.DataDrop:
                instance.DataSegments[Imm(ref ip, 1)] = ReadOnlyMemory<byte>.Empty;
                return 2;
            case Op.MemoryCopy:
                {
                    var memory = context.Memory.Bytes;
                    uint to = (uint)Slot(ref frame, ref ip, 1), from = (uint)Slot(ref frame, ref ip, 2), count = (uint)Slot(ref frame, ref ip, 3);
                    if ((ulong)from + count > (ulong)memory.Length || (ulong)to + count > (ulong)memory.Length)
                        Throw.Trap(TrapCode.MemoryOutOfBounds);
                    memory.AsSpan((int)from, (int)count).CopyTo(memory.AsSpan((int)to));   // overlap-safe
                    return 4;
                }
            case Op.MemoryFill:
                {
                    var memory = context.Memory.Bytes;
                    uint to = (uint)Slot(ref frame, ref ip, 1), count = (uint)Slot(ref frame, ref ip, 3);
                    if ((ulong)to + count > (ulong)memory.Length) Throw.Trap(TrapCode.MemoryOutOfBounds);
                    memory.AsSpan((int)to, (int)count).Fill((byte)Slot(ref frame, ref ip, 2));
                    return 4;
                }
            case Op.CallCompiled:
                CallCompiled(context, Imm(ref ip, 1));
                return 2;
            default:
                return ThrowCorruptCode((Op)ip);
        }
    }
}
