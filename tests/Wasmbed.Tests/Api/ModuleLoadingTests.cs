using Wasmbed.Text;

namespace Wasmbed.Tests.Api;

/// <summary>Loading modules from bytes, files and streams; validation; describing imports and exports.</summary>
public sealed class ModuleLoadingTests
{
    private static readonly byte[] Wasm = Wat.ToBinary("""
        (module $demo
          (import "env" "f" (func (param i64) (result f32)))
          (import "env" "t" (table 1 2 funcref))
          (import "env" "m" (memory 1))
          (import "env" "g" (global (mut externref)))
          (func (export "run") (param i32))
          (export "mem" (memory 0))
          (global (export "v") v128 (v128.const i64x2 0 0)))
        """);

    private readonly Engine _engine = new();

    [Fact]
    public void FromBytesDescribesImportsAndExports()
    {
        var module = Module.FromBytes(_engine, Wasm);

        Assert.Equal("demo", module.Name);
        Assert.Equal(
            [
                "\"env\" \"f\": func [i64] -> [f32]",
                "\"env\" \"t\": table 1..2 funcref",
                "\"env\" \"m\": memory 1..",
                "\"env\" \"g\": global (mut externref)",
            ],
            module.Imports.Select(i => i.ToString()));
        Assert.Equal(
            ["\"run\": func [i32] -> []", "\"mem\": memory 1..", "\"v\": global v128"],
            module.Exports.Select(e => e.ToString()));
        Assert.Equal(ExternalKind.Table, module.Imports[1].Type.Kind);
        Assert.Equal(new TableType(ValueType.FuncRef, new Limits(1, 2)), module.Imports[1].Type.Table);
    }

    [Fact]
    public void FromBytesCopiesTheBytes()
    {
        var bytes = (byte[])Wasm.Clone();
        var module = Module.FromBytes(_engine, bytes);

        Array.Clear(bytes);

        Assert.Equal(4, module.Imports.Count);
    }

    [Fact]
    public void FromFile()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Wasm);

            var module = Module.FromFile(_engine, path);

            Assert.Equal("demo", module.Name);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromSeekableAndUnseekableStreams()
    {
        using var seekable = new MemoryStream(Wasm);
        using var trickle = new TrickleStream(Wasm);

        Assert.Equal("demo", Module.FromStream(_engine, seekable).Name);
        Assert.Equal("demo", Module.FromStream(_engine, trickle).Name);
    }

    [Fact]
    public void StreamsLargerThanTheLimitAreRefused()
    {
        var engine = new Engine(new EngineOptions { MaxModuleSize = 100 });
        var big = new byte[101];

        Assert.Throws<WasmFormatException>(() => Module.FromStream(engine, new MemoryStream(big)));
        Assert.Throws<WasmFormatException>(() => Module.FromStream(engine, new TrickleStream(big)));
        Assert.Throws<WasmFormatException>(() => Module.FromStream(engine, new EndlessStream()));
    }

    [Fact]
    public void MalformedAndInvalidModulesAreRejected()
    {
        byte[] notWasm = [0x00, 0x61, 0x73, 0x6d, 0x02, 0x00, 0x00, 0x00];
        byte[] invalid = Wat.ToBinary("(module (func (result i32) (i64.const 1)))");

        Assert.Throws<WasmFormatException>(() => Module.FromBytes(_engine, notWasm));
        Assert.Throws<WasmValidationException>(() => Module.FromBytes(_engine, invalid));
        Assert.Throws<WasmFormatException>(() => Module.Validate(_engine, notWasm));
        Assert.Throws<WasmValidationException>(() => Module.Validate(_engine, invalid));
        Module.Validate(_engine, Wasm);
    }

    [Fact]
    public void EagerTranslationLoadsTheSameModules()
    {
        var engine = new Engine(new EngineOptions { Translation = TranslationMode.Eager });
        var module = Module.FromBytes(engine, Wat.ToBinary("""
            (module (func (export "f") (param i32) (result i32) (i32.mul (local.get 0) (i32.const 3))))
            """));

        var instance = new Linker(engine).Instantiate(new Store(engine), module);

        Assert.Equal(9, instance.GetFunction<int, int>("f")(3));
    }

    /// <summary>A stream that cannot seek and returns at most 7 bytes per read.</summary>
    private sealed class TrickleStream(byte[] bytes) : Stream
    {
        private int _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 7), bytes.Length - _position);
            Array.Copy(bytes, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A stream that never ends.</summary>
    private sealed class EndlessStream : Stream
    {
        public override int Read(byte[] buffer, int offset, int count) => count;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
