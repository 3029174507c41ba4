using System.Diagnostics;
using Wasmbed.Format;

namespace Wasmbed.Interpreter;

/// <summary>
/// The one description of the interpreter's operations: the operand layout of each <see cref="Op"/> and
/// which WebAssembly opcodes lower to it directly. The translator's generic paths, the debug checks of the
/// encoder and the disassembler all read this table.
/// </summary>
/// <remarks>
/// Each layout character is one <c>int</c> of the instruction stream after the op, except where noted:
/// <list type="table">
/// <item><term>r</term><description>result slot (frame-relative)</description></item>
/// <item><term>s</term><description>source slot (frame-relative)</description></item>
/// <item><term>b</term><description>first argument slot of a call; the callee's frame starts there</description></item>
/// <item><term>i</term><description>32-bit immediate (a constant operand, or a lane index)</description></item>
/// <item><term>L</term><description>64-bit immediate, two ints, low first</description></item>
/// <item><term>V</term><description>128-bit immediate, four ints, lowest first</description></item>
/// <item><term>o</term><description>memory offset (u32)</description></item>
/// <item><term>t</term><description>branch target: absolute position in the code array</description></item>
/// <item><term>n</term><description>number of branch targets that follow (<c>T</c>)</description></item>
/// <item><term>T</term><description>n branch targets (br_table; the last one is the default)</description></item>
/// <item><term>f g e d y</term><description>function, global, table, segment (data or element) and type index</description></item>
/// </list>
/// </remarks>
internal static class OpTable
{
    private static readonly string[] Layouts = new string[(int)Op.Count];
    private static readonly Dictionary<Opcode, Op> Lowerings = [];
    private static readonly Dictionary<(Op First, Op Second), Op> Fusions = [];
    private static readonly (Op First, Op Second)[] FusedParts = new (Op, Op)[(int)Op.Count];
    private static readonly bool[] StartsFusion = new bool[(int)Op.Count];

    static OpTable()
    {
        DefineAll();
        DefineFusedPairs();
        for (int i = 0; i < Layouts.Length; i++)
            Debug.Assert(Layouts[i] is not null, $"no layout for {(Op)i}");
    }

    /// <summary>The operand layout of <paramref name="op"/> (see the remarks for the characters).</summary>
    public static string Layout(Op op) => Layouts[(int)op];

    /// <summary>The op a WebAssembly opcode lowers to one-for-one (operands in layout order), if it does.</summary>
    public static bool TryLower(Opcode opcode, out Op op) => Lowerings.TryGetValue(opcode, out op);

    /// <summary>The op that executes <paramref name="first"/> and then <paramref name="second"/> in one dispatch, if there is one.</summary>
    public static bool TryFuse(Op first, Op second, out Op fused)
    {
        fused = Op.Unreachable;
        return StartsFusion[(int)first] && Fusions.TryGetValue((first, second), out fused);
    }

    /// <summary>Whether <paramref name="op"/> is a fused pair, and of which ops.</summary>
    public static bool IsFused(Op op, out Op first, out Op second)
    {
        (first, second) = FusedParts[(int)op];
        return Layouts[(int)op].Length > 0 && first != Op.Unreachable;
    }

    /// <summary>Number of ints an instruction occupies, the op included; <paramref name="code"/> starts at the op.</summary>
    public static int Length(ReadOnlySpan<int> code)
    {
        var layout = Layout((Op)code[0]);
        int length = 1;
        for (int i = 0; i < layout.Length; i++)
        {
            length += layout[i] switch
            {
                'L' => 2,
                'V' => 4,
                'T' => code[length - 1],   // preceded by its count 'n'
                _ => 1,
            };
        }
        return length;
    }

    private static void Define(Op op, string layout, params Opcode[] sources)
    {
        Debug.Assert(Layouts[(int)op] is null, $"{op} defined twice");
        Layouts[(int)op] = layout;
        foreach (var source in sources) Lowerings.Add(source, op);
    }

    /// <summary>
    /// A fused pair: its layout is the first op's operands followed by the second's, and its branch targets (if
    /// the second op branches) are relative to the fused instruction like any other.
    /// </summary>
    private static void DefineFused(Op fused, Op first, Op second)
    {
        Debug.Assert(Layouts[(int)fused] is null, $"{fused} defined twice");
        Debug.Assert(!Layouts[(int)first].Contains('t') && !Layouts[(int)first].Contains('T'), $"{first} branches: it cannot come first");
        Layouts[(int)fused] = Layouts[(int)first] + Layouts[(int)second];
        Fusions.Add((first, second), fused);
        FusedParts[(int)fused] = (first, second);
        StartsFusion[(int)first] = true;
    }

    private static void DefineAll()
    {
        Define(Op.Unreachable, "");
        Define(Op.Fuel, "i");
        Define(Op.CheckInterrupt, "");
        Define(Op.Br, "t");
        Define(Op.BrIf, "st");
        Define(Op.BrIfNot, "st");
        Define(Op.BrTable, "snT");
        Define(Op.BrIfI32Eq, "sst");
        Define(Op.BrIfI32Ne, "sst");
        Define(Op.BrIfI32LtS, "sst");
        Define(Op.BrIfI32LtU, "sst");
        Define(Op.BrIfI32GtS, "sst");
        Define(Op.BrIfI32GtU, "sst");
        Define(Op.BrIfI32LeS, "sst");
        Define(Op.BrIfI32LeU, "sst");
        Define(Op.BrIfI32GeS, "sst");
        Define(Op.BrIfI32GeU, "sst");
        Define(Op.BrIfI32EqImm, "sit");
        Define(Op.BrIfI32NeImm, "sit");
        Define(Op.BrIfI32LtSImm, "sit");
        Define(Op.BrIfI32LtUImm, "sit");
        Define(Op.BrIfI32GtSImm, "sit");
        Define(Op.BrIfI32GtUImm, "sit");
        Define(Op.BrIfI32LeSImm, "sit");
        Define(Op.BrIfI32LeUImm, "sit");
        Define(Op.BrIfI32GeSImm, "sit");
        Define(Op.BrIfI32GeUImm, "sit");
        Define(Op.Return, "");
        Define(Op.ReturnValue, "s");
        Define(Op.ReturnValue2, "s");
        Define(Op.Call, "fb");
        Define(Op.CallInternal, "fb");
        Define(Op.CallIndirect, "yebs");
        Define(Op.Copy, "rs");
        Define(Op.Copy2, "rs");
        Define(Op.Const32, "ri");
        Define(Op.Const64, "rL");
        Define(Op.Select, "rsss");
        Define(Op.GlobalGet, "rg");
        Define(Op.GlobalSet, "gs");
        Define(Op.Load32, "rso", Opcode.I32Load, Opcode.F32Load, Opcode.I64Load32U);
        Define(Op.Load64, "rso", Opcode.I64Load, Opcode.F64Load);
        Define(Op.Load8U, "rso", Opcode.I32Load8U, Opcode.I64Load8U);
        Define(Op.Load16U, "rso", Opcode.I32Load16U, Opcode.I64Load16U);
        Define(Op.I32Load8S, "rso", Opcode.I32Load8S);
        Define(Op.I32Load16S, "rso", Opcode.I32Load16S);
        Define(Op.I64Load8S, "rso", Opcode.I64Load8S);
        Define(Op.I64Load16S, "rso", Opcode.I64Load16S);
        Define(Op.I64Load32S, "rso", Opcode.I64Load32S);
        Define(Op.Store8, "sso", Opcode.I32Store8, Opcode.I64Store8);
        Define(Op.Store16, "sso", Opcode.I32Store16, Opcode.I64Store16);
        Define(Op.Store32, "sso", Opcode.I32Store, Opcode.F32Store, Opcode.I64Store32);
        Define(Op.Store64, "sso", Opcode.I64Store, Opcode.F64Store);
        Define(Op.MemorySize, "r");
        Define(Op.MemoryGrow, "rs");
        Define(Op.I32Eqz, "rs", Opcode.I32Eqz);
        Define(Op.I32Eq, "rss", Opcode.I32Eq);
        Define(Op.I32Ne, "rss", Opcode.I32Ne);
        Define(Op.I32LtS, "rss", Opcode.I32LtS);
        Define(Op.I32LtU, "rss", Opcode.I32LtU);
        Define(Op.I32GtS, "rss", Opcode.I32GtS);
        Define(Op.I32GtU, "rss", Opcode.I32GtU);
        Define(Op.I32LeS, "rss", Opcode.I32LeS);
        Define(Op.I32LeU, "rss", Opcode.I32LeU);
        Define(Op.I32GeS, "rss", Opcode.I32GeS);
        Define(Op.I32GeU, "rss", Opcode.I32GeU);
        Define(Op.I64Eqz, "rs", Opcode.I64Eqz);
        Define(Op.I64Eq, "rss", Opcode.I64Eq);
        Define(Op.I64Ne, "rss", Opcode.I64Ne);
        Define(Op.I64LtS, "rss", Opcode.I64LtS);
        Define(Op.I64LtU, "rss", Opcode.I64LtU);
        Define(Op.I64GtS, "rss", Opcode.I64GtS);
        Define(Op.I64GtU, "rss", Opcode.I64GtU);
        Define(Op.I64LeS, "rss", Opcode.I64LeS);
        Define(Op.I64LeU, "rss", Opcode.I64LeU);
        Define(Op.I64GeS, "rss", Opcode.I64GeS);
        Define(Op.I64GeU, "rss", Opcode.I64GeU);
        Define(Op.F32Eq, "rss", Opcode.F32Eq);
        Define(Op.F32Ne, "rss", Opcode.F32Ne);
        Define(Op.F32Lt, "rss", Opcode.F32Lt);
        Define(Op.F32Gt, "rss", Opcode.F32Gt);
        Define(Op.F32Le, "rss", Opcode.F32Le);
        Define(Op.F32Ge, "rss", Opcode.F32Ge);
        Define(Op.F64Eq, "rss", Opcode.F64Eq);
        Define(Op.F64Ne, "rss", Opcode.F64Ne);
        Define(Op.F64Lt, "rss", Opcode.F64Lt);
        Define(Op.F64Gt, "rss", Opcode.F64Gt);
        Define(Op.F64Le, "rss", Opcode.F64Le);
        Define(Op.F64Ge, "rss", Opcode.F64Ge);
        Define(Op.I32Clz, "rs", Opcode.I32Clz);
        Define(Op.I32Ctz, "rs", Opcode.I32Ctz);
        Define(Op.I32Popcnt, "rs", Opcode.I32Popcnt);
        Define(Op.I32Add, "rss", Opcode.I32Add);
        Define(Op.I32Sub, "rss", Opcode.I32Sub);
        Define(Op.I32Mul, "rss", Opcode.I32Mul);
        Define(Op.I32DivS, "rss", Opcode.I32DivS);
        Define(Op.I32DivU, "rss", Opcode.I32DivU);
        Define(Op.I32RemS, "rss", Opcode.I32RemS);
        Define(Op.I32RemU, "rss", Opcode.I32RemU);
        Define(Op.I32And, "rss", Opcode.I32And);
        Define(Op.I32Or, "rss", Opcode.I32Or);
        Define(Op.I32Xor, "rss", Opcode.I32Xor);
        Define(Op.I32Shl, "rss", Opcode.I32Shl);
        Define(Op.I32ShrS, "rss", Opcode.I32ShrS);
        Define(Op.I32ShrU, "rss", Opcode.I32ShrU);
        Define(Op.I32Rotl, "rss", Opcode.I32Rotl);
        Define(Op.I32Rotr, "rss", Opcode.I32Rotr);
        Define(Op.I64Clz, "rs", Opcode.I64Clz);
        Define(Op.I64Ctz, "rs", Opcode.I64Ctz);
        Define(Op.I64Popcnt, "rs", Opcode.I64Popcnt);
        Define(Op.I64Add, "rss", Opcode.I64Add);
        Define(Op.I64Sub, "rss", Opcode.I64Sub);
        Define(Op.I64Mul, "rss", Opcode.I64Mul);
        Define(Op.I64DivS, "rss", Opcode.I64DivS);
        Define(Op.I64DivU, "rss", Opcode.I64DivU);
        Define(Op.I64RemS, "rss", Opcode.I64RemS);
        Define(Op.I64RemU, "rss", Opcode.I64RemU);
        Define(Op.I64And, "rss", Opcode.I64And);
        Define(Op.I64Or, "rss", Opcode.I64Or);
        Define(Op.I64Xor, "rss", Opcode.I64Xor);
        Define(Op.I64Shl, "rss", Opcode.I64Shl);
        Define(Op.I64ShrS, "rss", Opcode.I64ShrS);
        Define(Op.I64ShrU, "rss", Opcode.I64ShrU);
        Define(Op.I64Rotl, "rss", Opcode.I64Rotl);
        Define(Op.I64Rotr, "rss", Opcode.I64Rotr);
        Define(Op.F32Abs, "rs", Opcode.F32Abs);
        Define(Op.F32Neg, "rs", Opcode.F32Neg);
        Define(Op.F32Ceil, "rs", Opcode.F32Ceil);
        Define(Op.F32Floor, "rs", Opcode.F32Floor);
        Define(Op.F32Trunc, "rs", Opcode.F32Trunc);
        Define(Op.F32Nearest, "rs", Opcode.F32Nearest);
        Define(Op.F32Sqrt, "rs", Opcode.F32Sqrt);
        Define(Op.F32Add, "rss", Opcode.F32Add);
        Define(Op.F32Sub, "rss", Opcode.F32Sub);
        Define(Op.F32Mul, "rss", Opcode.F32Mul);
        Define(Op.F32Div, "rss", Opcode.F32Div);
        Define(Op.F32Min, "rss", Opcode.F32Min);
        Define(Op.F32Max, "rss", Opcode.F32Max);
        Define(Op.F32Copysign, "rss", Opcode.F32Copysign);
        Define(Op.F64Abs, "rs", Opcode.F64Abs);
        Define(Op.F64Neg, "rs", Opcode.F64Neg);
        Define(Op.F64Ceil, "rs", Opcode.F64Ceil);
        Define(Op.F64Floor, "rs", Opcode.F64Floor);
        Define(Op.F64Trunc, "rs", Opcode.F64Trunc);
        Define(Op.F64Nearest, "rs", Opcode.F64Nearest);
        Define(Op.F64Sqrt, "rs", Opcode.F64Sqrt);
        Define(Op.F64Add, "rss", Opcode.F64Add);
        Define(Op.F64Sub, "rss", Opcode.F64Sub);
        Define(Op.F64Mul, "rss", Opcode.F64Mul);
        Define(Op.F64Div, "rss", Opcode.F64Div);
        Define(Op.F64Min, "rss", Opcode.F64Min);
        Define(Op.F64Max, "rss", Opcode.F64Max);
        Define(Op.F64Copysign, "rss", Opcode.F64Copysign);
        Define(Op.I32WrapI64, "rs", Opcode.I32WrapI64);
        Define(Op.I64ExtendI32S, "rs", Opcode.I64ExtendI32S);
        Define(Op.F32ConvertI32S, "rs", Opcode.F32ConvertI32S);
        Define(Op.F32ConvertI32U, "rs", Opcode.F32ConvertI32U);
        Define(Op.F32ConvertI64S, "rs", Opcode.F32ConvertI64S);
        Define(Op.F32ConvertI64U, "rs", Opcode.F32ConvertI64U);
        Define(Op.F32DemoteF64, "rs", Opcode.F32DemoteF64);
        Define(Op.F64ConvertI32S, "rs", Opcode.F64ConvertI32S);
        Define(Op.F64ConvertI32U, "rs", Opcode.F64ConvertI32U);
        Define(Op.F64ConvertI64S, "rs", Opcode.F64ConvertI64S);
        Define(Op.F64ConvertI64U, "rs", Opcode.F64ConvertI64U);
        Define(Op.F64PromoteF32, "rs", Opcode.F64PromoteF32);
        Define(Op.I32Extend8S, "rs", Opcode.I32Extend8S);
        Define(Op.I32Extend16S, "rs", Opcode.I32Extend16S);
        Define(Op.I64Extend8S, "rs", Opcode.I64Extend8S);
        Define(Op.I64Extend16S, "rs", Opcode.I64Extend16S);
        Define(Op.I64Extend32S, "rs", Opcode.I64Extend32S);
        Define(Op.RefIsNull, "rs", Opcode.RefIsNull);
        Define(Op.I32AddImm, "rsi");
        Define(Op.I32MulImm, "rsi");
        Define(Op.I32AndImm, "rsi");
        Define(Op.I32OrImm, "rsi");
        Define(Op.I32XorImm, "rsi");
        Define(Op.I32ShlImm, "rsi");
        Define(Op.I32ShrSImm, "rsi");
        Define(Op.I32ShrUImm, "rsi");
        Define(Op.I32RotlImm, "rsi");
        Define(Op.I32RotrImm, "rsi");
        Define(Op.I32EqImm, "rsi");
        Define(Op.I32NeImm, "rsi");
        Define(Op.I32LtSImm, "rsi");
        Define(Op.I32LtUImm, "rsi");
        Define(Op.I32GtSImm, "rsi");
        Define(Op.I32GtUImm, "rsi");
        Define(Op.I32LeSImm, "rsi");
        Define(Op.I32LeUImm, "rsi");
        Define(Op.I32GeSImm, "rsi");
        Define(Op.I32GeUImm, "rsi");
        Define(Op.I64AddImm, "rsi");
        Define(Op.I64MulImm, "rsi");
        Define(Op.I64AndImm, "rsi");
        Define(Op.I64OrImm, "rsi");
        Define(Op.I64XorImm, "rsi");
        Define(Op.I64ShlImm, "rsi");
        Define(Op.I64ShrSImm, "rsi");
        Define(Op.I64ShrUImm, "rsi");
        Define(Op.I64RotlImm, "rsi");
        Define(Op.I64RotrImm, "rsi");
        Define(Op.I64EqImm, "rsi");
        Define(Op.I64NeImm, "rsi");
        Define(Op.I64LtSImm, "rsi");
        Define(Op.I64LtUImm, "rsi");
        Define(Op.I64GtSImm, "rsi");
        Define(Op.I64GtUImm, "rsi");
        Define(Op.I64LeSImm, "rsi");
        Define(Op.I64LeUImm, "rsi");
        Define(Op.I64GeSImm, "rsi");
        Define(Op.I64GeUImm, "rsi");
        Define(Op.I32AddLoad, "rsso");
        Define(Op.I64AddLoad, "rsso");
        Define(Op.F32AddLoad, "rsso");
        Define(Op.F32MulLoad, "rsso");
        Define(Op.F64AddLoad, "rsso");
        Define(Op.F64MulLoad, "rsso");
        Define(Op.Const128, "rV");
        Define(Op.FuelDynamic, "si");
        Define(Op.CallCompiled, "i");
        Define(Op.Select2, "rsss");
        Define(Op.GlobalGet2, "rg");
        Define(Op.GlobalSet2, "gs");
        Define(Op.I32TruncF32S, "rs", Opcode.I32TruncF32S);
        Define(Op.I32TruncF32U, "rs", Opcode.I32TruncF32U);
        Define(Op.I32TruncF64S, "rs", Opcode.I32TruncF64S);
        Define(Op.I32TruncF64U, "rs", Opcode.I32TruncF64U);
        Define(Op.I64TruncF32S, "rs", Opcode.I64TruncF32S);
        Define(Op.I64TruncF32U, "rs", Opcode.I64TruncF32U);
        Define(Op.I64TruncF64S, "rs", Opcode.I64TruncF64S);
        Define(Op.I64TruncF64U, "rs", Opcode.I64TruncF64U);
        Define(Op.I32TruncSatF32S, "rs", Opcode.I32TruncSatF32S);
        Define(Op.I32TruncSatF32U, "rs", Opcode.I32TruncSatF32U);
        Define(Op.I32TruncSatF64S, "rs", Opcode.I32TruncSatF64S);
        Define(Op.I32TruncSatF64U, "rs", Opcode.I32TruncSatF64U);
        Define(Op.I64TruncSatF32S, "rs", Opcode.I64TruncSatF32S);
        Define(Op.I64TruncSatF32U, "rs", Opcode.I64TruncSatF32U);
        Define(Op.I64TruncSatF64S, "rs", Opcode.I64TruncSatF64S);
        Define(Op.I64TruncSatF64U, "rs", Opcode.I64TruncSatF64U);
        Define(Op.RefFunc, "rf");
        Define(Op.TableGet, "res");
        Define(Op.TableSet, "ess");
        Define(Op.TableSize, "re");
        Define(Op.TableGrow, "ress");
        Define(Op.TableFill, "esss");
        Define(Op.TableCopy, "eesss");
        Define(Op.TableInit, "desss");
        Define(Op.ElemDrop, "d");
        Define(Op.MemoryInit, "dsss");
        Define(Op.DataDrop, "d");
        Define(Op.MemoryCopy, "sss");
        Define(Op.MemoryFill, "sss");
        Define(Op.V128Load, "rso", Opcode.V128Load);
        Define(Op.V128Load8x8S, "rso", Opcode.V128Load8x8S);
        Define(Op.V128Load8x8U, "rso", Opcode.V128Load8x8U);
        Define(Op.V128Load16x4S, "rso", Opcode.V128Load16x4S);
        Define(Op.V128Load16x4U, "rso", Opcode.V128Load16x4U);
        Define(Op.V128Load32x2S, "rso", Opcode.V128Load32x2S);
        Define(Op.V128Load32x2U, "rso", Opcode.V128Load32x2U);
        Define(Op.V128Load8Splat, "rso", Opcode.V128Load8Splat);
        Define(Op.V128Load16Splat, "rso", Opcode.V128Load16Splat);
        Define(Op.V128Load32Splat, "rso", Opcode.V128Load32Splat);
        Define(Op.V128Load64Splat, "rso", Opcode.V128Load64Splat);
        Define(Op.V128Store, "sso", Opcode.V128Store);
        Define(Op.I8x16Shuffle, "rssV", Opcode.I8x16Shuffle);
        Define(Op.I8x16Swizzle, "rss", Opcode.I8x16Swizzle);
        Define(Op.I8x16Splat, "rs", Opcode.I8x16Splat);
        Define(Op.I16x8Splat, "rs", Opcode.I16x8Splat);
        Define(Op.I32x4Splat, "rs", Opcode.I32x4Splat);
        Define(Op.I64x2Splat, "rs", Opcode.I64x2Splat);
        Define(Op.F32x4Splat, "rs", Opcode.F32x4Splat);
        Define(Op.F64x2Splat, "rs", Opcode.F64x2Splat);
        Define(Op.I8x16ExtractLaneS, "rsi", Opcode.I8x16ExtractLaneS);
        Define(Op.I8x16ExtractLaneU, "rsi", Opcode.I8x16ExtractLaneU);
        Define(Op.I8x16ReplaceLane, "rssi", Opcode.I8x16ReplaceLane);
        Define(Op.I16x8ExtractLaneS, "rsi", Opcode.I16x8ExtractLaneS);
        Define(Op.I16x8ExtractLaneU, "rsi", Opcode.I16x8ExtractLaneU);
        Define(Op.I16x8ReplaceLane, "rssi", Opcode.I16x8ReplaceLane);
        Define(Op.I32x4ExtractLane, "rsi", Opcode.I32x4ExtractLane);
        Define(Op.I32x4ReplaceLane, "rssi", Opcode.I32x4ReplaceLane);
        Define(Op.I64x2ExtractLane, "rsi", Opcode.I64x2ExtractLane);
        Define(Op.I64x2ReplaceLane, "rssi", Opcode.I64x2ReplaceLane);
        Define(Op.F32x4ExtractLane, "rsi", Opcode.F32x4ExtractLane);
        Define(Op.F32x4ReplaceLane, "rssi", Opcode.F32x4ReplaceLane);
        Define(Op.F64x2ExtractLane, "rsi", Opcode.F64x2ExtractLane);
        Define(Op.F64x2ReplaceLane, "rssi", Opcode.F64x2ReplaceLane);
        Define(Op.I8x16Eq, "rss", Opcode.I8x16Eq);
        Define(Op.I8x16Ne, "rss", Opcode.I8x16Ne);
        Define(Op.I8x16LtS, "rss", Opcode.I8x16LtS);
        Define(Op.I8x16LtU, "rss", Opcode.I8x16LtU);
        Define(Op.I8x16GtS, "rss", Opcode.I8x16GtS);
        Define(Op.I8x16GtU, "rss", Opcode.I8x16GtU);
        Define(Op.I8x16LeS, "rss", Opcode.I8x16LeS);
        Define(Op.I8x16LeU, "rss", Opcode.I8x16LeU);
        Define(Op.I8x16GeS, "rss", Opcode.I8x16GeS);
        Define(Op.I8x16GeU, "rss", Opcode.I8x16GeU);
        Define(Op.I16x8Eq, "rss", Opcode.I16x8Eq);
        Define(Op.I16x8Ne, "rss", Opcode.I16x8Ne);
        Define(Op.I16x8LtS, "rss", Opcode.I16x8LtS);
        Define(Op.I16x8LtU, "rss", Opcode.I16x8LtU);
        Define(Op.I16x8GtS, "rss", Opcode.I16x8GtS);
        Define(Op.I16x8GtU, "rss", Opcode.I16x8GtU);
        Define(Op.I16x8LeS, "rss", Opcode.I16x8LeS);
        Define(Op.I16x8LeU, "rss", Opcode.I16x8LeU);
        Define(Op.I16x8GeS, "rss", Opcode.I16x8GeS);
        Define(Op.I16x8GeU, "rss", Opcode.I16x8GeU);
        Define(Op.I32x4Eq, "rss", Opcode.I32x4Eq);
        Define(Op.I32x4Ne, "rss", Opcode.I32x4Ne);
        Define(Op.I32x4LtS, "rss", Opcode.I32x4LtS);
        Define(Op.I32x4LtU, "rss", Opcode.I32x4LtU);
        Define(Op.I32x4GtS, "rss", Opcode.I32x4GtS);
        Define(Op.I32x4GtU, "rss", Opcode.I32x4GtU);
        Define(Op.I32x4LeS, "rss", Opcode.I32x4LeS);
        Define(Op.I32x4LeU, "rss", Opcode.I32x4LeU);
        Define(Op.I32x4GeS, "rss", Opcode.I32x4GeS);
        Define(Op.I32x4GeU, "rss", Opcode.I32x4GeU);
        Define(Op.F32x4Eq, "rss", Opcode.F32x4Eq);
        Define(Op.F32x4Ne, "rss", Opcode.F32x4Ne);
        Define(Op.F32x4Lt, "rss", Opcode.F32x4Lt);
        Define(Op.F32x4Gt, "rss", Opcode.F32x4Gt);
        Define(Op.F32x4Le, "rss", Opcode.F32x4Le);
        Define(Op.F32x4Ge, "rss", Opcode.F32x4Ge);
        Define(Op.F64x2Eq, "rss", Opcode.F64x2Eq);
        Define(Op.F64x2Ne, "rss", Opcode.F64x2Ne);
        Define(Op.F64x2Lt, "rss", Opcode.F64x2Lt);
        Define(Op.F64x2Gt, "rss", Opcode.F64x2Gt);
        Define(Op.F64x2Le, "rss", Opcode.F64x2Le);
        Define(Op.F64x2Ge, "rss", Opcode.F64x2Ge);
        Define(Op.V128Not, "rs", Opcode.V128Not);
        Define(Op.V128And, "rss", Opcode.V128And);
        Define(Op.V128Andnot, "rss", Opcode.V128Andnot);
        Define(Op.V128Or, "rss", Opcode.V128Or);
        Define(Op.V128Xor, "rss", Opcode.V128Xor);
        Define(Op.V128Bitselect, "rsss", Opcode.V128Bitselect);
        Define(Op.V128AnyTrue, "rs", Opcode.V128AnyTrue);
        Define(Op.V128Load8Lane, "rssoi", Opcode.V128Load8Lane);
        Define(Op.V128Load16Lane, "rssoi", Opcode.V128Load16Lane);
        Define(Op.V128Load32Lane, "rssoi", Opcode.V128Load32Lane);
        Define(Op.V128Load64Lane, "rssoi", Opcode.V128Load64Lane);
        Define(Op.V128Store8Lane, "ssoi", Opcode.V128Store8Lane);
        Define(Op.V128Store16Lane, "ssoi", Opcode.V128Store16Lane);
        Define(Op.V128Store32Lane, "ssoi", Opcode.V128Store32Lane);
        Define(Op.V128Store64Lane, "ssoi", Opcode.V128Store64Lane);
        Define(Op.V128Load32Zero, "rso", Opcode.V128Load32Zero);
        Define(Op.V128Load64Zero, "rso", Opcode.V128Load64Zero);
        Define(Op.F32x4DemoteF64x2Zero, "rs", Opcode.F32x4DemoteF64x2Zero);
        Define(Op.F64x2PromoteLowF32x4, "rs", Opcode.F64x2PromoteLowF32x4);
        Define(Op.I8x16Abs, "rs", Opcode.I8x16Abs);
        Define(Op.I8x16Neg, "rs", Opcode.I8x16Neg);
        Define(Op.I8x16Popcnt, "rs", Opcode.I8x16Popcnt);
        Define(Op.I8x16AllTrue, "rs", Opcode.I8x16AllTrue);
        Define(Op.I8x16Bitmask, "rs", Opcode.I8x16Bitmask);
        Define(Op.I8x16NarrowI16x8S, "rss", Opcode.I8x16NarrowI16x8S);
        Define(Op.I8x16NarrowI16x8U, "rss", Opcode.I8x16NarrowI16x8U);
        Define(Op.F32x4Ceil, "rs", Opcode.F32x4Ceil);
        Define(Op.F32x4Floor, "rs", Opcode.F32x4Floor);
        Define(Op.F32x4Trunc, "rs", Opcode.F32x4Trunc);
        Define(Op.F32x4Nearest, "rs", Opcode.F32x4Nearest);
        Define(Op.I8x16Shl, "rss", Opcode.I8x16Shl);
        Define(Op.I8x16ShrS, "rss", Opcode.I8x16ShrS);
        Define(Op.I8x16ShrU, "rss", Opcode.I8x16ShrU);
        Define(Op.I8x16Add, "rss", Opcode.I8x16Add);
        Define(Op.I8x16AddSatS, "rss", Opcode.I8x16AddSatS);
        Define(Op.I8x16AddSatU, "rss", Opcode.I8x16AddSatU);
        Define(Op.I8x16Sub, "rss", Opcode.I8x16Sub);
        Define(Op.I8x16SubSatS, "rss", Opcode.I8x16SubSatS);
        Define(Op.I8x16SubSatU, "rss", Opcode.I8x16SubSatU);
        Define(Op.F64x2Ceil, "rs", Opcode.F64x2Ceil);
        Define(Op.F64x2Floor, "rs", Opcode.F64x2Floor);
        Define(Op.I8x16MinS, "rss", Opcode.I8x16MinS);
        Define(Op.I8x16MinU, "rss", Opcode.I8x16MinU);
        Define(Op.I8x16MaxS, "rss", Opcode.I8x16MaxS);
        Define(Op.I8x16MaxU, "rss", Opcode.I8x16MaxU);
        Define(Op.F64x2Trunc, "rs", Opcode.F64x2Trunc);
        Define(Op.I8x16AvgrU, "rss", Opcode.I8x16AvgrU);
        Define(Op.I16x8ExtaddPairwiseI8x16S, "rs", Opcode.I16x8ExtaddPairwiseI8x16S);
        Define(Op.I16x8ExtaddPairwiseI8x16U, "rs", Opcode.I16x8ExtaddPairwiseI8x16U);
        Define(Op.I32x4ExtaddPairwiseI16x8S, "rs", Opcode.I32x4ExtaddPairwiseI16x8S);
        Define(Op.I32x4ExtaddPairwiseI16x8U, "rs", Opcode.I32x4ExtaddPairwiseI16x8U);
        Define(Op.I16x8Abs, "rs", Opcode.I16x8Abs);
        Define(Op.I16x8Neg, "rs", Opcode.I16x8Neg);
        Define(Op.I16x8Q15mulrSatS, "rss", Opcode.I16x8Q15mulrSatS);
        Define(Op.I16x8AllTrue, "rs", Opcode.I16x8AllTrue);
        Define(Op.I16x8Bitmask, "rs", Opcode.I16x8Bitmask);
        Define(Op.I16x8NarrowI32x4S, "rss", Opcode.I16x8NarrowI32x4S);
        Define(Op.I16x8NarrowI32x4U, "rss", Opcode.I16x8NarrowI32x4U);
        Define(Op.I16x8ExtendLowI8x16S, "rs", Opcode.I16x8ExtendLowI8x16S);
        Define(Op.I16x8ExtendHighI8x16S, "rs", Opcode.I16x8ExtendHighI8x16S);
        Define(Op.I16x8ExtendLowI8x16U, "rs", Opcode.I16x8ExtendLowI8x16U);
        Define(Op.I16x8ExtendHighI8x16U, "rs", Opcode.I16x8ExtendHighI8x16U);
        Define(Op.I16x8Shl, "rss", Opcode.I16x8Shl);
        Define(Op.I16x8ShrS, "rss", Opcode.I16x8ShrS);
        Define(Op.I16x8ShrU, "rss", Opcode.I16x8ShrU);
        Define(Op.I16x8Add, "rss", Opcode.I16x8Add);
        Define(Op.I16x8AddSatS, "rss", Opcode.I16x8AddSatS);
        Define(Op.I16x8AddSatU, "rss", Opcode.I16x8AddSatU);
        Define(Op.I16x8Sub, "rss", Opcode.I16x8Sub);
        Define(Op.I16x8SubSatS, "rss", Opcode.I16x8SubSatS);
        Define(Op.I16x8SubSatU, "rss", Opcode.I16x8SubSatU);
        Define(Op.F64x2Nearest, "rs", Opcode.F64x2Nearest);
        Define(Op.I16x8Mul, "rss", Opcode.I16x8Mul);
        Define(Op.I16x8MinS, "rss", Opcode.I16x8MinS);
        Define(Op.I16x8MinU, "rss", Opcode.I16x8MinU);
        Define(Op.I16x8MaxS, "rss", Opcode.I16x8MaxS);
        Define(Op.I16x8MaxU, "rss", Opcode.I16x8MaxU);
        Define(Op.I16x8AvgrU, "rss", Opcode.I16x8AvgrU);
        Define(Op.I16x8ExtmulLowI8x16S, "rss", Opcode.I16x8ExtmulLowI8x16S);
        Define(Op.I16x8ExtmulHighI8x16S, "rss", Opcode.I16x8ExtmulHighI8x16S);
        Define(Op.I16x8ExtmulLowI8x16U, "rss", Opcode.I16x8ExtmulLowI8x16U);
        Define(Op.I16x8ExtmulHighI8x16U, "rss", Opcode.I16x8ExtmulHighI8x16U);
        Define(Op.I32x4Abs, "rs", Opcode.I32x4Abs);
        Define(Op.I32x4Neg, "rs", Opcode.I32x4Neg);
        Define(Op.I32x4AllTrue, "rs", Opcode.I32x4AllTrue);
        Define(Op.I32x4Bitmask, "rs", Opcode.I32x4Bitmask);
        Define(Op.I32x4ExtendLowI16x8S, "rs", Opcode.I32x4ExtendLowI16x8S);
        Define(Op.I32x4ExtendHighI16x8S, "rs", Opcode.I32x4ExtendHighI16x8S);
        Define(Op.I32x4ExtendLowI16x8U, "rs", Opcode.I32x4ExtendLowI16x8U);
        Define(Op.I32x4ExtendHighI16x8U, "rs", Opcode.I32x4ExtendHighI16x8U);
        Define(Op.I32x4Shl, "rss", Opcode.I32x4Shl);
        Define(Op.I32x4ShrS, "rss", Opcode.I32x4ShrS);
        Define(Op.I32x4ShrU, "rss", Opcode.I32x4ShrU);
        Define(Op.I32x4Add, "rss", Opcode.I32x4Add);
        Define(Op.I32x4Sub, "rss", Opcode.I32x4Sub);
        Define(Op.I32x4Mul, "rss", Opcode.I32x4Mul);
        Define(Op.I32x4MinS, "rss", Opcode.I32x4MinS);
        Define(Op.I32x4MinU, "rss", Opcode.I32x4MinU);
        Define(Op.I32x4MaxS, "rss", Opcode.I32x4MaxS);
        Define(Op.I32x4MaxU, "rss", Opcode.I32x4MaxU);
        Define(Op.I32x4DotI16x8S, "rss", Opcode.I32x4DotI16x8S);
        Define(Op.I32x4ExtmulLowI16x8S, "rss", Opcode.I32x4ExtmulLowI16x8S);
        Define(Op.I32x4ExtmulHighI16x8S, "rss", Opcode.I32x4ExtmulHighI16x8S);
        Define(Op.I32x4ExtmulLowI16x8U, "rss", Opcode.I32x4ExtmulLowI16x8U);
        Define(Op.I32x4ExtmulHighI16x8U, "rss", Opcode.I32x4ExtmulHighI16x8U);
        Define(Op.I64x2Abs, "rs", Opcode.I64x2Abs);
        Define(Op.I64x2Neg, "rs", Opcode.I64x2Neg);
        Define(Op.I64x2AllTrue, "rs", Opcode.I64x2AllTrue);
        Define(Op.I64x2Bitmask, "rs", Opcode.I64x2Bitmask);
        Define(Op.I64x2ExtendLowI32x4S, "rs", Opcode.I64x2ExtendLowI32x4S);
        Define(Op.I64x2ExtendHighI32x4S, "rs", Opcode.I64x2ExtendHighI32x4S);
        Define(Op.I64x2ExtendLowI32x4U, "rs", Opcode.I64x2ExtendLowI32x4U);
        Define(Op.I64x2ExtendHighI32x4U, "rs", Opcode.I64x2ExtendHighI32x4U);
        Define(Op.I64x2Shl, "rss", Opcode.I64x2Shl);
        Define(Op.I64x2ShrS, "rss", Opcode.I64x2ShrS);
        Define(Op.I64x2ShrU, "rss", Opcode.I64x2ShrU);
        Define(Op.I64x2Add, "rss", Opcode.I64x2Add);
        Define(Op.I64x2Sub, "rss", Opcode.I64x2Sub);
        Define(Op.I64x2Mul, "rss", Opcode.I64x2Mul);
        Define(Op.I64x2Eq, "rss", Opcode.I64x2Eq);
        Define(Op.I64x2Ne, "rss", Opcode.I64x2Ne);
        Define(Op.I64x2LtS, "rss", Opcode.I64x2LtS);
        Define(Op.I64x2GtS, "rss", Opcode.I64x2GtS);
        Define(Op.I64x2LeS, "rss", Opcode.I64x2LeS);
        Define(Op.I64x2GeS, "rss", Opcode.I64x2GeS);
        Define(Op.I64x2ExtmulLowI32x4S, "rss", Opcode.I64x2ExtmulLowI32x4S);
        Define(Op.I64x2ExtmulHighI32x4S, "rss", Opcode.I64x2ExtmulHighI32x4S);
        Define(Op.I64x2ExtmulLowI32x4U, "rss", Opcode.I64x2ExtmulLowI32x4U);
        Define(Op.I64x2ExtmulHighI32x4U, "rss", Opcode.I64x2ExtmulHighI32x4U);
        Define(Op.F32x4Abs, "rs", Opcode.F32x4Abs);
        Define(Op.F32x4Neg, "rs", Opcode.F32x4Neg);
        Define(Op.F32x4Sqrt, "rs", Opcode.F32x4Sqrt);
        Define(Op.F32x4Add, "rss", Opcode.F32x4Add);
        Define(Op.F32x4Sub, "rss", Opcode.F32x4Sub);
        Define(Op.F32x4Mul, "rss", Opcode.F32x4Mul);
        Define(Op.F32x4Div, "rss", Opcode.F32x4Div);
        Define(Op.F32x4Min, "rss", Opcode.F32x4Min);
        Define(Op.F32x4Max, "rss", Opcode.F32x4Max);
        Define(Op.F32x4Pmin, "rss", Opcode.F32x4Pmin);
        Define(Op.F32x4Pmax, "rss", Opcode.F32x4Pmax);
        Define(Op.F64x2Abs, "rs", Opcode.F64x2Abs);
        Define(Op.F64x2Neg, "rs", Opcode.F64x2Neg);
        Define(Op.F64x2Sqrt, "rs", Opcode.F64x2Sqrt);
        Define(Op.F64x2Add, "rss", Opcode.F64x2Add);
        Define(Op.F64x2Sub, "rss", Opcode.F64x2Sub);
        Define(Op.F64x2Mul, "rss", Opcode.F64x2Mul);
        Define(Op.F64x2Div, "rss", Opcode.F64x2Div);
        Define(Op.F64x2Min, "rss", Opcode.F64x2Min);
        Define(Op.F64x2Max, "rss", Opcode.F64x2Max);
        Define(Op.F64x2Pmin, "rss", Opcode.F64x2Pmin);
        Define(Op.F64x2Pmax, "rss", Opcode.F64x2Pmax);
        Define(Op.I32x4TruncSatF32x4S, "rs", Opcode.I32x4TruncSatF32x4S);
        Define(Op.I32x4TruncSatF32x4U, "rs", Opcode.I32x4TruncSatF32x4U);
        Define(Op.F32x4ConvertI32x4S, "rs", Opcode.F32x4ConvertI32x4S);
        Define(Op.F32x4ConvertI32x4U, "rs", Opcode.F32x4ConvertI32x4U);
        Define(Op.I32x4TruncSatF64x2SZero, "rs", Opcode.I32x4TruncSatF64x2SZero);
        Define(Op.I32x4TruncSatF64x2UZero, "rs", Opcode.I32x4TruncSatF64x2UZero);
        Define(Op.F64x2ConvertLowI32x4S, "rs", Opcode.F64x2ConvertLowI32x4S);
        Define(Op.F64x2ConvertLowI32x4U, "rs", Opcode.F64x2ConvertLowI32x4U);
    }

    /// <summary>
    /// The fused pairs, chosen from the adjacent op pairs executed most often by the benchmark workloads
    /// (docs/PERFORMANCE.md; counted with an op-profile build, see OpProfile): array loops, bit mixing, compare and
    /// swap, loop counters and branches, call arguments and results. Adding cases to the dispatch loop moves
    /// the others in the JIT's layout, and this loop is sensitive to that: measure every change to this list
    /// on all workloads (two further CRC pairs and four triples each measured 10–40% slower elsewhere).
    /// </summary>
    private static void DefineFusedPairs()
    {
        DefineFused(Op.F64MulLoadThenF64AddLoad, Op.F64MulLoad, Op.F64AddLoad);
        DefineFused(Op.F64AddLoadThenStore64, Op.F64AddLoad, Op.Store64);
        DefineFused(Op.Store64ThenI32AddImm, Op.Store64, Op.I32AddImm);
        DefineFused(Op.I32AddImmThenF64MulLoad, Op.I32AddImm, Op.F64MulLoad);
        DefineFused(Op.I32AddImmThenI32AddImm, Op.I32AddImm, Op.I32AddImm);
        DefineFused(Op.I32RotlImmThenI32Xor, Op.I32RotlImm, Op.I32Xor);
        DefineFused(Op.I32RotlImmThenI32RotlImm, Op.I32RotlImm, Op.I32RotlImm);
        DefineFused(Op.I32XorThenI32RotlImm, Op.I32Xor, Op.I32RotlImm);
        DefineFused(Op.I32ShrUImmThenI32Xor, Op.I32ShrUImm, Op.I32Xor);
        DefineFused(Op.I32XorThenI32ShrUImm, Op.I32Xor, Op.I32ShrUImm);
        DefineFused(Op.I32XorThenI32Add, Op.I32Xor, Op.I32Add);
        DefineFused(Op.I32AddThenI32Add, Op.I32Add, Op.I32Add);
        DefineFused(Op.I32AddThenI32AddImm, Op.I32Add, Op.I32AddImm);
        DefineFused(Op.I32AddThenCopy, Op.I32Add, Op.Copy);
        DefineFused(Op.I32AddLoadThenI32Add, Op.I32AddLoad, Op.I32Add);
        DefineFused(Op.I32AddImmThenI32AddLoad, Op.I32AddImm, Op.I32AddLoad);
        DefineFused(Op.I32AndThenI32Xor, Op.I32And, Op.I32Xor);
        DefineFused(Op.I32AndThenI32And, Op.I32And, Op.I32And);
        DefineFused(Op.I32AndThenI32Or, Op.I32And, Op.I32Or);
        DefineFused(Op.CopyThenCopy, Op.Copy, Op.Copy);
        DefineFused(Op.CopyThenI32RotlImm, Op.Copy, Op.I32RotlImm);
        DefineFused(Op.CopyThenI32AddImm, Op.Copy, Op.I32AddImm);
        DefineFused(Op.CopyThenI32And, Op.Copy, Op.I32And);
        DefineFused(Op.I32AddImmThenLoad32, Op.I32AddImm, Op.Load32);
        DefineFused(Op.I32AddImmThenStore32, Op.I32AddImm, Op.Store32);
        DefineFused(Op.Store32ThenStore32, Op.Store32, Op.Store32);
        DefineFused(Op.Load32ThenBrIfI32GtS, Op.Load32, Op.BrIfI32GtS);
        DefineFused(Op.CopyThenBr, Op.Copy, Op.Br);
        DefineFused(Op.I32ShlImmThenI32XorImm, Op.I32ShlImm, Op.I32XorImm);
        DefineFused(Op.I32Extend16SThenI32LtSImm, Op.I32Extend16S, Op.I32LtSImm);
        DefineFused(Op.I32LtSImmThenSelect, Op.I32LtSImm, Op.Select);
        DefineFused(Op.I32AddImmThenCallInternal, Op.I32AddImm, Op.CallInternal);
        DefineFused(Op.I32AddThenReturnValue, Op.I32Add, Op.ReturnValue);
        DefineFused(Op.I32AddImmThenBrIfI32Ne, Op.I32AddImm, Op.BrIfI32Ne);
        DefineFused(Op.I32AddImmThenBrIfI32NeImm, Op.I32AddImm, Op.BrIfI32NeImm);
        DefineFused(Op.I32AddImmThenBrIfI32LtS, Op.I32AddImm, Op.BrIfI32LtS);
        DefineFused(Op.I32AddImmThenBrIfI32LtU, Op.I32AddImm, Op.BrIfI32LtU);
        DefineFused(Op.I32AddImmThenBrIfI32LtSImm, Op.I32AddImm, Op.BrIfI32LtSImm);
        DefineFused(Op.I32AddImmThenBrIfI32LtUImm, Op.I32AddImm, Op.BrIfI32LtUImm);
        DefineFused(Op.I32AddImmThenBrIfI32GtSImm, Op.I32AddImm, Op.BrIfI32GtSImm);
        DefineFused(Op.I32AddImmThenBrIfI32GtUImm, Op.I32AddImm, Op.BrIfI32GtUImm);
    }
}
