using Wasmbed.Compiler;
using Wasmbed.Format;
using Wasmbed.Runtime;
using Wasmbed.Text;
using Wasmbed.Validation;

namespace Wasmbed.Tests.Compiler;

/// <summary>
/// Counted loops run a copy without bounds checks when checks at their entry prove every access in bounds
/// (CountedLoopAnalysis, FunctionCompiler.LoopVersioning.cs). The analysis must find the loops and accesses it claims
/// and no others, and compiled code must give the interpreter's results, traps and memory for every entry state:
/// addresses at the ends of memory and past them, wrapping ones, trip counts that do not divide, memory growing
/// inside the loop.
/// </summary>
public class LoopVersioningTests
{
    private const string Loops = """
        (module
          (memory (export "memory") 1 4)
          ;; Two pointers and a counter that falls by 2 to 0, as clang emits a vectorized loop.
          (func (export "down") (param $p i32) (param $q i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $l
              (i64.store offset=8 (local.get $p) (i64.add (i64.load offset=8 (local.get $p)) (i64.load (local.get $q))))
              (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $q))))
              (local.set $p (i32.add (local.get $p) (i32.const 16)))
              (local.set $q (i32.add (local.get $q) (i32.const 8)))
              (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const -2)))))
            (local.get $sum))
          ;; An index counting up to an end (i ≠ end), scaled by shl and mul, with a negative constant in one address.
          (func (export "up") (param $base i32) (param $i i32) (param $end i32) (result i32)
            (local $sum i32)
            (loop $l
              (local.set $sum (i32.add (local.get $sum)
                (i32.load16_s (i32.add (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))) (i32.const -6)))))
              (i32.store (i32.add (local.get $base) (i32.mul (local.get $i) (i32.const 4))) (local.get $sum))
              (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end))))
            (local.get $sum))
          ;; A pointer moving down, accessed after its update; a counter rising by 3; one address that depends on
          ;; loaded data, which stays checked.
          (func (export "backwards") (param $p i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $l
              (local.set $p (i32.sub (local.get $p) (i32.const 4)))
              (local.set $sum (i32.xor (i32.mul (local.get $sum) (i32.const 31)) (i32.load (local.get $p))))
              (i32.store8 offset=3 (local.get $p) (local.get $sum))
              (local.set $sum (i32.add (local.get $sum) (i32.load8_u (i32.and (local.get $sum) (i32.const 0xffff)))))
              (br_if $l (local.tee $n (i32.add (local.get $n) (i32.const 3)))))
            (local.get $sum))
          ;; A call in the body grows memory once the pointer passes a mark: accesses after it use the new bytes.
          (func $grow-at (param $p i32) (param $mark i32)
            (if (i32.eq (local.get $p) (local.get $mark)) (then (drop (memory.grow (i32.const 1))))))
          (func (export "growing") (param $p i32) (param $n i32) (param $mark i32) (result i32)
            (local $sum i32)
            (loop $l
              (call $grow-at (local.get $p) (local.get $mark))
              (i32.store16 (local.get $p) (i32.add (i32.load16_u (local.get $p)) (local.get $n)))
              (local.set $sum (i32.add (local.get $sum) (i32.load16_u offset=2 (local.get $p))))
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (i32.add (local.get $sum) (memory.size)))
          ;; A pointer that is an address before and after its update and a value in between, and comes back as
          ;; part of the result; a second pointer written twice, which keeps its i32 form.
          (func (export "walk") (param $p i32) (param $q i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $l
              (local.set $sum (i32.add (i32.mul (local.get $sum) (i32.const 3)) (i32.load8_u (local.get $p))))
              (i32.store8 (local.tee $p (i32.add (local.get $p) (i32.const 1))) (i32.add (local.get $sum) (local.get $p)))
              (local.set $q (i32.add (local.get $q) (i32.const 1)))
              (i32.store8 (local.get $q) (local.get $sum))
              (local.set $q (i32.add (local.get $q) (i32.const 1)))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (i32.xor (i32.xor (local.get $sum) (i32.shl (local.get $p) (i32.const 8))) (i32.rotl (local.get $q) (i32.const 16))))
          ;; Branches inside the body, as in a bubble sort pass: a compare-and-swap in an if/else, a value carried in a
          ;; local written on one path, and an early exit out of the loop from a nested block.
          (func (export "swap") (param $p i32) (param $n i32) (param $stop i32) (result i32)
            (local $a i32) (local $b i32) (local $swaps i32)
            (block $out
              (loop $l
                (local.set $a (i32.load (local.get $p)))
                (local.set $b (i32.load offset=4 (local.get $p)))
                (if (i32.gt_s (local.get $a) (local.get $b))
                  (then
                    (i32.store (local.get $p) (local.get $b))
                    (i32.store offset=4 (local.get $p) (local.get $a))
                    (local.set $swaps (i32.add (local.get $swaps) (i32.const 1))))
                  (else (i32.store8 offset=7 (local.get $p) (i32.load8_u offset=2 (local.get $p)))))
                (block $keep
                  (br_if $keep (i32.ne (local.get $swaps) (local.get $stop)))
                  (br $out))
                (local.set $p (i32.add (local.get $p) (i32.const 4)))
                (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
            (i32.add (i32.mul (local.get $swaps) (i32.const 65536)) (local.get $p)))
          ;; A bubble sort pass through base + 4i (i rising to an end): the swap in an if, no exit, i comes back.
          (func (export "pass") (param $base i32) (param $i i32) (param $end i32) (result i32)
            (local $a i32) (local $b i32)
            (loop $l
              (local.set $a (i32.load (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))
              (local.set $b (i32.load offset=4 (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2)))))
              (if (i32.gt_u (local.get $a) (local.get $b))
                (then
                  (i32.store (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))) (local.get $b))
                  (i32.store offset=4 (i32.add (local.get $base) (i32.shl (local.get $i) (i32.const 2))) (local.get $a))))
              (br_if $l (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (local.get $end))))
            (i32.xor (local.get $i) (i32.load (local.get $base))))
          ;; A pointer moved up or down by the data: written on both paths, it is no induction variable, and its
          ;; access stays checked (the loop is not versioned).
          (func (export "zigzag") (param $p i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $l
              (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $p))))
              (if (i32.and (local.get $sum) (i32.const 1))
                (then (local.set $p (i32.add (local.get $p) (i32.const 1))))
                (else (local.set $p (i32.sub (local.get $p) (i32.const 1)))))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (i32.add (local.get $sum) (local.get $p)))
          ;; The else branch must not see what the then branch wrote: y is p + 4 on one path only.
          (func (export "paths") (param $p i32) (param $y i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $l
              (if (i32.and (local.get $n) (i32.const 1))
                (then (local.set $y (i32.add (local.get $p) (i32.const 4))))
                (else (local.set $sum (i32.add (local.get $sum) (i32.load (local.get $y))))))
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (local.get $sum))
          ;; clang's bubble sort pass: locals written in nested blocks before their first branch have one value after
          ;; them (next = p + 4, and p = next makes p an induction variable); one written after a branch does not.
          (func (export "blocks") (param $p i32) (param $n i32) (result i32)
            (local $a i32) (local $next i32) (local $v i32)
            (local.set $a (i32.load (local.get $p)))
            (loop $l
              (block $done
                (block $swap
                  (br_if $swap (i32.gt_s (local.get $a) (local.tee $v (i32.load (local.tee $next (i32.add (local.get $p) (i32.const 4)))))))
                  (local.set $a (local.get $v))
                  (br $done))
                (i32.store (local.get $p) (local.get $v))
                (i32.store (local.get $next) (local.get $a)))
              (local.set $p (local.get $next))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (i32.add (local.get $a) (local.get $p)))
          ;; A write after a branch in a block is skipped on one path: q goes up by 8 or down by 8, no induction variable.
          (func (export "skip") (param $q i32) (param $n i32) (result i32)
            (local $sum i32)
            (loop $l
              (local.set $sum (i32.add (local.get $sum) (i32.load8_u (local.get $q))))
              (local.set $q (i32.add (local.get $q) (i32.const 8)))
              (block $keep
                (br_if $keep (i32.and (local.get $sum) (i32.const 1)))
                (local.set $q (i32.sub (local.get $q) (i32.const 16))))
              (br_if $l (local.tee $n (i32.sub (local.get $n) (i32.const 1)))))
            (i32.add (local.get $sum) (local.get $q))))
        """;

    [Fact]
    public void The_Analysis_Finds_Counted_Loops_And_Their_Affine_Accesses()
    {
        var loops = AnalyzeLoops(Loops);
        Assert.Equal(12, loops.Count);

        var down = loops[0]!;
        Assert.Equal(-2, down.ExitStep);
        Assert.Equal(4, down.ProvenAccesses.Count);   // p (load and store, one range), q (two loads, one range)
        Assert.Equal(2, down.Ranges.Count);
        Assert.Contains(down.Ranges, r => r.Step == 16 && r.Extent == 16);
        Assert.Contains(down.Ranges, r => r.Step == 8 && r.Extent == 8);

        var up = loops[1]!;
        Assert.Equal(1, up.ExitStep);
        Assert.Equal(2, up.ProvenAccesses.Count);
        Assert.All(up.Ranges, r => Assert.Equal(4, r.Step));
        Assert.Contains(up.Ranges, r => r.First.Constant == -6);

        var backwards = loops[2]!;
        Assert.Equal(3, backwards.ExitStep);
        Assert.Equal(2, backwards.ProvenAccesses.Count);   // not the load through the data-dependent address
        Assert.Contains(backwards.Ranges, r => r.Step == -4 && r.First.Constant == -4 && r.Extent == 4);

        Assert.Null(loops[3]);   // $grow-at has no loop; the slot is the if's function, kept for order
        var growing = loops[4]!;
        Assert.Equal(-1, growing.ExitStep);
        Assert.Equal(3, growing.ProvenAccesses.Count);

        // Addresses over locals written at most once are computed from Int64 copies: all four of down's, up's two
        // (base + 4i), backwards' two through p (read after its one write), not the data-dependent one, growing's
        // three; in walk, p's two, not q's (written twice).
        Assert.Equal(4, down.WideAddresses.Count);
        Assert.Equal(new Dictionary<int, long> { [0] = 16, [1] = 8 }, down.WideLocals);
        Assert.Equal(2, backwards.WideAddresses.Count);
        Assert.Equal(new Dictionary<int, long> { [0] = -4 }, backwards.WideLocals);
        Assert.Equal(2, up.WideAddresses.Count);
        Assert.Equal(new Dictionary<int, long> { [0] = 0, [1] = 1 }, up.WideLocals);
        Assert.Contains(up.WideAddresses.Values, f => f.Constant == -6 && f.Terms.SequenceEqual([(0, 1L), (1, 4L)]));
        // Forms over the locals' current values: backwards reads p after its update, so p itself, not p − 4.
        Assert.All(backwards.WideAddresses.Values, f => Assert.True(f.Constant == 0 && f.Terms.SequenceEqual([(0, 1L)])));
        Assert.Equal(3, growing.WideAddresses.Count);
        var walk = loops[5]!;
        Assert.Equal(3, walk.ProvenAccesses.Count);
        Assert.Equal(2, walk.WideAddresses.Count);
        Assert.Equal(new Dictionary<int, long> { [0] = 1 }, walk.WideLocals);

        // Branches inside: every access is through p, an induction variable, the one in the else branch too; the
        // early exit keeps p in its i32 form.
        var swap = loops[6]!;
        Assert.Equal(-1, swap.ExitStep);
        Assert.Equal(6, swap.ProvenAccesses.Count);
        Assert.Empty(swap.WideAddresses);
        var pass = loops[7]!;
        Assert.Equal(4, pass.ProvenAccesses.Count);
        Assert.Equal(4, pass.WideAddresses.Count);
        Assert.Equal(new Dictionary<int, long> { [0] = 0, [1] = 1 }, pass.WideLocals);
        Assert.Null(loops[8]);   // zigzag
        Assert.Null(loops[9]);   // paths: the else branch's load through y stays checked
        var blocks = loops[10]!;
        Assert.Equal(3, blocks.ProvenAccesses.Count);
        Assert.Equal(3, blocks.WideAddresses.Count);
        Assert.Equal(new Dictionary<int, long> { [0] = 4 }, blocks.WideLocals);
        Assert.Null(loops[11]);   // skip
    }

    [Theory]
    [InlineData("(loop $l (i32.store (local.get 0) (i32.const 1)) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))) (br $l))", "code after the closing br_if")]
    [InlineData("(loop $l (if (local.get 0) (then (br $l))) (i32.store (local.get 0) (i32.const 1)) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))", "a branch to the header from an if (an iteration the count misses)")]
    [InlineData("(loop $l (block (br_table 0 1 (local.get 0))) (i32.store (local.get 0) (i32.const 1)) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))", "a br_table that can go to the header")]
    [InlineData("(loop $l (i32.store (local.get 0) (i32.const 1)) (if (local.get 0) (then (local.set 1 (i32.const 9)))) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))", "a counter written on one path")]
    [InlineData("(loop $l (i32.store (local.get 0) (i32.const 1)) (br_if 1 (local.get 0)) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))", "an exit outside any block of the body")]
    [InlineData("(loop $l (block (loop (br_if 0 (local.get 0)))) (i32.store (local.get 0) (i32.const 1)) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))", "a loop inside")]
    [InlineData("(loop $l (i32.store (local.get 0) (i32.const 1)) (br_if $l (i32.eqz (local.tee 1 (i32.sub (local.get 1) (i32.const 1))))))", "a loop that goes on while a value is 0")]
    [InlineData("(loop $l (i32.store (local.get 0) (i32.const 1)) (br_if $l (local.get 1)))", "a counter that does not change")]
    [InlineData("(loop $l (i32.store (local.get 0) (i32.const 1)) (local.set 1 (i32.shr_u (local.get 1) (i32.const 1))) (br_if $l (local.get 1)))", "a counter that is not an induction variable")]
    [InlineData("(loop $l (i32.store (i32.xor (local.get 0) (local.get 1)) (i32.const 1)) (br_if $l (local.tee 1 (i32.sub (local.get 1) (i32.const 1)))))", "only a data-dependent address")]
    public void Loops_That_Do_Not_Qualify_Are_Left_As_They_Are(string loop, string why)
    {
        var loops = AnalyzeLoops($"(module (memory 1) (func (param i32 i32) {loop}))");
        Assert.True(loops[0] is null, why);
    }

    public static TheoryData<string, uint[][]> Cases()
    {
        // Entry states around the ends of memory (64 KiB, growing to 128 KiB), wrapping values and trip counts that
        // do and do not divide; every loop ends within a few thousand iterations, by its count or by a trap.
        uint[] pointers = [0, 6, 8, 16, 1000, 65504, 65520, 65528, 65532, 65534, 65536, 65540, 131064, 0xFFFFFFF0, 0xFFFFFFFC, 0x80000000];
        uint[] counts = [0, 1, 2, 3, 4, 5, 6, 8, 100, 4094, 4096, 0xFFFFFFFD, 0xFFFFFFFE, 0xFFFFFFFF, 0x80000000];
        uint[] negativeThirds = [0xFFFFFFFD, 0xFFFFFFFA, 0xFFFFFFF4, unchecked((uint)-300), unchecked((uint)-3000), 0, 1, 2, 4];
        var random = new Random(20261121);
        // A third from the lists, the rest near either end of memory or anywhere, so that the first or last access
        // of a loop lands on every byte around each end.
        uint Pick(uint[] values) => random.Next(6) switch
        {
            0 or 1 => values[random.Next(values.Length)],
            2 => (uint)random.Next(70_000),
            3 => (uint)random.Next(300),
            _ => (uint)(65536 - random.Next(1, 300)),
        };
        uint Count(uint[] values) => random.Next(2) == 0 ? values[random.Next(values.Length)] : (uint)random.Next(40);
        // Besides, for a few trip counts, every byte around the entry state whose first or last access just fits.
        int[] trips = [1, 2, 5];
        int[] near = [.. Enumerable.Range(-12, 25)];
        uint At(int value) => unchecked((uint)value);
        var data = new TheoryData<string, uint[][]>();
        data.Add("down", [
            .. from t in trips from d in near select new[] { At(65536 - 16 * t + d), 0u, At(2 * t) },
            .. from t in trips from d in near select new[] { 0u, At(65536 - 8 * t + d), At(2 * t) },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Pick(pointers), Count(counts) })]);
        data.Add("up", [
            .. from t in trips from d in near select new[] { At(65536 - 4 * t + d), 0u, At(t) },
            .. from t in trips from d in near select new[] { At(6 + d), 0u, At(t) },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Count(counts), Count(counts) })]);
        data.Add("backwards", [
            .. from t in trips from d in near select new[] { At(4 * t + d), At(-3 * t) },
            .. from t in trips from d in near select new[] { At(65536 + d), At(-3 * t) },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), negativeThirds[random.Next(negativeThirds.Length)] })]);
        data.Add("walk", [
            .. from t in trips from d in near select new[] { At(65536 - t + d), 0u, At(t) },
            .. from t in trips from d in near select new[] { 0u, At(65536 - 2 * t + d), At(t) },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Pick(pointers), Count(counts) })]);
        data.Add("swap", [
            .. from t in trips from d in near select new[] { At(65536 - 4 * t - 4 + d), At(t), 1000u },
            .. from t in trips from d in near select new[] { At(65536 - 4 * t - 4 + d), At(t), 1u },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Count(counts), (uint)random.Next(6) })]);
        data.Add("pass", [
            .. from t in trips from d in near select new[] { At(65536 - 4 * t - 8 + d), 0u, At(t) },
            .. from t in trips from d in near select new[] { 0u, At(16384 - t - 2 + d / 4), 16384u },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Count(counts), Count(counts) })]);
        // (zigzag stays inside memory for long, so its counts stay small.)
        data.Add("zigzag", [.. Enumerable.Range(0, 300).Select(_ => new[] { Pick(pointers), (uint)random.Next(1, 3000) })]);
        data.Add("paths", [.. Enumerable.Range(0, 300).Select(_ => new[] { Pick(pointers), Pick(pointers), (uint)random.Next(1, 40) })]);
        data.Add("blocks", [
            .. from t in trips from d in near select new[] { At(65536 - 4 * t - 4 + d), At(t) },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Count(counts) })]);
        data.Add("skip", [.. Enumerable.Range(0, 300).Select(_ => new[] { Pick(pointers), (uint)random.Next(1, 3000) })]);
        data.Add("growing", [
            .. from t in trips from d in near select new[] { At(65534 - 2 * t + d), At(t), uint.MaxValue },
            .. Enumerable.Range(0, 500).Select(_ => new[] { Pick(pointers), Count(counts), Pick(pointers) })]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Compiled_Loops_Match_The_Interpreter(string function, uint[][] arguments)
    {
        using var interpreter = new Engine(new EngineOptions { Tier = ExecutionTier.Interpreter });
        using var compiler = new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler() });
        using var interpreted = Module.FromBytes(interpreter, Wat.ToBinary(Loops));
        using var compiled = Module.FromBytes(compiler, Wat.ToBinary(Loops));
        int versioned = 0;
        foreach (var args in arguments)
        {
            var expected = Run(interpreter, interpreted, function, args);
            var actual = Run(compiler, compiled, function, args);
            Assert.True(expected.Outcome == actual.Outcome, $"{function}({string.Join(", ", args)}): interpreter {expected.Outcome}, compiled {actual.Outcome}");
            Assert.True(expected.Memory.AsSpan().SequenceEqual(actual.Memory), $"{function}({string.Join(", ", args)}): memory differs");
            if (!expected.Outcome.StartsWith("trap", StringComparison.Ordinal)) versioned++;
        }
        // Enough cases finish (rather than trap) that the unchecked copies run.
        Assert.True(versioned >= 20, $"only {versioned} cases finished");
    }

    private static (string Outcome, byte[] Memory) Run(Engine engine, Module module, string function, uint[] args)
    {
        var store = new Store(engine);
        using var instance = new Linker(engine).Instantiate(store, module);
        var memory = instance.GetMemory("memory") ?? throw new InvalidOperationException("no memory export");
        var bytes = memory.GetSpan(0, 65536);
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(i * 0x9E3779B1 >> 13);
        string outcome;
        try
        {
            var results = instance.GetFunction(function)!.Invoke([.. args.Select(a => Value.I32((int)a))]);
            outcome = $"result {results[0]}";
        }
        catch (TrapException trap)
        {
            outcome = $"trap {trap.Code}";
        }
        return (outcome, memory.GetSpan().ToArray());
    }

    /// <summary>The analysis of the first loop of each defined function (null where it has none or it does not qualify).</summary>
    private static List<CountedLoop?> AnalyzeLoops(string wat)
    {
        var module = ModuleReader.Read(Wat.ToBinary(wat));
        ModuleValidator.Validate(module);
        var loops = new List<CountedLoop?>();
        for (int f = 0; f < module.Codes.Count; f++)
        {
            var body = module.Codes[f];
            var type = module.Types[(int)module.FunctionTypeIndices[f]];
            var locals = type.Parameters.Concat(body.Locals.SelectMany(run => Enumerable.Repeat(run.Type, (int)run.Count))).ToArray();
            var reader = new InstructionReader(module.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
            CountedLoop? found = null;
            while (!reader.AtEnd)
            {
                var instruction = reader.Read();
                if (instruction.Opcode != Opcode.Loop) continue;
                found = CountedLoopAnalysis.Analyze(module, locals, in instruction, reader);
                break;
            }
            loops.Add(found);
        }
        return loops;
    }
}
