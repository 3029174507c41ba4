using Wasmbed.Compiler;
using Wasmbed.Compiler.Artifacts;
using static Wasmbed.Tests.Compiler.CompiledModuleHarness;

namespace Wasmbed.Tests.Compiler;

public sealed class CompiledArtifactTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wasmbed-artifacts-" + Guid.NewGuid().ToString("N"));

    private const string Wat = """
        (module $squares
          (memory 1)
          (func $square (param i32) (result i32) (i32.mul (local.get 0) (local.get 0)))
          (func (export "sum") (param i32) (result i32) (local i32)
            (block $done (loop $next
              (br_if $done (i32.eqz (local.get 0)))
              (local.set 1 (i32.add (local.get 1) (call $square (local.get 0))))
              (local.set 0 (i32.sub (local.get 0) (i32.const 1)))
              (br $next)))
            (local.get 1))
          (func (export "load") (param i32) (result i32) (i32.load (local.get 0))))
        """;

    private CompiledModuleHarness Instantiate(string wat = Wat) =>
        Create(new Store(new Engine(new EngineOptions
        {
            Tier = ExecutionTier.Compiler,
            Compiler = new IlCompiler { ArtifactDirectory = _directory },
        })), wat);

    [Fact]
    public void A_Saved_Module_Is_Loaded_Instead_Of_Compiled_And_Damage_Is_Detected()
    {
        int saved = ArtifactCache.Saved, loaded = ArtifactCache.Loaded;

        var first = Instantiate();
        Assert.Equal(385, first.CallI32("sum", I32(10)));
        Assert.Equal(saved + 1, ArtifactCache.Saved);
        var file = Assert.Single(Directory.GetFiles(_directory));

        var second = Instantiate();
        Assert.Equal(385, second.CallI32("sum", I32(10)));
        Assert.Equal(TrapCode.MemoryOutOfBounds, second.Trap("load", I32(65535)));
        Assert.Equal(loaded + 1, ArtifactCache.Loaded);
        Assert.Equal(saved + 1, ArtifactCache.Saved);

        // A damaged image fails the hash check: compiled again and replaced.
        var bytes = File.ReadAllBytes(file);
        bytes[^100] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        var third = Instantiate();
        Assert.Equal(385, third.CallI32("sum", I32(10)));
        Assert.Equal(saved + 2, ArtifactCache.Saved);
        Assert.Equal(loaded + 1, ArtifactCache.Loaded);

        // Another module gets its own artifact.
        Assert.Equal(110, Instantiate(Wat.Replace("i32.mul", "i32.add", StringComparison.Ordinal)).CallI32("sum", I32(10)));
        Assert.Equal(2, Directory.GetFiles(_directory).Length);
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
