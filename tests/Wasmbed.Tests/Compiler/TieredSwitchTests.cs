using System.Diagnostics;
using Wasmbed.Compiler;
using Wasmbed.Compiler.Runtime;
using Wasmbed.Interpreter;
using Wasmbed.Runtime;
using Wasmbed.Text;

namespace Wasmbed.Tests.Compiler;

/// <summary>
/// Tiered execution switches inside a call that started in the interpreter: once the module's compiled code is ready,
/// the calls the interpreter makes run it. Each scenario is one call from the host into a fresh module — the way a
/// WASI command runs everything inside <c>_start</c> — that first waits in a host function until the switch is done
/// (spending no fuel there), then does its work; every result is compared with the interpreter tier's.
/// </summary>
public sealed class TieredSwitchTests
{
    private const string Program = """
        (module
          (import "env" "ready" (func $ready))
          (import "env" "where" (func $where))
          (import "env" "callback" (func $callback (param i32) (result i32)))
          (memory 1)
          (global $acc (mut i64) (i64.const 0))
          (table funcref (elem $work))
          (type $unary (func (param i32) (result i32)))

          ;; A kernel with a loop, memory, a global and a host call.
          (func $work (param $i i32) (result i32) (local $j i32) (local $h i32)
            (call $where)
            (local.set $h (i32.mul (local.get $i) (i32.const 0x9e3779b1)))
            (loop $l
              (i32.store (i32.and (i32.shl (local.get $j) (i32.const 2)) (i32.const 0xfffc))
                (i32.xor (local.get $h) (i32.load (i32.and (i32.shl (local.get $h) (i32.const 2)) (i32.const 0xfffc)))))
              (local.set $h (i32.add (i32.rotl (local.get $h) (i32.const 5)) (local.get $j)))
              (local.set $j (i32.add (local.get $j) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $j) (i32.const 50))))
            (global.set $acc (i64.add (global.get $acc) (i64.extend_i32_u (local.get $h))))
            (local.get $h))
          (func $load (param i32) (result i32) (i32.load (local.get 0)))
          (func $count (export "count") (param i32) (result i32)
            (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
              (else (i32.add (i32.const 1) (call $count (i32.sub (local.get 0) (i32.const 1)))))))
          (func $grow (result i32) (memory.grow (i32.const 1)))
          (func $spin (loop $l (br $l)))
          (func $via-host (param i32) (result i32) (call $callback (local.get 0)))

          (func (export "checksum") (param $n i32) (result i64) (local $i i32) (local $sum i64)
            (call $ready)
            (loop $l
              (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (call $work (local.get $i)))))
              (local.set $sum (i64.add (local.get $sum)
                (i64.extend_i32_u (call_indirect (type $unary) (local.get $i) (i32.const 0)))))
              (local.set $i (i32.add (local.get $i) (i32.const 1)))
              (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
            (i64.add (local.get $sum) (i64.add (global.get $acc) (i64.extend_i32_u (i32.load (i32.const 40))))))
          (func (export "trap") (result i32)
            (call $ready)
            (call $load (i32.const 65534)))
          (func (export "recurse") (param i32) (result i32)
            (call $ready)
            (call $count (local.get 0)))
          (func (export "recurse-via-host") (param i32) (result i32)
            (call $ready)
            (call $via-host (local.get 0)))
          (func (export "grow") (result i32)
            (call $ready)
            (drop (call $grow))
            ;; An address only the grown memory has: the interpreter must see the new size after the call.
            (i32.store (i32.const 70000) (i32.const 7))
            (i32.add (memory.size) (i32.load (i32.const 70000))))
          (func (export "spin")
            (call $ready)
            (call $spin)))
        """;

    /// <summary>One scenario's run: its result or trap, what the host functions saw, the fuel it used.</summary>
    private sealed class Run
    {
        public long? Result;
        public TrapException? Trap;
        public bool ReadyCalledFromCompiledCode;
        public int WorkCallsInterpreted;
        public int WorkCallsCompiled;
        public ulong FuelUsed;
    }

    private const ulong Budget = 10_000_000_000;

    private static Run Execute(
        ExecutionTier tier, string export, int? argument = null, StoreLimits? limits = null, bool fuel = false,
        bool interruptAfterReady = false, ulong budget = Budget)
    {
        var engine = new Engine(new EngineOptions
        {
            Tier = tier,
            Compiler = tier == ExecutionTier.Interpreter ? null : new IlCompiler(),
            ConsumeFuel = fuel,
            Interruptible = interruptAfterReady,
        });
        var module = Module.FromBytes(engine, Wat.ToBinary(Program));
        var store = new Store(engine, limits);
        if (fuel) store.Fuel = budget;
        var run = new Run();
        Instance? instance = null;
        var ready = Function.FromCallback(store, new FunctionType([], []), (_, _, _) =>
        {
            run.ReadyCalledFromCompiledCode = CompiledCodeOnStack();
            if (tier == ExecutionTier.Tiered) WaitForTheSwitch(module);
            if (interruptAfterReady) _ = Task.Delay(200).ContinueWith(_ => store.Interrupt(), TaskScheduler.Default);
        });
        var where = Function.FromCallback(store, new FunctionType([], []), (_, _, _) =>
        {
            if (CompiledCodeOnStack()) run.WorkCallsCompiled++;
            else run.WorkCallsInterpreted++;
        });
        var callback = Function.FromCallback(store, new FunctionType([ValueType.I32], [ValueType.I32]),
            (_, arguments, results) => results[0] = instance!.GetFunction("count")!.Invoke(arguments[0])[0]);
        instance = new Instance(store, module, ready, where, callback);
        var function = instance.GetFunction(export)!;
        try
        {
            var results = function.Invoke(argument is { } value ? [Value.I32(value)] : []);
            run.Result = results.Length == 0 ? null : results[0].Type == ValueType.I64 ? results[0].AsInt64() : results[0].AsInt32();
        }
        catch (TrapException trap)
        {
            run.Trap = trap;
        }
        if (fuel) run.FuelUsed = budget - store.Fuel;
        return run;
    }

    /// <summary>Blocks until the interpreter's calls to every function of <paramref name="module"/> run compiled code.</summary>
    private static void WaitForTheSwitch(Module module)
    {
        bool switched = SpinWait.SpinUntil(
            () => Enumerable.Range(0, module.Translations.Length).All(i => Executor.UsesCompiledCode(module, i)),
            TimeSpan.FromSeconds(60));
        if (!switched) throw new TimeoutException("the module was not compiled within a minute");
    }

    /// <summary>Whether a method of generated code is on the .NET stack: the caller is compiled, not interpreted.</summary>
    private static bool CompiledCodeOnStack() =>
        new StackTrace().GetFrames().Any(frame => frame.GetMethod()?.DeclaringType?.IsSubclassOf(typeof(CompiledInstance)) == true);

    [Fact]
    public void A_Call_Started_In_The_Interpreter_Runs_Compiled_Code_Once_It_Is_Ready()
    {
        var interpreted = Execute(ExecutionTier.Interpreter, "checksum", 200);
        var tiered = Execute(ExecutionTier.Tiered, "checksum", 200);

        Assert.Null(tiered.Trap);
        Assert.Equal(interpreted.Result, tiered.Result);
        Assert.False(tiered.ReadyCalledFromCompiledCode);   // the call from the host started in the interpreter...
        Assert.Equal(0, tiered.WorkCallsInterpreted);      // ...and every call it made afterwards ran compiled code
        Assert.Equal(400, tiered.WorkCallsCompiled);       // (direct calls and call_indirect)
        Assert.Equal(400, interpreted.WorkCallsInterpreted);
    }

    [Fact]
    public void A_Hot_Function_Switches_During_One_Long_Call_Without_Waiting()
    {
        // No waiting in the host: compilation runs in the background while the interpreter loops, and the calls switch
        // wherever they switch. A call that never switches fails after a minute.
        var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Tiered, Compiler = new IlCompiler() });
        var module = Module.FromBytes(engine, Wat.ToBinary("""
            (module
              (import "env" "compiled" (func $compiled (result i32)))
              (func $hot (param i32) (result i32) (i32.add (local.get 0) (call $compiled)))
              (func (export "_start") (result i32) (local $calls i32)
                (loop $l
                  (local.set $calls (i32.add (local.get $calls) (i32.const 1)))
                  (br_if $l (i32.eqz (call $hot (i32.const 0)))))
                (local.get $calls)))
            """));
        var store = new Store(engine);
        var clock = Stopwatch.StartNew();
        var compiled = Function.FromCallback(store, new FunctionType([], [ValueType.I32]), (_, _, results) =>
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) throw new TimeoutException("still interpreted after a minute");
            results[0] = Value.I32(CompiledCodeOnStack() ? 1 : 0);
        });
        var start = new Instance(store, module, compiled).GetFunction<int>("_start");
        Assert.True(start() >= 1);
    }

    [Fact]
    public void Fuel_Is_The_Interpreters_To_The_Unit()
    {
        var interpreted = Execute(ExecutionTier.Interpreter, "checksum", 200, fuel: true);
        var tiered = Execute(ExecutionTier.Tiered, "checksum", 200, fuel: true);
        Assert.Equal(interpreted.Result, tiered.Result);
        Assert.True(interpreted.FuelUsed > 0);
        Assert.Equal(interpreted.FuelUsed, tiered.FuelUsed);
        Assert.Equal(400, tiered.WorkCallsCompiled);

        // Running out inside the compiled callee stops at the same charge, leaving the same fuel.
        ulong budget = interpreted.FuelUsed / 2;
        var interpretedOut = Execute(ExecutionTier.Interpreter, "checksum", 200, fuel: true, budget: budget);
        var tieredOut = Execute(ExecutionTier.Tiered, "checksum", 200, fuel: true, budget: budget);
        Assert.Equal(TrapCode.OutOfFuel, interpretedOut.Trap?.Code);
        Assert.Equal(TrapCode.OutOfFuel, tieredOut.Trap?.Code);
        Assert.Equal(interpretedOut.FuelUsed, tieredOut.FuelUsed);
        Assert.Equal(interpretedOut.WorkCallsInterpreted, tieredOut.WorkCallsCompiled);
    }

    [Fact]
    public void A_Trap_In_The_Compiled_Callee_Has_The_Interpreters_Backtrace()
    {
        var interpreted = Execute(ExecutionTier.Interpreter, "trap");
        var tiered = Execute(ExecutionTier.Tiered, "trap");
        Assert.Equal(TrapCode.MemoryOutOfBounds, interpreted.Trap?.Code);
        Assert.Equal(TrapCode.MemoryOutOfBounds, tiered.Trap?.Code);
        Assert.Equal(2, interpreted.Trap!.WasmBacktrace.Count);   // $load, then the export
        Assert.Equal(interpreted.Trap.WasmBacktrace, tiered.Trap!.WasmBacktrace);
    }

    [Theory]
    [InlineData("recurse", 998)]             // the export's frame and 999 of $count: 1000 frames
    [InlineData("recurse-via-host", 997)]    // the export, $via-host, then (through the host) 998 of $count
    public void The_Call_Depth_Limit_Counts_Interpreted_And_Compiled_Frames_Together(string export, int deepest)
    {
        var limits = new StoreLimits { MaxCallDepth = 1000 };
        foreach (var tier in new[] { ExecutionTier.Interpreter, ExecutionTier.Tiered })
        {
            var fits = Execute(tier, export, deepest, limits);
            Assert.Null(fits.Trap);
            Assert.Equal(deepest, fits.Result);
            var tooDeep = Execute(tier, export, deepest + 1, limits);
            Assert.Equal(TrapCode.CallStackExhausted, tooDeep.Trap?.Code);
        }
    }

    [Fact]
    public void Unbounded_Recursion_From_The_Interpreter_Into_Compiled_Code_Traps()
    {
        var tiered = Execute(ExecutionTier.Tiered, "recurse", -1);
        Assert.Equal(TrapCode.CallStackExhausted, tiered.Trap?.Code);
    }

    [Fact]
    public void Memory_Grown_By_Compiled_Code_Is_Seen_By_The_Interpreter()
    {
        Assert.Equal(9, Execute(ExecutionTier.Interpreter, "grow").Result);
        Assert.Equal(9, Execute(ExecutionTier.Tiered, "grow").Result);
    }

    [Fact]
    public void Compiled_Code_Called_By_The_Interpreter_Can_Be_Interrupted()
    {
        var tiered = Execute(ExecutionTier.Tiered, "spin", interruptAfterReady: true);
        Assert.Equal(TrapCode.Interrupted, tiered.Trap?.Code);
    }

    [Fact]
    public void Recursion_Alternating_Between_Interpreted_And_Compiled_Frames_Traps()
    {
        // $big's frame is too large for compiled code, so it stays interpreted while $small is compiled: each call
        // crosses between the tiers.
        string locals = string.Concat(Enumerable.Repeat(" i64", 7000));
        var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Tiered, Compiler = new IlCompiler() });
        var module = Module.FromBytes(engine, Wat.ToBinary($$"""
            (module
              (import "env" "ready" (func $ready))
              (func $big (param i32) (result i32) (local {{locals}})
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (i32.add (i32.const 1) (call $small (i32.sub (local.get 0) (i32.const 1)))))))
              (func $small (param i32) (result i32) (call $big (local.get 0)))
              (func (export "run") (param i32) (result i32)
                (call $ready)
                (call $big (local.get 0))))
            """));
        var store = new Store(engine);
        var ready = Function.FromCallback(store, new FunctionType([], []), (_, _, _) =>
            Assert.True(SpinWait.SpinUntil(() => Executor.UsesCompiledCode(module, 1), TimeSpan.FromSeconds(60))));
        var run = new Instance(store, module, ready).GetFunction<int, int>("run");
        Assert.Equal(TrapCode.CallStackExhausted, Assert.Throws<TrapException>(() => run(-1)).Code);
        Assert.False(Executor.UsesCompiledCode(module, 0));
        Assert.Equal(100, run(100));   // the store goes on
    }
}
