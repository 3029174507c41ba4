using Wasmbed.Compiler;
using Wasmbed.Format;
using Wasmbed.Text;
using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

/// <summary>
/// Compiled code keeps memory's base and length across calls to functions that cannot grow memory: the analysis must
/// find every function that may, directly or through calls, and code after such calls must see the grown memory.
/// </summary>
public class MemoryGrowthAnalysisTests
{
    [Fact]
    public void Growth_Is_Found_Directly_Through_Calls_Imports_And_Indirect_Calls()
    {
        var description = ModuleReader.Read(Wat.ToBinary("""
            (module
              (import "host" "f" (func $host))
              (memory 1)
              (table 1 funcref)
              (func $grows (drop (memory.grow (i32.const 1))))
              (func $calls-grows (call $grows))
              (func $calls-calls-grows (call $calls-grows))
              (func $calls-host (call $host))
              (func $indirect (call_indirect (i32.const 0)))
              (func $pure (param i32) (result i32) (i32.add (local.get 0) (i32.const 1)))
              (func $calls-pure (result i32) (call $pure (i32.const 1)))
              (func $loop-a (call $loop-b))
              (func $loop-b (call $loop-a))
              (func $loop-grows-a (call $loop-grows-b))
              (func $loop-grows-b (call $loop-grows-a) (call $grows)))
            """));
        bool[] expected = [true, true, true, true, true, false, false, false, false, true, true];
        Assert.Equal(expected, MemoryGrowthAnalysis.MayGrowMemory(description));
    }

    [Fact]
    public void Code_After_A_Call_That_Grew_Memory_Sees_The_New_Size()
    {
        var m = Create("""
            (module
              (memory 1 4)
              (func $grow (drop (memory.grow (i32.const 1))))
              (func $indirectly (call $grow))
              (func $pure (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3)))
              (func (export "store-after-growth") (param i32) (result i32)
                (i32.store (i32.const 65532) (call $pure (local.get 0)))
                (call $indirectly)
                (i32.store (i32.const 70000) (call $pure (local.get 0)))
                (i32.add (i32.load (i32.const 65532)) (i32.load (i32.const 70000)))))
            """);
        Assert.Equal(42, m.CallI32("store-after-growth", I32(7)));
        Assert.Equal(2 * 65536, m.Memory.Length);
    }
}
