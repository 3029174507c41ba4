using Wasmbed.Compiler;
using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

/// <summary>
/// <see cref="IlCompiler.Collectible"/> = false (what <c>wasmbed run</c> uses): the module's code goes into a
/// non-collectible assembly, where .NET's tiered compilation applies to functions not optimized up front. Results and
/// the stack guard must not depend on the tier the runtime happens to run a function at.
/// </summary>
public class NonCollectibleCodeTests
{
    private const string Module = """
        (module
          (func $fib (export "fib") (param i32) (result i32)
            (if (result i32) (i32.lt_u (local.get 0) (i32.const 2))
              (then (local.get 0))
              (else (i32.add (call $fib (i32.sub (local.get 0) (i32.const 1)))
                             (call $fib (i32.sub (local.get 0) (i32.const 2)))))))
          (func $sum (export "sum") (param i32) (result i64) (local i64)
            (loop $next
              (local.set 1 (i64.add (local.get 1) (i64.extend_i32_u (local.get 0))))
              (br_if $next (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
            (local.get 1))
          (func $forever (export "forever") (param i64) (result i64)
            (i64.add (local.get 0) (call $forever (i64.add (local.get 0) (i64.const 1))))))
        """;

    private static Store NewStore(IlCompiler compiler, StoreLimits? limits = null) =>
        new(new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = compiler }), limits);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_Option_Decides_Whether_The_Code_Is_Collectible(bool collectible)
    {
        var m = Create(NewStore(new IlCompiler { Collectible = collectible }), Module);
        Assert.Equal(55, m.CallI32("fib", I32(10)));
        var assembly = CompiledModule.Of(m.Instance.Module).ContextType.Assembly;
        Assert.Equal(collectible, assembly.IsCollectible);
    }

    [Fact]
    public void Functions_Left_To_Tiered_Compilation_Give_The_Same_Results_When_Hot()
    {
        // LargeFunctionBytes = 0: no function is optimized up front, so each starts as tier-0 code, long loops go
        // through on-stack replacement and hot functions are recompiled while the test runs.
        var m = Create(NewStore(new IlCompiler { Collectible = false, LargeFunctionBytes = 0 }), Module);
        for (int round = 0; round < 200; round++)
        {
            Assert.Equal(6765, m.CallI32("fib", I32(20)));
            Assert.Equal(50_000_005_000_000L, m.CallI64("sum", I32(10_000_000)));
        }
    }

    [Theory]
    [InlineData(256 * 1024)]
    [InlineData(1024 * 1024)]
    public void Recursion_In_Tier0_Code_Traps_On_A_Small_Thread_Stack(int stackSize)
    {
        // Tier-0 frames keep every temporary on the stack (functions not optimized up front therefore probe on every
        // entry); far less stack than the depth limit needs: the stack guard, not the depth counter, has to stop this.
        TrapCode? code = null;
        int after = 0;
        OnThreadWithStack(stackSize, () =>
        {
            var m = Create(NewStore(new IlCompiler { Collectible = false, LargeFunctionBytes = 0 }, new StoreLimits { MaxCallDepth = 10_000_000 }), Module);
            code = Assert.Throws<TrapException>(() => m.Call("forever", I64(0))).Code;
            after = m.CallI32("fib", I32(15));
        });
        Assert.Equal(TrapCode.CallStackExhausted, code);
        Assert.Equal(610, after);
    }

    [Fact]
    public void Background_Preparation_Follows_The_Call_Graph_From_Start_And_Exports()
    {
        var description = Wasmbed.Format.ModuleReader.Read(Wasmbed.Text.Wat.ToBinary("""
            (module
              (import "host" "f" (func $host))
              (func $unreachable (call $leaf))
              (func $start (call $host) (call $middle))
              (func $middle (call $leaf) (call $middle) (drop (i32.const 1000)))
              (func $leaf)
              (func $exported (export "e") (call $other))
              (func $other)
              (start $start))
            """));
        // Defined indices: unreachable 0, start 1, middle 2, leaf 3, exported 4, other 5.
        Assert.Equal([1, 4, 2, 5, 3], BackgroundPreparation.CallOrder(description));
        // The largest function to prepare goes first, the rest keep their order: middle, the largest; of leaf and other
        // (equal, both empty) the earlier, other; with nothing prepared, nothing moves.
        Assert.Equal([2, 1, 4, 5, 3], BackgroundPreparation.LargestFirst(BackgroundPreparation.CallOrder(description), description, _ => true));
        Assert.Equal([5, 1, 4, 2, 3], BackgroundPreparation.LargestFirst(BackgroundPreparation.CallOrder(description), description, f => f is 3 or 5));
        Assert.Equal([1, 4, 2, 5, 3], BackgroundPreparation.LargestFirst(BackgroundPreparation.CallOrder(description), description, _ => false));
    }

    [Fact]
    public void Functions_Prepared_In_The_Background_Run_While_They_Are_Being_Prepared()
    {
        // The calls start at once, racing the preparing thread for the same functions: results must not change.
        for (int round = 0; round < 20; round++)
        {
            var m = Create(NewStore(new IlCompiler { Collectible = false, PrepareInBackground = true }), Module);
            Assert.Equal(6765, m.CallI32("fib", I32(20)));
            Assert.Equal(5050L, m.CallI64("sum", I32(100)));
        }
    }
}
