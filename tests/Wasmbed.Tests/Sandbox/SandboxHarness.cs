using System.Text;
using Wasmbed.Text;

namespace Wasmbed.Tests.Sandbox;

/// <summary>
/// Engines for every tier the sandbox tests run on, and a neighbour: an instance in another store that must keep
/// answering correctly whatever a hostile module does next to it.
/// </summary>
internal static class SandboxHarness
{
    /// <summary>
    /// The execution tiers: every sandbox test and the fuel equality test run on each. On "tiered", compilation starts
    /// in the background at the first call and the switch lands wherever it lands, which must not change any result.
    /// </summary>
    public static TheoryData<string> Tiers() => new() { "interpreter", "compiler", "tiered" };

    public static EngineOptions Options(string tier, bool fuel = false, bool interruptible = false) => tier switch
    {
        "interpreter" => new EngineOptions { Tier = ExecutionTier.Interpreter, ConsumeFuel = fuel, Interruptible = interruptible },
        "compiler" => new EngineOptions
        {
            Tier = ExecutionTier.Compiler, Compiler = new Wasmbed.Compiler.IlCompiler(), ConsumeFuel = fuel, Interruptible = interruptible,
        },
        "tiered" => new EngineOptions
        {
            Tier = ExecutionTier.Tiered, Compiler = new Wasmbed.Compiler.IlCompiler(), ConsumeFuel = fuel, Interruptible = interruptible,
        },
        _ => throw new ArgumentException($"unknown tier {tier}", nameof(tier)),
    };

    public static Module Compile(Engine engine, string wat) => Module.FromBytes(engine, Wat.ToBinary(wat));

    /// <summary>Recursive factorial in the style of the spec's fac.wast.</summary>
    public const string Fac = """
        (module
          (func $fac (export "fac") (param i64) (result i64)
            (if (result i64) (i64.eqz (local.get 0))
              (then (i64.const 1))
              (else (i64.mul (local.get 0) (call $fac (i64.sub (local.get 0) (i64.const 1))))))))
        """;

    /// <summary>Iterative Fibonacci: a loop with a conditional exit.</summary>
    public const string Fib = """
        (module
          (func (export "fib") (param $n i32) (result i32) (local $a i32) (local $b i32) (local $t i32)
            (local.set $b (i32.const 1))
            (block $done
              (loop $next
                (br_if $done (i32.eqz (local.get $n)))
                (local.set $t (i32.add (local.get $a) (local.get $b)))
                (local.set $a (local.get $b))
                (local.set $b (local.get $t))
                (local.set $n (i32.sub (local.get $n) (i32.const 1)))
                (br $next)))
            (local.get $a)))
        """;

    /// <summary>WAT text of <paramref name="count"/> repetitions of <paramref name="item"/>.</summary>
    public static string Repeat(string item, int count) => new StringBuilder(item.Length * count).Insert(0, item, count).ToString();
}

/// <summary>An instance in its own store, next to a hostile one; <see cref="AssertAnswers"/> checks it still works.</summary>
internal sealed class Neighbour : IDisposable
{
    private readonly Engine _engine;
    private readonly Func<long, long> _fac;

    public Neighbour(string tier)
    {
        _engine = new Engine(SandboxHarness.Options(tier));
        var store = new Store(_engine);
        var instance = new Instance(store, SandboxHarness.Compile(_engine, SandboxHarness.Fac));
        _fac = instance.GetFunction<long, long>("fac");
        AssertAnswers();
    }

    public void AssertAnswers()
    {
        Assert.Equal(2432902008176640000L, _fac(20));
        Assert.Equal(1L, _fac(0));
    }

    public void Dispose() => _engine.Dispose();
}
