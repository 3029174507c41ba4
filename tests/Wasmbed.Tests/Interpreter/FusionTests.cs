using System.Globalization;
using Wasmbed.Interpreter;
using Wasmbed.Runtime;

namespace Wasmbed.Tests.Interpreter;

using static TestInstance;

/// <summary>
/// Fused pairs (Translator.Fusion.cs): every fused op of <see cref="OpTable"/> is produced by a small function and
/// must compute exactly what the same function computes unfused — results, memory and traps — on inputs chosen to
/// hit the edges (overflow, sign, zero, out-of-bounds addresses). The second op of each pair reads what the first
/// wrote and overwrites the first op's operand, so an executor reading an operand too early or too late shows.
/// </summary>
public class FusionTests
{
    public static TheoryData<string> FusedOps()
    {
        var data = new TheoryData<string>();
        for (var op = (Op)0; op < Op.Count; op++)
            if (OpTable.IsFused(op, out _, out _)) data.Add(op.ToString());
        return data;
    }

    private static readonly (int A, int B, int C)[] Inputs =
    [
        (0, 0, 0), (1, 2, 3), (-1, 1, -1), (int.MaxValue, 1, 2), (int.MinValue, -1, 7), (12345, 999, 1000),
        (100, 100, 99), (-5, 0x7FFF, 0x8000), (0x12345678, 0x0F0F0F0F, -12346), (1000, -1000, 1001),
    ];

    [Theory]
    [MemberData(nameof(FusedOps))]
    public void FusedPairComputesWhatItsTwoOpsCompute(string name)
    {
        var fused = Enum.Parse<Op>(name);
        Assert.True(OpTable.IsFused(fused, out var first, out var second));
        string wat = ModuleFor(first, second);

        var withFusion = Create(wat);
        var withoutFusion = Create(wat);
        TranslateUnfused(withoutFusion);
        Assert.Contains(fused.ToString(), DisassembleRaw(withFusion, "run"));
        Assert.DoesNotContain(" ; ", withoutFusion.Disassemble("run"));

        foreach (var (a, b, c) in Inputs)
        {
            var expected = Outcome(withoutFusion, a, b, c);
            var actual = Outcome(withFusion, a, b, c);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void NothingFusesAcrossABranchTarget()
    {
        // The loop header is the second of two fusable ops (I32AddImm, I32AddImm): fusing them would make the
        // back-edge land inside an instruction.
        var test = Create("""
            (module
              (func (export "run") (param $n i32) (result i32) (local $i i32) (local $s i32)
                (local.set $i (i32.add (local.get $n) (i32.const 1)))
                (loop $next
                  (local.set $s (i32.add (local.get $s) (i32.const 3)))
                  (local.set $i (i32.add (local.get $i) (i32.const -1)))
                  (br_if $next (i32.ne (local.get $i) (i32.const 0))))
                (local.get $s)))
            """);
        Assert.Equal("""
            function 0: params 1, locals 3, frame 5, results 1
               0: I32AddImm $1 = $0, 1
               4: I32AddImm $2 = $2, 3 ; I32AddImm $1 = $1, -1
              11: BrIfI32NeImm $1, 0, @4
              15: ReturnValue $2
            """, test.Disassemble("run").Trim());
        Assert.Equal(15, test.CallI32("run", I32(4)));
    }

    [Fact]
    public void ArrayLoopFusesToThreeDispatchesPerElement()
    {
        // c[j] += a * b[j], the inner loop of a matrix multiply.
        var test = Create("""
            (module
              (memory 1)
              (func (export "axpy") (param $a f64) (param $b i32) (param $c i32) (param $n i32) (local $j i32)
                (loop $next
                  (f64.store (local.get $c)
                    (f64.add (f64.mul (local.get $a) (f64.load (local.get $b))) (f64.load (local.get $c))))
                  (local.set $b (i32.add (local.get $b) (i32.const 8)))
                  (local.set $c (i32.add (local.get $c) (i32.const 8)))
                  (local.set $j (i32.add (local.get $j) (i32.const 1)))
                  (br_if $next (i32.ne (local.get $j) (local.get $n))))))
            """);
        Assert.Equal("""
            function 0: params 4, locals 5, frame 8, results 0
               0: F64MulLoad $6 = $0, $1, +0 ; F64AddLoad $6 = $6, $2, +0
               9: Store64 $2, $6, +0 ; I32AddImm $1 = $1, 8
              16: I32AddImm $2 = $2, 8 ; I32AddImm $4 = $4, 1
              23: BrIfI32Ne $4, $3, @0
              27: Return
            """, test.Disassemble("axpy").Trim());
        var memory = test.Instance.Memories[0].Bytes;
        for (int i = 0; i < 4; i++)
        {
            BitConverter.TryWriteBytes(memory.AsSpan(8 * i), 1.5 * i);
            BitConverter.TryWriteBytes(memory.AsSpan(64 + 8 * i), 10.0 * i);
        }
        test.Call("axpy", F64(2.0), I32(0), I32(64), I32(4));
        for (int i = 0; i < 4; i++) Assert.Equal(10.0 * i + 3.0 * i, BitConverter.ToDouble(memory, 64 + 8 * i));
    }

    [Fact]
    public void TrapInTheSecondOpKeepsTheFirstOpsStore()
    {
        // Store32 ; Store32 — the second store is out of bounds: it traps, and the first store has happened.
        var test = Create("""
            (module
              (memory 1)
              (func (export "run") (param $p i32) (param $q i32) (param $v i32)
                (i32.store (local.get $p) (local.get $v))
                (i32.store (local.get $q) (local.get $v))))
            """);
        Assert.Contains("Store32 $0, $2, +0 ; Store32 $1, $2, +0", test.Disassemble("run"));
        var trap = Assert.Throws<TrapException>(() => test.Call("run", I32(16), I32(65533), I32(0x01020304)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, trap.Code);
        Assert.Equal(0x01020304, BitConverter.ToInt32(test.Instance.Memories[0].Bytes, 16));
    }

    [Theory]
    [InlineData(65528, false)]
    [InlineData(65529, true)]
    [InlineData(-8, true)]
    public void FusedLoadsAreBoundsCheckedInSixtyFourBits(int address, bool traps)
    {
        // I32AddImm ; Load32 and F64MulLoad ; F64AddLoad: the address is the slot's 32-bit value plus the offset,
        // computed in 64 bits, so an address near 2^32 never wraps into bounds.
        var test = Create("""
            (module
              (memory 1)
              (func (export "load") (param $p i32) (result i32) (local $q i32)
                (local.set $q (i32.add (local.get $p) (i32.const 4)))
                (i32.load offset=4 (local.get $q)))
              (func (export "mac") (param $p i32) (param $x f64) (result f64)
                (f64.add (f64.mul (local.get $x) (f64.load (local.get $p))) (f64.load offset=0 (local.get $p)))))
            """);
        Assert.Contains("I32AddImm $1 = $0, 4 ; Load32", test.Disassemble("load"));
        Assert.Contains("F64MulLoad", test.Disassemble("mac"));
        if (traps)
        {
            Assert.Equal(TrapCode.MemoryOutOfBounds, Assert.Throws<TrapException>(() => test.Call("load", I32(address - 4))).Code);
            Assert.Equal(TrapCode.MemoryOutOfBounds, Assert.Throws<TrapException>(() => test.Call("mac", I32(address), F64(1.0))).Code);
        }
        else
        {
            Assert.Equal(0, test.CallI32("load", I32(address - 4)));
            Assert.Equal(0.0, test.CallF64("mac", I32(address), F64(1.0)));
        }
    }

    [Fact]
    public void WrappedAddressIsNotFoldedPastTheCheck()
    {
        // i32.add wraps at 32 bits before the offset is added (spec: 4.4.7): 0xFFFFFFFC + 8 is address 4, in bounds;
        // the fused op must not see 0x1_0000_0004.
        var test = Create("""
            (module
              (memory 1)
              (data (i32.const 4) "\2a")
              (func (export "load") (param $p i32) (result i32) (local $q i32)
                (local.set $q (i32.add (local.get $p) (i32.const 8)))
                (i32.load (local.get $q))))
            """);
        Assert.Contains("I32AddImm $1 = $0, 8 ; Load32", test.Disassemble("load"));
        Assert.Equal(42, test.CallI32("load", I32(-4)));
    }

    // ---- the functions under test ----

    /// <summary>
    /// A function "run" (params a b c, result i32) whose body holds <paramref name="first"/> then
    /// <paramref name="second"/>, between ops that fuse with neither; the result folds every local and the memory
    /// the ops may touch.
    /// </summary>
    private static string ModuleFor(Op first, Op second)
    {
        string pair = second switch
        {
            Op.CallInternal => "(local.set $b (call $twice (i32.add (local.get $a) (i32.const 5))))",
            Op.ReturnValue => "(return (i32.add (local.get $a) (local.get $b)))",
            Op.Br => $"(if (i32.eqz (local.get $c)) (then {Statement(first, "$a", "$b", "$c")}) (else (local.set $a (i32.mul (local.get $c) (i32.const 5)))))",
            _ when IsBranch(second) =>
                $"(block $out {Statement(first, "$a", "$b", "$c")} {Branch(second, "$a", "$c")} (local.set $c (i32.mul (local.get $c) (i32.const 3))))",
            _ => $"{Statement(first, "$a", "$b", "$c")} {Statement(second, "$b", "$a", "$c")}",
        };
        if (second is Op.CallInternal or Op.ReturnValue) Assert.True(first is Op.I32AddImm or Op.I32Add, $"no test for {first} before {second}");
        return $$"""
            (module
              (memory 1)
              (data (i32.const 0) "\01\23\45\67\89\ab\cd\ef\fe\dc\ba\98\76\54\32\10\00\ff\00\80\7f\01\02\03\04\05\06\07\08\09\0a\0b")
              (func $twice (param i32) (result i32) (i32.mul (local.get 0) (i32.const 2)))
              (func (export "run") (param $p0 i32) (param $p1 i32) (param $p2 i32) (result i32)
                (local $a i32) (local $b i32) (local $c i32) (local $m i32) (local $f f64) (local $g f64)
                (local.set $f (f64.convert_i32_s (local.get $p1)))
                (local.set $g (f64.convert_i32_s (local.get $p2)))
                (local.set $m (i32.and (local.get $p0) (i32.const 0x18)))
                (local.set $c (i32.mul (local.get $p2) (i32.const 1)))
                (local.set $b (i32.mul (local.get $p1) (i32.const 1)))
                (local.set $a (i32.mul (local.get $p0) (i32.const 1)))
                {{pair}}
                (local.set $c (i32.mul (local.get $c) (i32.const 7)))
                (i32.xor (i32.xor (i32.xor (local.get $a) (i32.mul (local.get $b) (i32.const 31))) (local.get $c))
                  (i32.xor (i32.xor (i32.load (local.get $m)) (i32.load offset=4 (local.get $m)))
                    (i32.xor (i32.wrap_i64 (i64.reinterpret_f64 (local.get $f)))
                      (i32.wrap_i64 (i64.shr_u (i64.reinterpret_f64 (local.get $g)) (i64.const 32))))))))
            """;
    }

    /// <summary>
    /// A statement compiling to <paramref name="op"/> that writes <paramref name="d"/> from <paramref name="s"/> and
    /// <paramref name="t"/> (f64 ops use $f and $g instead; memory ops address $m).
    /// </summary>
    private static string Statement(Op op, string d, string s, string t)
    {
        string f = d == "$a" ? "$f" : "$g", g = d == "$a" ? "$g" : "$f";
        return op switch
        {
            Op.Copy => $"(local.set {d} (local.get {s}))",
            Op.I32Add => $"(local.set {d} (i32.add (local.get {s}) (local.get {t})))",
            Op.I32And => $"(local.set {d} (i32.and (local.get {s}) (local.get {t})))",
            Op.I32Or => $"(local.set {d} (i32.or (local.get {s}) (local.get {t})))",
            Op.I32Xor => $"(local.set {d} (i32.xor (local.get {s}) (local.get {t})))",
            Op.I32AddImm => $"(local.set {d} (i32.add (local.get {s}) (i32.const 12345)))",
            Op.I32XorImm => $"(local.set {d} (i32.xor (local.get {s}) (i32.const 0x1021)))",
            Op.I32ShlImm => $"(local.set {d} (i32.shl (local.get {s}) (i32.const 5)))",
            Op.I32ShrUImm => $"(local.set {d} (i32.shr_u (local.get {s}) (i32.const 3)))",
            Op.I32RotlImm => $"(local.set {d} (i32.rotl (local.get {s}) (i32.const 7)))",
            Op.I32LtSImm => $"(local.set {d} (i32.lt_s (local.get {s}) (i32.const 100)))",
            Op.I32Extend16S => $"(local.set {d} (i32.extend16_s (local.get {s})))",
            Op.Select => $"(local.set {d} (select (local.get {s}) (local.get {t}) (local.get {d})))",
            Op.Load32 => $"(local.set {d} (i32.load (local.get $m)))",
            Op.Store32 => $"(i32.store (local.get $m) (local.get {s}))",
            Op.Store64 => $"(f64.store (local.get $m) (local.get {g}))",
            Op.I32AddLoad => $"(local.set {d} (i32.add (local.get {s}) (i32.load (local.get $m))))",
            Op.F64AddLoad => $"(local.set {f} (f64.add (local.get {g}) (f64.load (local.get $m))))",
            Op.F64MulLoad => $"(local.set {f} (f64.mul (local.get {g}) (f64.load (local.get $m))))",
            _ => throw new InvalidOperationException($"no statement for {op}: add one to test its fused pairs"),
        };
    }

    private static bool IsBranch(Op op) => op.ToString().StartsWith("BrIf", StringComparison.Ordinal);

    private static string Branch(Op op, string x, string y) => op switch
    {
        Op.BrIfI32Ne => $"(br_if $out (i32.ne (local.get {x}) (local.get {y})))",
        Op.BrIfI32LtS => $"(br_if $out (i32.lt_s (local.get {x}) (local.get {y})))",
        Op.BrIfI32LtU => $"(br_if $out (i32.lt_u (local.get {x}) (local.get {y})))",
        Op.BrIfI32GtS => $"(br_if $out (i32.gt_s (local.get {x}) (local.get {y})))",
        Op.BrIfI32NeImm => $"(br_if $out (i32.ne (local.get {x}) (i32.const 12346)))",
        Op.BrIfI32LtSImm => $"(br_if $out (i32.lt_s (local.get {x}) (i32.const 12346)))",
        Op.BrIfI32LtUImm => $"(br_if $out (i32.lt_u (local.get {x}) (i32.const 12346)))",
        Op.BrIfI32GtSImm => $"(br_if $out (i32.gt_s (local.get {x}) (i32.const 12346)))",
        Op.BrIfI32GtUImm => $"(br_if $out (i32.gt_u (local.get {x}) (i32.const 12346)))",
        _ => throw new InvalidOperationException($"no branch for {op}: add one to test its fused pairs"),
    };

    /// <summary>Results (or the trap) and the first 64 bytes of memory after a call.</summary>
    private static string Outcome(TestInstance test, int a, int b, int c)
    {
        string result;
        try
        {
            result = test.CallI32("run", I32(a), I32(b), I32(c)).ToString(CultureInfo.InvariantCulture);
        }
        catch (TrapException trap)
        {
            result = trap.Code.ToString();
        }
        return result + " " + Convert.ToHexString(test.Instance.Memories[0].Bytes, 0, 64);
    }

    private static void TranslateUnfused(TestInstance test)
    {
        var translator = new Translator { FusesPairs = false };
        for (int i = 0; i < test.Module.Translations.Length; i++)
            test.Module.Translations[i] = translator.Translate(test.Module.Description, i);
    }

    /// <summary>The fused op names as they are (the disassembler prints a fused pair as its two ops).</summary>
    private static string DisassembleRaw(TestInstance test, string name)
    {
        var function = (WasmFunction)test.Export(name);
        var code = Translator.GetOrTranslate(test.Module, function.DefinedIndex).Code;
        var ops = new List<string>();
        for (int pc = 0; pc < code.Length; pc += OpTable.Length(code.AsSpan(pc))) ops.Add(((Op)code[pc]).ToString());
        return string.Join(' ', ops);
    }
}
