using System.Globalization;
using System.Runtime.CompilerServices;
using Wasmbed.Compiler;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Compiler;

/// <summary>
/// Compiled modules are collectible: compiling, instantiating, calling and then dropping 1,000 distinct modules
/// keeps managed memory and the number of loaded compiled assemblies flat.
/// </summary>
[Collection(nameof(RunsAloneCollection))]
public sealed class CompiledModuleCollectionTests(ITestOutputHelper output)
{
    private const int Warmup = 100;
    private const int Total = 1_000;

    /// <summary>
    /// Allowed growth of the managed heap between module 100 and module 1,000, after full collections.
    /// A leak of whole modules would retain at least their instance's 64 KiB memory each, i.e. more than 56 MiB for 900
    /// modules; a leak of only the compiled code would keep each module's assembly (counted separately below) and its
    /// builder objects, a few KiB each. 4 MiB is under 4.6 KiB per module over 900 modules, so it tolerates allocator
    /// and runtime noise (GC budgets, caches of the first calls) but not anything proportional to the module count.
    /// </summary>
    private const long AllowedGrowthBytes = 4L << 20;

    /// <summary>Compiled assemblies that may still be loaded after full collections (unloading is asynchronous).</summary>
    private const int AllowedLiveAssemblies = 20;

    [Theory]
    [InlineData(false)] // dynamic RunAndCollect assemblies (the default)
    [InlineData(true)]  // saved images loaded into collectible AssemblyLoadContexts (IlCompiler.TieredJit)
    public void Compiling_And_Dropping_1000_Modules_Keeps_Memory_Flat(bool tieredJit)
    {
        int baselineAssemblies = LiveCompiledAssemblies();

        // The measurement can see retention: while 50 instances are held, their assemblies stay loaded and their
        // memories on the heap.
        long beforeHeld = CollectedHeapBytes();
        var held = Enumerable.Range(0, 50).Select(i => Instantiate(Total + i, tieredJit)).ToList();
        Assert.True(LiveCompiledAssemblies() - baselineAssemblies >= 50, "held modules' assemblies are counted");
        Assert.True(CollectedHeapBytes() - beforeHeld >= 50 * 65536, "held instances' memories are measured");
        GC.KeepAlive(held);
        held.Clear();

        for (int i = 0; i < Warmup; i++) CompileCallAndDrop(i, tieredJit);
        long atWarmup = CollectedHeapBytes();
        int assembliesAtWarmup = LiveCompiledAssemblies();
        long workingSetAtWarmup = Environment.WorkingSet;

        for (int i = Warmup; i < Total; i++) CompileCallAndDrop(i, tieredJit);
        long atTotal = CollectedHeapBytes();
        int assembliesAtTotal = LiveCompiledAssemblies();

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tieredJit={tieredJit}: managed heap {atWarmup / 1024} KiB after {Warmup} modules, {atTotal / 1024} KiB after {Total} " +
            $"(growth {(atTotal - atWarmup) / 1024} KiB); compiled assemblies loaded {assembliesAtWarmup} -> {assembliesAtTotal} " +
            $"(baseline {baselineAssemblies}); working set {workingSetAtWarmup >> 20} -> {Environment.WorkingSet >> 20} MiB"));
        Assert.True(atTotal - atWarmup < AllowedGrowthBytes,
            $"managed heap grew by {atTotal - atWarmup} bytes from {Warmup} to {Total} modules");
        Assert.True(assembliesAtTotal - baselineAssemblies <= AllowedLiveAssemblies,
            $"{assembliesAtTotal - baselineAssemblies} compiled assemblies still loaded after {Total} modules were dropped");
    }

    /// <summary>A distinct module per <paramref name="seed"/>: constants, data and a global differ, so no two compile alike.</summary>
    private static byte[] ModuleBytes(int seed) => Wasmbed.Text.Wat.ToBinary(string.Create(CultureInfo.InvariantCulture, $$"""
        (module
          (memory 1)
          (global $g (mut i32) (i32.const {{seed}}))
          (data (i32.const 16) "module {{seed}}")
          (func $mix (param i32) (result i32)
            (i32.xor (i32.mul (local.get 0) (i32.const {{seed * 2 + 1}})) (i32.load8_u (i32.const 23))))
          (func (export "run") (param i32) (result i32) (local i32)
            (block $done (loop $next
              (br_if $done (i32.eqz (local.get 0)))
              (local.set 1 (i32.add (local.get 1) (call $mix (local.get 0))))
              (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
              (br $next)))
            (global.set $g (i32.add (global.get $g) (local.get 1)))
            (i32.store (i32.const 0) (global.get $g))
            (i32.load (i32.const 0))))
        """));

    /// <summary>What run(3) returns for <paramref name="seed"/>, computed here to check the call really ran.</summary>
    private static int Expected(int seed)
    {
        int firstDataByte = (byte)string.Create(CultureInfo.InvariantCulture, $"module {seed}")[7];
        int sum = 0;
        for (int n = 3; n > 0; n--) sum += unchecked(n * (seed * 2 + 1)) ^ firstDataByte;
        return seed + sum;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Instance Instantiate(int seed, bool tieredJit)
    {
        var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler { TieredJit = tieredJit } });
        var module = Module.FromBytes(engine, ModuleBytes(seed));
        var instance = new Linker(engine).Instantiate(new Store(engine), module);
        var run = (instance.GetFunction("run") ?? throw new InvalidOperationException("no run export")).AsFunc<int, int>();
        Assert.Equal(Expected(seed), run(3));
        return instance;
    }

    /// <summary>Everything is released when this returns (not inlined, so no caller's local keeps it alive).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void CompileCallAndDrop(int seed, bool tieredJit)
    {
        var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler { TieredJit = tieredJit } });
        using (engine)
        using (var module = Module.FromBytes(engine, ModuleBytes(seed)))
        {
            var instance = new Linker(engine).Instantiate(new Store(engine), module);
            var run = (instance.GetFunction("run") ?? throw new InvalidOperationException("no run export")).AsFunc<int, int>();
            Assert.Equal(Expected(seed), run(3));
        }
    }

    /// <summary>
    /// Managed heap after full, compacting collections. Collectible assemblies go in stages (the managed
    /// LoaderAllocator first, then its native side after finalization), so several rounds are needed.
    /// </summary>
    private static long CollectedHeapBytes()
    {
        for (int i = 0; i < 4; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int LiveCompiledAssemblies()
    {
        CollectedHeapBytes();
        return AppDomain.CurrentDomain.GetAssemblies().Count(a => a.GetName().Name?.StartsWith("Wasmbed.Compiled", StringComparison.Ordinal) == true);
    }
}
