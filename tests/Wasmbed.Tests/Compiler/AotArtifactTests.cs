using Wasmbed.Compiler;
using Wasmbed.Compiler.Artifacts;
using Wasmbed.Text;

namespace Wasmbed.Tests.Compiler;

/// <summary>
/// Ahead-of-time artifacts through the public API (<see cref="IlCompiler.SaveArtifact"/>,
/// <see cref="IlCompiler.LoadArtifact(Engine, string)"/>): the same results as compiling from .wasm, and every stale or
/// damaged artifact refused before any of its code runs.
/// </summary>
public sealed class AotArtifactTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("wasmbed-aot-").FullName;

    /// <summary>Imports, memory with data, a mutable global, a table for call_indirect, a start function, a trap.</summary>
    private static readonly byte[] Program = Wat.ToBinary("""
        (module $program
          (import "env" "scale" (func $scale (param i32) (result i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "\05\00\00\00\07\00\00\00")
          (global $calls (export "calls") (mut i32) (i32.const 100))
          (table 2 funcref)
          (elem (i32.const 0) $square $scale)
          (type $unary (func (param i32) (result i32)))
          (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
          (func $start (global.set $calls (i32.add (global.get $calls) (i32.const 1))))
          (start $start)
          (func (export "sum") (param i32) (result i32) (local i32)
            (block $done (loop $next
              (br_if $done (i32.eqz (local.get 0)))
              (local.set 1 (i32.add (local.get 1) (call_indirect (type $unary) (local.get 0) (i32.rem_u (local.get 0) (i32.const 2)))))
              (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
              (br $next)))
            (global.set $calls (i32.add (global.get $calls) (i32.const 1)))
            (local.get 1))
          (func (export "data") (result i64) (i64.load (i32.const 16)))
          (func (export "mix") (param f64 i64) (result f64 i64) (f64.mul (local.get 0) (f64.const 1.5)) (i64.rotl (local.get 1) (i64.const 7)))
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
        """);

    private static readonly byte[] OtherProgram = Wat.ToBinary("(module (func (export \"f\") (result i32) (i32.const 7)))");

    private static Engine CompilerEngine(bool fuel = false, bool interruptible = false) =>
        new(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler(), ConsumeFuel = fuel, Interruptible = interruptible });

    private string Save(byte[] bytes, bool fuel = false, bool interruptible = false, bool readyToRun = false, string name = "program.wasmbed.dll")
    {
        var path = Path.Combine(_directory, name);
        using var engine = CompilerEngine(fuel, interruptible);
        using var module = Module.FromBytes(engine, bytes);
        IlCompiler.SaveArtifact(module, path, readyToRun);
        return path;
    }

    /// <summary>Calls every export of <see cref="Program"/> and describes the results, traps included.</summary>
    private static string Exercise(Engine engine, Module module)
    {
        var linker = new Linker(engine);
        linker.Define("env", "scale", (int value) => value * 10);
        var instance = linker.Instantiate(new Store(engine), module);
        var sum = instance.GetFunction("sum")!;
        var results = new List<string>
        {
            string.Join(",", sum.Invoke(Value.I32(9))),
            string.Join(",", instance.GetFunction("data")!.Invoke()),
            string.Join(",", instance.GetFunction("mix")!.Invoke(Value.F64(2.5), Value.I64(-3))),
            instance.GetGlobal("calls")!.Value.ToString(),
        };
        var trap = Assert.Throws<TrapException>(() => instance.GetFunction("load")!.Invoke(Value.I32(65534)));
        results.Add(trap.Code.ToString());
        return string.Join(" | ", results);
    }

    [Fact]
    public void A_loaded_artifact_computes_what_the_module_compiled_from_wasm_computes()
    {
        var path = Save(Program);
        using var engine = CompilerEngine();
        var expected = Exercise(engine, Module.FromBytes(engine, Program));

        using var fromArtifact = IlCompiler.LoadArtifact(engine, path);
        Assert.Equal(expected, Exercise(engine, fromArtifact));
        Assert.Equal("program", fromArtifact.Name);
        Assert.Equal(Module.FromBytes(engine, Program).Exports.Select(e => e.ToString()), fromArtifact.Exports.Select(e => e.ToString()));
        // Checked against the module it was compiled from, too.
        Assert.Equal(expected, Exercise(engine, IlCompiler.LoadArtifact(engine, path, Program)));
        Assert.Equal($"i32:370 | i64:30064771077 | f64:3.75,i64:{long.RotateLeft(-3, 7)} | i32:102 | MemoryOutOfBounds", expected);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_IL_artifact_is_collectible_as_the_engine_asks(bool collectible)
    {
        var path = Save(Program);
        using var engine = new Engine(new EngineOptions { Tier = ExecutionTier.Compiler, Compiler = new IlCompiler { Collectible = collectible } });
        var expected = Exercise(engine, Module.FromBytes(engine, Program));
        using var fromArtifact = IlCompiler.LoadArtifact(engine, path);
        Assert.Equal(expected, Exercise(engine, fromArtifact));
        Assert.Equal(collectible, CompiledModule.Of(fromArtifact).ContextType.Assembly.IsCollectible);
    }

    [Fact]
    public void An_artifact_runs_on_the_tiered_tier_and_is_refused_by_an_interpreter_engine()
    {
        var path = Save(Program);
        using var compiler = CompilerEngine();
        var expected = Exercise(compiler, Module.FromBytes(compiler, Program));

        using var tiered = new Engine(new EngineOptions { Tier = ExecutionTier.Tiered, Compiler = new IlCompiler() });
        Assert.Equal(expected, Exercise(tiered, IlCompiler.LoadArtifact(tiered, path)));

        using var interpreter = new Engine();
        Assert.Throws<ArgumentException>(() => IlCompiler.LoadArtifact(interpreter, path));
    }

    [Fact]
    public void An_artifact_compiled_with_fuel_meters_fuel_like_the_module_compiled_from_wasm()
    {
        var path = Save(Program, fuel: true);
        using var engine = CompilerEngine(fuel: true);
        ulong Used(Module module)
        {
            var linker = new Linker(engine);
            linker.Define("env", "scale", (int value) => value * 10);
            var store = new Store(engine) { Fuel = 1_000_000 };
            var instance = linker.Instantiate(store, module);
            instance.GetFunction("sum")!.Invoke(Value.I32(50));
            return 1_000_000 - store.Fuel;
        }

        ulong fromWasm = Used(Module.FromBytes(engine, Program));
        Assert.True(fromWasm > 50);
        Assert.Equal(fromWasm, Used(IlCompiler.LoadArtifact(engine, path)));
    }

    [Fact]
    public void An_artifact_of_another_module_is_refused()
    {
        var path = Save(Program);
        using var engine = CompilerEngine();

        var refused = Assert.Throws<WasmArtifactException>(() => IlCompiler.LoadArtifact(engine, path, OtherProgram));
        Assert.Equal(path, refused.Path);
        Assert.Contains("compiled from another module", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, false, false, false, "without fuel metering, which this engine uses")]
    [InlineData(false, false, true, false, "with fuel metering, which this engine does not use")]
    [InlineData(false, true, false, false, "without interruption checks, which this engine needs")]
    [InlineData(false, false, false, true, "with interruption checks, which this engine does not use")]
    public void An_artifact_compiled_with_other_engine_options_is_refused(bool engineFuel, bool engineInterruptible, bool artifactFuel, bool artifactInterruptible, string reason)
    {
        var path = Save(Program, artifactFuel, artifactInterruptible);
        using var engine = CompilerEngine(engineFuel, engineInterruptible);

        var refused = Assert.Throws<WasmArtifactException>(() => IlCompiler.LoadArtifact(engine, path));
        Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_artifact_of_another_build_or_runtime_is_refused()
    {
        var path = Save(Program);
        var contents = ArtifactFile.Read(File.ReadAllBytes(path), path);
        var stamp = ArtifactStamp.Parse(contents.Stamp)!;
        using var engine = CompilerEngine();

        foreach (var (stale, reason) in new[]
        {
            (stamp with { Wasmbed = "0.0.1+0000000 (build 00000000000000000000000000000000)" }, "compiled by another build of Wasmbed (0.0.1+0000000"),
            (stamp with { Compiler = "0.0.2+0000000 (build 00000000000000000000000000000000)" }, "compiled by another build of Wasmbed.Compiler (0.0.2+0000000"),
            (stamp with { Runtime = ".NET 9.0" }, "compiled for .NET 9.0"),
        })
        {
            // A well-formed artifact (its hash matches) written by another build: stale, not damaged.
            File.WriteAllBytes(path, ArtifactFile.Build(contents.Image, contents.Module, contents.ModuleHash, stale));
            var refused = Assert.Throws<WasmArtifactException>(() => IlCompiler.LoadArtifact(engine, path));
            Assert.Contains(reason, refused.Reason, StringComparison.Ordinal);
        }
    }

    /// <summary>A byte flipped anywhere, in the image, the module, the stamp or the footer's hashes and lengths, is detected.</summary>
    [Theory]
    [InlineData("image")]
    [InlineData("module")]
    [InlineData("stamp")]
    [InlineData("module hash")]
    [InlineData("content hash")]
    [InlineData("image length")]
    public void A_modified_artifact_is_refused_as_damaged(string part)
    {
        var path = Save(Program);
        var file = File.ReadAllBytes(path);
        var contents = ArtifactFile.Read(file, path);
        int footer = file.Length - 88;
        int offset = part switch
        {
            "image" => contents.Image.Length / 2,
            "module" => contents.Image.Length + contents.Module.Length / 2,
            "stamp" => contents.Image.Length + contents.Module.Length + 3,
            "image length" => footer + 12,
            "module hash" => footer + 24 + 5,
            _ => file.Length - 1,
        };
        file[offset] ^= 0x20;
        File.WriteAllBytes(path, file);
        using var engine = CompilerEngine();

        var refused = Assert.Throws<WasmArtifactException>(() => IlCompiler.LoadArtifact(engine, path));
        Assert.StartsWith("damaged", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_artifact_or_a_module_is_not_an_artifact()
    {
        var path = Save(Program);
        var file = File.ReadAllBytes(path);
        File.WriteAllBytes(path, file[..^1]);
        using var engine = CompilerEngine();
        Assert.StartsWith("not a Wasmbed artifact", Assert.Throws<WasmArtifactException>(() => IlCompiler.LoadArtifact(engine, path)).Reason, StringComparison.Ordinal);

        File.WriteAllBytes(path, Program);
        Assert.StartsWith("not a Wasmbed artifact", Assert.Throws<WasmArtifactException>(() => IlCompiler.LoadArtifact(engine, path)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ReadyToRun_artifact_holds_native_code_and_computes_the_same()
    {
        Assert.True(IlCompiler.FindCrossgen2() is not null,
            "crossgen2 is not in the NuGet package folders; the test project's PackageDownload of microsoft.netcore.app.crossgen2 should have restored it");
        var path = Save(Program, readyToRun: true);
        var contents = ArtifactFile.Read(File.ReadAllBytes(path), path);
        Assert.True(ArtifactImage.IsReadyToRun(contents.Image));
        Assert.Equal(ArtifactStamp.ReadyToRunJit, ArtifactStamp.Parse(contents.Stamp)!.Jit);
        Assert.False(ArtifactImage.IsReadyToRun(ArtifactFile.Read(File.ReadAllBytes(Save(Program)), path).Image));

        using var engine = CompilerEngine();
        var expected = Exercise(engine, Module.FromBytes(engine, Program));
        Assert.Equal(expected, Exercise(engine, IlCompiler.LoadArtifact(engine, path)));
        // Loaded once per process (ReadyToRun assemblies are never unloaded), then reused.
        Assert.Equal(expected, Exercise(engine, IlCompiler.LoadArtifact(engine, path)));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
