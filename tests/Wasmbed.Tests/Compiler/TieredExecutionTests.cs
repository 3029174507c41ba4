using Wasmbed.Compiler;
using Wasmbed.Runtime;
using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

public class TieredExecutionTests
{
    private const string CounterModule = """
        (module
          (memory 1)
          (global $count (mut i64) (i64.const 0))
          (func (export "tick") (result i64)
            (global.set $count (i64.add (global.get $count) (i64.const 1)))
            (i32.store (i32.const 8) (i32.add (i32.load (i32.const 8)) (i32.const 10)))
            (i64.add (global.get $count) (i64.extend_i32_u (i32.load (i32.const 8))))))
        """;

    [Fact]
    public void Switches_From_The_Interpreter_To_Compiled_Code_Keeping_State()
    {
        var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Tiered, Compiler = new IlCompiler { TierUpAfterCalls = 2 } });
        var m = Create(new Store(engine), CounterModule);
        var module = m.Instance.Module;

        Assert.Equal(11, m.CallI64("tick"));
        Assert.False(TierUp.IsCompiled(module));
        Assert.Null(m.Instance.CompiledState);
        Assert.Equal(22, m.CallI64("tick"));   // the second call queues the compilation
        SpinWait.SpinUntil(() => TierUp.IsCompiled(module), TimeSpan.FromSeconds(30));
        Assert.True(TierUp.IsCompiled(module));

        Assert.Equal(33, m.CallI64("tick"));
        Assert.NotNull(m.Instance.CompiledState);   // that call ran compiled code, continuing from the interpreter's state
        Assert.Equal(44, m.CallI64("tick"));
    }

    [Fact]
    public void Traps_Are_The_Same_Before_And_After_The_Switch()
    {
        var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Tiered, Compiler = new IlCompiler() });
        var m = Create(new Store(engine), """
            (module
              (memory 1)
              (func (export "load") (param i32) (result i32) (i32.load (local.get 0)))
              (func $down (export "down") (param i32) (result i32)
                (if (result i32) (i32.eqz (local.get 0)) (then (i32.const 0))
                  (else (call $down (i32.sub (local.get 0) (i32.const 1)))))))
            """, null);
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("load", I32(65534)));
        SpinWait.SpinUntil(() => TierUp.IsCompiled(m.Instance.Module), TimeSpan.FromSeconds(30));
        Assert.Equal(TrapCode.MemoryOutOfBounds, m.Trap("load", I32(65534)));
        Assert.Equal(TrapCode.CallStackExhausted, m.Trap("down", I32(-1)));
        Assert.Equal(0, m.CallI32("down", I32(1000)));
        Assert.NotNull(m.Instance.CompiledState);
    }
}
