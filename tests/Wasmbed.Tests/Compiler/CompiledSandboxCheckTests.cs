using Wasmbed.Compiler;
using Wasmbed.Text;

namespace Wasmbed.Tests.Compiler;

/// <summary>Fuel and interruption in compiled code: the same points and amounts as the interpreter.</summary>
public class CompiledSandboxCheckTests
{
    private const string Program = """
        (module
          (memory 1)
          (func $step (param i32) (result i32)
            (block $b2 (block $b1 (block $b0
              (br_table $b0 $b1 $b2 (i32.and (local.get 0) (i32.const 3))))
              (return (i32.add (local.get 0) (i32.const 7))))
              (return (i32.mul (local.get 0) (i32.const 3))))
            (if (result i32) (i32.gt_u (local.get 0) (i32.const 100))
              (then (i32.shr_u (local.get 0) (i32.const 1)))
              (else (i32.sub (local.get 0) (i32.const 1)))))
          (func (export "run") (param i32) (result i32) (local i32)
            (memory.fill (i32.const 0) (i32.const 7) (i32.const 5000))
            (drop (memory.grow (i32.const 1)))
            (loop $l
              (local.set 1 (i32.add (local.get 1) (call $step (local.get 0))))
              (br_if $l (local.tee 0 (i32.sub (local.get 0) (i32.const 1)))))
            (local.get 1)))
        """;

    private static (int Result, ulong Used) RunWithFuel(EngineOptions options)
    {
        using var engine = new Engine(options);
        var module = Module.FromBytes(engine, Wat.ToBinary(Program));
        var store = new Store(engine) { Fuel = 1_000_000 };
        var run = new Linker(engine).Instantiate(store, module).GetFunction("run")!.AsFunc<int, int>();
        int result = run(500);
        return (result, 1_000_000 - store.Fuel);
    }

    [Fact]
    public void The_Same_Call_Consumes_The_Same_Fuel_As_In_The_Interpreter()
    {
        var interpreted = RunWithFuel(new EngineOptions { ConsumeFuel = true });
        var compiled = RunWithFuel(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler(), ConsumeFuel = true });
        Assert.True(interpreted.Used > 5000);
        Assert.Equal(interpreted, compiled);
    }

    [Fact]
    public void Running_Out_Of_Fuel_Traps_And_Adding_Fuel_Lets_Calls_Run_Again()
    {
        using var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler(), ConsumeFuel = true });
        var module = Module.FromBytes(engine, Wat.ToBinary(Program));
        var store = new Store(engine) { Fuel = 1000 };
        var run = new Linker(engine).Instantiate(store, module).GetFunction("run")!.AsFunc<int, int>();
        Assert.Equal(TrapCode.OutOfFuel, Assert.Throws<TrapException>(() => run(500)).Code);
        store.Fuel = 1_000_000;
        Assert.True(run(10) > 0);
    }

    [Fact]
    public void An_Endless_Loop_Stops_At_Its_Deadline()
    {
        using var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler(), Interruptible = true });
        var module = Module.FromBytes(engine, Wat.ToBinary("(module (func (export \"spin\") (loop $l (br $l))))"));
        var store = new Store(engine) { Timeout = TimeSpan.FromMilliseconds(50) };
        var spin = new Linker(engine).Instantiate(store, module).GetFunction("spin")!.AsAction();
        Assert.Equal(TrapCode.Interrupted, Assert.Throws<TrapException>(spin).Code);
        Assert.Equal(TrapCode.Interrupted, Assert.Throws<TrapException>(spin).Code);
    }
}
