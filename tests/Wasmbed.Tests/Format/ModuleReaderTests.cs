using Wasmbed.Format;
using static Wasmbed.Tests.Format.ModuleBytes;

namespace Wasmbed.Tests.Format;

/// <summary>The binary decoder section by section: what it produces and what it rejects.</summary>
public sealed class ModuleReaderTests
{
    private const byte I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, V128 = 0x7B, FuncRef = 0x70, ExternRef = 0x6F;
    private static readonly byte[] EmptyFunctionType = [0x60, 0x00, 0x00];
    private static readonly byte[] NoLocals = [0x00];

    private static ModuleDescription Read(ModuleBytes module) => ModuleReader.Read(module.ToArray());

    private static WasmFormatException Malformed(ModuleBytes module, string expected) => Malformed(module.ToArray(), expected);

    private static WasmFormatException Malformed(byte[] bytes, string expected)
    {
        var e = Assert.Throws<WasmFormatException>(() => ModuleReader.Read(bytes));
        Assert.Contains(expected, e.Reason);
        return e;
    }

    /// <summary>Type section with one () -> () type, function section with one function, and the given code section content.</summary>
    private static ModuleBytes OneFunction(params byte[] body) =>
        Module().Section(1, Vector(EmptyFunctionType)).Section(3, Vector([0x00])).Section(10, Vector(body));

    // ---- header ----

    [Fact]
    public void EmptyModuleDecodesToEmptyDescription()
    {
        var module = Read(Module());
        Assert.Empty(module.Types);
        Assert.Empty(module.Imports);
        Assert.Empty(module.Codes);
        Assert.Null(module.StartFunction);
        Assert.Null(module.DataCount);
        Assert.Null(module.Names);
    }

    [Theory]
    [InlineData(new byte[] { }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73 }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00 }, "unexpected end")]
    [InlineData(new byte[] { 0x00, 0x41, 0x53, 0x4D, 0x01, 0x00, 0x00, 0x00 }, "magic header not detected")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x02, 0x00, 0x00, 0x00 }, "unknown binary version")]
    [InlineData(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00, 0x0D, 0x00 }, "malformed section id")]
    public void RejectsBadHeadersAndSectionIds(byte[] bytes, string expected) => Malformed(bytes, expected);

    // ---- section framing ----

    [Fact]
    public void SectionsOutOfOrderOrRepeatedAreRejected()
    {
        Malformed(Module().Section(2, 0x00).Section(1, 0x00), "unexpected content after last section");
        Malformed(Module().Section(6, 0x00).Section(6, 0x00), "unexpected content after last section");
        Malformed(Module().Section(10, 0x00).Section(12, 0x00), "unexpected content after last section");
        // data count sits between element (9) and code (10), whatever its numeric id
        Read(Module().Section(9, 0x00).Section(12, 0x00).Section(10, 0x00).Section(11, 0x00));
    }

    [Fact]
    public void SectionSizeMustMatchContentExactly()
    {
        // type section declares 4 bytes but one type takes 3: a trailing byte remains
        Malformed(Module().Raw(0x01, 0x05, 0x01, 0x60, 0x00, 0x00, 0x00), "section size mismatch");
        // content runs past the declared size
        Malformed(Module().Raw(0x01, 0x03, 0x01, 0x60, 0x00, 0x00), "unexpected end");
        // declared size beyond the end of the module
        Malformed(Module().Raw(0x01, 0x10, 0x00), "length out of bounds");
    }

    [Fact]
    public void CustomSectionsMayAppearAnywhereAndAreRecorded()
    {
        var module = Read(Module()
            .CustomSection("first", 1, 2, 3)
            .Section(1, Vector(EmptyFunctionType))
            .CustomSection("between")
            .Section(3, Vector([0x00]))
            .Section(10, Vector(Body(NoLocals, 0x0B)))
            .CustomSection("last", 9));
        Assert.Equal(["first", "between", "last"], module.CustomSections.Select(c => c.Name));
        var first = module.CustomSections[0];
        Assert.Equal(new byte[] { 1, 2, 3 }, module.Bytes.Span.Slice(first.ContentOffset, first.ContentLength).ToArray());
        Assert.Equal(0, module.CustomSections[1].ContentLength);
    }

    [Fact]
    public void CustomSectionNameMustBeUtf8AndFitTheSection()
    {
        Malformed(Module().Section(0, 0x02, 0xC0, 0x80), "malformed UTF-8 encoding");   // over-long NUL
        Malformed(Module().Section(0, 0x03, 0xED, 0xA0, 0x80), "malformed UTF-8 encoding");   // surrogate
        Malformed(Module().Section(0, 0x05, 0x61), "unexpected end");
        Malformed(Module().Section(0), "unexpected end");
    }

    // ---- types ----

    [Fact]
    public void TypeSectionReadsParametersAndResults()
    {
        var module = Read(Module().Section(1, Vector(
            EmptyFunctionType,
            [0x60, 0x02, I32, I64, 0x01, F32],
            [0x60, 0x03, V128, FuncRef, ExternRef, 0x02, F64, I32])));
        Assert.Equal(3, module.Types.Count);
        Assert.Equal(FunctionType.Empty, module.Types[0]);
        Assert.Equal(new FunctionType([ValueType.I32, ValueType.I64], [ValueType.F32]), module.Types[1]);
        Assert.Equal(new FunctionType([ValueType.V128, ValueType.FuncRef, ValueType.ExternRef], [ValueType.F64, ValueType.I32]), module.Types[2]);
    }

    [Fact]
    public void TypeSectionRejectsBadFormsAndValueTypes()
    {
        Malformed(Module().Section(1, Vector([0x61, 0x00, 0x00])), "malformed function type");
        Malformed(Module().Section(1, Vector([0x60, 0x01, 0x40, 0x00])), "malformed value type");
        Malformed(Module().Section(1, Vector([0x60, 0x00, 0x01, 0x00])), "malformed value type");
    }

    // ---- imports ----

    [Fact]
    public void ImportsOfEveryKindFillTheirIndexSpaces()
    {
        var module = Read(Module()
            .Section(1, Vector(EmptyFunctionType))
            .Section(2, Vector(
                [.. Name("env"), .. Name("f"), 0x00, 0x00],
                [.. Name("env"), .. Name("t"), 0x01, ExternRef, 0x01, 0x02, 0x10],
                [.. Name("env"), .. Name("m"), 0x02, 0x00, 0x01],
                [.. Name("env"), .. Name("g"), 0x03, F64, 0x01])));
        Assert.Equal(4, module.Imports.Count);
        Assert.Equal(("env", "f", ExternalKind.Function), (module.Imports[0].ModuleName, module.Imports[0].Name, module.Imports[0].Kind));
        Assert.Equal(1, module.ImportedFunctionCount);
        Assert.Equal(new TableType(ValueType.ExternRef, new Limits(2, 16)), module.ImportedTables.Single());
        Assert.Equal(new MemoryType(new Limits(1, null)), module.ImportedMemories.Single());
        Assert.Equal(new GlobalType(ValueType.F64, true), module.ImportedGlobals.Single());
    }

    [Theory]
    [InlineData(0x04)]
    [InlineData(0x80)]
    public void ImportKindMustBeKnown(byte kind) =>
        Malformed(Module().Section(2, Vector([.. Name("a"), .. Name("b"), kind, 0x00])), "malformed import kind");

    [Fact]
    public void ImportNamesMustBeUtf8() =>
        Malformed(Module().Section(2, Vector([0x01, 0xFF, .. Name("b"), 0x00, 0x00])), "malformed UTF-8 encoding");

    [Fact]
    public void GlobalMutabilityMustBeZeroOrOne()
    {
        Malformed(Module().Section(2, Vector([.. Name("a"), .. Name("b"), 0x03, I32, 0x02])), "malformed mutability");
        Malformed(Module().Section(6, Vector([I32, 0xFF, 0x41, 0x00, 0x0B])), "malformed mutability");
    }

    // ---- tables and memories ----

    [Fact]
    public void TablesAndMemoriesReadTheirLimits()
    {
        var module = Read(Module()
            .Section(4, Vector([FuncRef, 0x00, 0x05], [ExternRef, 0x01, 0x00, .. U32(uint.MaxValue)]))
            .Section(5, Vector([0x00, 0x00], [0x01, 0x02, .. U32(65536)])));
        Assert.Equal(new TableType(ValueType.FuncRef, new Limits(5, null)), module.Tables[0]);
        Assert.Equal(new TableType(ValueType.ExternRef, new Limits(0, uint.MaxValue)), module.Tables[1]);
        Assert.Equal(new MemoryType(new Limits(0, null)), module.Memories[0]);
        // limits beyond 65536 pages or min > max are the validator's business, not the decoder's
        Assert.Equal(new MemoryType(new Limits(2, 65536)), module.Memories[1]);
    }

    [Fact]
    public void LimitsFlagsFollowTheSuite()
    {
        Malformed(Module().Section(5, Vector([0x02, 0x00])), "integer too large");
        Malformed(Module().Section(5, Vector([0x03, 0x00, 0x00])), "integer too large");   // shared memory is not 2.0
        Malformed(Module().Section(5, Vector([0x81, 0x00, 0x00])), "integer representation too long");
        Malformed(Module().Section(4, Vector([FuncRef, 0x02, 0x00])), "integer too large");
        Malformed(Module().Section(4, Vector([I32, 0x00, 0x00])), "malformed reference type");
    }

    // ---- globals, exports, start ----

    [Fact]
    public void GlobalInitializerIsTheByteRangeIncludingEnd()
    {
        var module = Read(Module().Section(6, Vector(
            [I32, 0x00, 0x41, 0x2A, 0x0B],
            [V128, 0x01, 0xFD, 0x0C, .. new byte[16], 0x0B])));
        var first = module.Globals[0];
        Assert.Equal(new GlobalType(ValueType.I32, false), first.Type);
        Assert.Equal(new byte[] { 0x41, 0x2A, 0x0B }, module.Bytes.Span.Slice(first.Initializer.Offset, first.Initializer.Length).ToArray());
        Assert.Equal(19, module.Globals[1].Initializer.Length);
    }

    [Fact]
    public void ConstantExpressionsAreNotValidatedButMustBeWellFormed()
    {
        // non-constant instructions and a nested block decode: "constant expression required" is the validator's
        var module = Read(Module().Section(6, Vector([I32, 0x00, 0x02, 0x40, 0x0B, 0x41, 0x00, 0x41, 0x00, 0x6A, 0x0B])));
        Assert.Equal(9, module.Globals[0].Initializer.Length);
        Malformed(Module().Section(6, Vector([I32, 0x00, 0x41, 0x00])), "unexpected end");
        Malformed(Module().Section(6, Vector([I32, 0x00, 0xFF, 0x0B])), "illegal opcode");
        Malformed(Module().Section(6, Vector([I32, 0x00, 0x41, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x0B])), "integer representation too long");
    }

    [Fact]
    public void ExportsAndStartAreRead()
    {
        var module = Read(Module()
            .Section(1, Vector(EmptyFunctionType))
            .Section(3, Vector([0x00]))
            .Section(7, Vector([.. Name("run"), 0x00, 0x00], [.. Name("mem"), 0x02, 0x00], [.. Name("π"), 0x03, 0x07], [.. Name(""), 0x01, 0x01]))
            .Section(8, 0x00)
            .Section(10, Vector(Body(NoLocals, 0x0B))));
        Assert.Equal(
            [new ExportDescription("run", ExternalKind.Function, 0), new ExportDescription("mem", ExternalKind.Memory, 0),
             new ExportDescription("π", ExternalKind.Global, 7), new ExportDescription("", ExternalKind.Table, 1)],
            module.Exports);
        Assert.Equal(0u, module.StartFunction);
        Malformed(Module().Section(7, Vector([.. Name("x"), 0x04, 0x00])), "malformed export kind");
    }

    // ---- code ----

    [Fact]
    public void FunctionBodiesKeepLocalsAndInstructionRange()
    {
        var module = Read(OneFunction(Body([0x02, 0x03, I32, 0x01, V128], 0x41, 0x01, 0x1A, 0x0B)));
        var body = module.Codes.Single();
        Assert.Equal([new LocalRun(3, ValueType.I32), new LocalRun(1, ValueType.V128)], body.Locals);
        Assert.Equal(4u, body.LocalCount);
        Assert.Equal(new byte[] { 0x41, 0x01, 0x1A, 0x0B }, module.Bytes.Span.Slice(body.CodeOffset, body.CodeLength).ToArray());
    }

    [Fact]
    public void FunctionBodyMustEndWithEndOpcodeWithinItsSize()
    {
        Malformed(OneFunction(Body(NoLocals, 0x41, 0x01, 0x1A)), "END opcode expected");
        Malformed(OneFunction(Body(NoLocals)), "END opcode expected");
        Malformed(OneFunction([0x05, 0x00, 0x0B]), "unexpected end");   // size beyond the section
    }

    [Fact]
    public void LocalCountsAreLimited()
    {
        Read(OneFunction(Body([0x01, .. U32(ModuleReader.MaxFunctionLocals), I32], 0x0B)));
        Malformed(OneFunction(Body([0x02, .. U32(ModuleReader.MaxFunctionLocals), I32, 0x01, I64], 0x0B)), "too many locals");
        // the suite's case: the sum overflows u32
        Malformed(OneFunction(Body([0x02, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, I32, 0x02, I64], 0x0B)), "too many locals");
        Malformed(OneFunction(Body([0x01, 0x80, 0x80, 0x80, 0x80, 0x10, I32], 0x0B)), "integer too large");
        Malformed(OneFunction(Body([0x01, 0x01, 0x40], 0x0B)), "malformed value type");
    }

    [Fact]
    public void FunctionAndCodeCountsMustAgree()
    {
        Malformed(Module().Section(1, Vector(EmptyFunctionType)).Section(3, Vector([0x00], [0x00])), "function and code section have inconsistent lengths");
        Malformed(Module().Section(10, Vector(Body(NoLocals, 0x0B))), "function and code section have inconsistent lengths");
        Read(Module().Section(3, Vector()).Section(10, Vector()));
    }

    // ---- element segments ----

    [Fact]
    public void ElementSegmentsOfEveryKind()
    {
        byte[] offset = [0x41, 0x00, 0x0B];
        byte[] refFunc = [0xD2, 0x00, 0x0B];
        byte[] refNull = [0xD0, ExternRef, 0x0B];
        var module = Read(Module()
            .Section(1, Vector(EmptyFunctionType))
            .Section(3, Vector([0x00]))
            .Section(4, Vector([FuncRef, 0x00, 0x01]))
            .Section(9, Vector(
                [0x00, .. offset, .. Vector([0x00])],
                [0x01, 0x00, .. Vector([0x00], [0x00])],
                [0x02, 0x00, .. offset, 0x00, .. Vector([0x00])],
                [0x03, 0x00, .. Vector([0x00])],
                [0x04, .. offset, .. Vector(refFunc)],
                [0x05, ExternRef, .. Vector(refNull, refNull)],
                [0x06, 0x00, .. offset, FuncRef, .. Vector(refFunc)],
                [0x07, FuncRef, .. Vector(refFunc)]))
            .Section(10, Vector(Body(NoLocals, 0x0B))));
        var e = module.Elements;
        Assert.Equal(
            [SegmentMode.Active, SegmentMode.Passive, SegmentMode.Active, SegmentMode.Declarative,
             SegmentMode.Active, SegmentMode.Passive, SegmentMode.Active, SegmentMode.Declarative],
            e.Select(s => s.Mode));
        Assert.All(e.Take(4), s => Assert.NotNull(s.FunctionIndices));
        Assert.All(e.Skip(4), s => Assert.NotNull(s.Expressions));
        Assert.Equal(ValueType.ExternRef, e[5].ElementType);
        Assert.Equal(2, e[5].Count);
        Assert.All(e.Where(s => s.Mode == SegmentMode.Active), s => Assert.Equal(3, s.Offset!.Value.Length));
        Assert.All(e.Where(s => s.Mode != SegmentMode.Active), s => Assert.Null(s.Offset));
        Assert.Equal(3, e[4].Expressions![0].Length);
    }

    [Fact]
    public void ElementSegmentEncodingsAreChecked()
    {
        Malformed(Module().Section(9, Vector([0x08, 0x00])), "malformed elements segment kind");
        Malformed(Module().Section(9, Vector([0x01, 0x01, 0x00])), "malformed element kind");
        Malformed(Module().Section(9, Vector([0x05, I32, 0x00])), "malformed reference type");
        Malformed(Module().Section(9, Vector([0x05, FuncRef, 0x01, 0xF3, 0x00, 0x0B])), "illegal opcode");
        Malformed(Module().Section(9, Vector([0x80, 0x80, 0x80, 0x80, 0x10, 0x41, 0x00, 0x0B, 0x00])), "integer too large");
    }

    // ---- data ----

    [Fact]
    public void DataSegmentsOfEveryKindPointIntoTheBytes()
    {
        var module = Read(Module()
            .Section(5, Vector([0x00, 0x01]))
            .Section(12, 0x03)
            .Section(11, Vector(
                [0x00, 0x41, 0x08, 0x0B, .. Vector([0x61], [0x62])],
                [0x01, 0x00],
                [0x02, 0x00, 0x41, 0x00, 0x0B, 0x01, 0x7A])));
        Assert.Equal(3u, module.DataCount);
        var d = module.Data;
        Assert.Equal([SegmentMode.Active, SegmentMode.Passive, SegmentMode.Active], d.Select(s => s.Mode));
        Assert.Equal("ab", System.Text.Encoding.ASCII.GetString(module.Bytes.Span.Slice(d[0].DataOffset, d[0].DataLength)));
        Assert.Equal(0, d[1].DataLength);
        Assert.Null(d[1].Offset);
        Assert.Equal("z", System.Text.Encoding.ASCII.GetString(module.Bytes.Span.Slice(d[2].DataOffset, d[2].DataLength)));
    }

    [Fact]
    public void DataSegmentEncodingsAndCountAreChecked()
    {
        Malformed(Module().Section(11, Vector([0x03, 0x00])), "malformed data segment kind");
        Malformed(Module().Section(11, Vector([0x01, 0x05, 0x61])), "unexpected end");
        Malformed(Module().Section(12, 0x02).Section(11, Vector([0x01, 0x00])), "data count and data section have inconsistent lengths");
        Malformed(Module().Section(12, 0x01), "data count and data section have inconsistent lengths");
        Read(Module().Section(12, 0x00));
    }

    // ---- LEB128 edge cases ----

    [Fact]
    public void Leb128UsesAllFiveBytesButNoMore()
    {
        // minimum 0 written in 5 bytes, maximum 2^32-1 in 5 bytes: both fine
        var module = Read(Module().Section(5, Vector([0x01, 0x80, 0x80, 0x80, 0x80, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F])));
        Assert.Equal(new Limits(0, uint.MaxValue), module.Memories[0].Limits);
        Malformed(Module().Section(5, Vector([0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00])), "integer representation too long");
        Malformed(Module().Section(5, Vector([0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0x1F])), "integer too large");
        // an over-long section size
        Malformed(Module().Raw(0x01, 0x81, 0x80, 0x80, 0x80, 0x80, 0x00, 0x00), "integer representation too long");
        // signed: i32.const with unused bits not a sign extension, i64.const -1 in 10 bytes
        Malformed(Module().Section(6, Vector([I32, 0x00, 0x41, 0xFF, 0xFF, 0xFF, 0xFF, 0x4F, 0x0B])), "integer too large");
        Read(Module().Section(6, Vector([I64, 0x00, 0x42, .. Enumerable.Repeat((byte)0xFF, 9), 0x7F, 0x0B])));
    }

    // ---- hostile counts ----

    [Fact]
    public void HostileCountsFailFastWithoutAllocating()
    {
        byte[] maxCount = U32(uint.MaxValue);
        byte[][] hostile =
        [
            Module().Section(1, [.. maxCount, 0x60, 0x00, 0x00]).ToArray(),
            Module().Section(1, [0x01, 0x60, .. maxCount, I32]).ToArray(),
            Module().Section(3, [.. maxCount, 0x00]).ToArray(),
            Module().Section(2, [.. maxCount]).ToArray(),
            Module().Section(9, [0x01, 0x01, 0x00, .. maxCount, 0x00]).ToArray(),
            Module().Section(9, [0x01, 0x05, FuncRef, .. maxCount, 0x0B]).ToArray(),
            Module().Section(11, [0x01, 0x01, .. maxCount, 0x00]).ToArray(),
            OneFunction([0x07, .. maxCount, I32, 0x0B]).ToArray(),
            OneFunction([.. maxCount]).ToArray(),
            Module().Section(10, [.. maxCount, 0x02, 0x00, 0x0B]).ToArray(),
        ];
        foreach (var bytes in hostile)
        {
            ModuleReader.Read(new byte[] { 0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00 });   // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            Assert.Throws<WasmFormatException>(() => ModuleReader.Read(bytes));
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes for {Convert.ToHexString(bytes)}");
        }
    }

    [Fact]
    public void ErrorsCarryTheByteOffset()
    {
        var e = Malformed(Module().Section(2, Vector([.. Name("a"), .. Name("b"), 0x07])), "malformed import kind");
        Assert.Equal(8 + 2 + 1 + 2 + 2, e.Offset);   // header, section id+size, count, two names
        Assert.Contains("0xf", e.Message);
    }
}
