using Wasmbed.Format;
using static Wasmbed.Tests.Format.ModuleBytes;

namespace Wasmbed.Tests.Format;

/// <summary>The <c>name</c> custom section (spec 7.4): well-formed parts are kept, damage never makes the module malformed.</summary>
public sealed class NameSectionReaderTests
{
    private static byte[] Subsection(byte id, byte[] content) => [id, .. U32(content.Length), .. content];

    private static byte[] NameAssociation(uint index, string name) => [.. U32(index), .. Name(name)];

    private static readonly byte[] ModuleName = Subsection(0, Name("demo"));
    private static readonly byte[] FunctionNames = Subsection(1, Vector(NameAssociation(0, "main"), NameAssociation(3, "helper")));
    private static readonly byte[] LocalNames = Subsection(2, Vector(
        [0x00, .. Vector(NameAssociation(0, "x"), NameAssociation(1, "y"))],
        [0x03, .. Vector(NameAssociation(2, "tmp"))]));

    private static ModuleDescription ReadWithNameSection(params byte[] payload) =>
        ModuleReader.Read(ModuleBytes.Module().CustomSection("name", payload).ToArray());

    [Fact]
    public void ReadsModuleFunctionAndLocalNames()
    {
        var module = ReadWithNameSection([.. ModuleName, .. FunctionNames, .. LocalNames]);
        var names = Assert.IsType<NameSection>(module.Names);
        Assert.Equal("demo", names.ModuleName);
        Assert.Equal("main", module.GetFunctionName(0));
        Assert.Equal("helper", module.GetFunctionName(3));
        Assert.Null(module.GetFunctionName(1));
        Assert.Equal("y", names.LocalNames[0][1]);
        Assert.Equal("tmp", names.LocalNames[3][2]);
    }

    [Fact]
    public void SkipsUnknownSubsections()
    {
        var module = ReadWithNameSection([.. ModuleName, .. Subsection(7, [1, 2, 3]), .. Subsection(9, [])]);
        Assert.Equal("demo", module.Names!.ModuleName);
    }

    [Fact]
    public void DamagedSubsectionIsDroppedAndEarlierOnesKept()
    {
        // function-name map claims two entries but holds one
        byte[] truncated = Subsection(1, [0x02, .. NameAssociation(0, "main")]);
        var module = ReadWithNameSection([.. ModuleName, .. truncated, .. LocalNames]);
        Assert.Equal("demo", module.Names!.ModuleName);
        Assert.Empty(module.Names.FunctionNames);
        Assert.Empty(module.Names.LocalNames);
    }

    [Theory]
    [InlineData(new byte[] { 0x00, 0x05, 0x02, 0xC0, 0x80 })]          // module name with invalid UTF-8 (and trailing bytes)
    [InlineData(new byte[] { 0x00, 0x7F })]                            // subsection size past the end
    [InlineData(new byte[] { 0x01, 0x05, 0x02, 0x01, 0x00, 0x00, 0x00 })] // indices out of order (1 then 0)
    [InlineData(new byte[] { 0x01, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0x0F, 0x00 })] // hostile count
    [InlineData(new byte[] { 0x00, 0x02, 0x00, 0x00 })]                // bytes left over in the subsection
    [InlineData(new byte[] { 0x80 })]                                  // truncated subsection header
    public void MalformedNameSectionLeavesModuleWellFormed(byte[] payload)
    {
        var module = ReadWithNameSection(payload);
        Assert.Null(module.Names);
        Assert.Single(module.CustomSections);
    }

    [Fact]
    public void RepeatedOrOutOfOrderSubsectionsStopReading()
    {
        var module = ReadWithNameSection([.. FunctionNames, .. ModuleName]);
        Assert.Null(module.Names!.ModuleName);
        Assert.Equal("main", module.GetFunctionName(0));
    }

    [Fact]
    public void OnlyTheFirstNameSectionCounts()
    {
        var bytes = ModuleBytes.Module()
            .CustomSection("name", ModuleName)
            .CustomSection("name", Subsection(0, Name("other")))
            .ToArray();
        Assert.Equal("demo", ModuleReader.Read(bytes).Names!.ModuleName);
    }
}
