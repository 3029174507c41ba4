using Wasmbed.Format;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Format;

/// <summary>
/// Every <c>(module binary ...)</c> of the spec scripts that exercise the binary format: malformed ones
/// must fail with <see cref="WasmFormatException"/>, all others must decode.
/// </summary>
public sealed class SpecBinaryModuleTests(ITestOutputHelper output)
{
    public static TheoryData<string> Files =>
    [
        "binary.wast", "binary-leb128.wast", "custom.wast", "utf8-custom-section-id.wast",
        "utf8-import-field.wast", "utf8-import-module.wast",
        "align.wast", "data.wast", "global.wast", "simd_const.wast", "float_literals.wast",
    ];

    [Theory]
    [MemberData(nameof(Files))]
    public void BinaryModulesDecodeOrFailAsExpected(string file)
    {
        var modules = WastBinaryModules.Load(file);
        Assert.NotEmpty(modules);
        var failures = new List<string>();
        var otherWording = new List<string>();
        foreach (var module in modules)
        {
            string? problem = Check(module, otherWording);
            if (problem is not null) failures.Add($"{module}: {problem}");
        }
        output.WriteLine($"{file}: {modules.Count - failures.Count}/{modules.Count} binary modules as expected");
        // The runner checks only the kind of failure; wording differences are listed for review.
        foreach (var line in otherWording) output.WriteLine($"  wording: {line}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Check(WastBinaryModule module, List<string> otherWording)
    {
        try
        {
            DecodePipeline.DecodeAndValidate(module.Bytes);
            return module.Expectation == BinaryModuleExpectation.Malformed
                ? $"decoded, but expected malformed \"{module.ExpectedMessage}\"" : null;
        }
        catch (WasmFormatException e)
        {
            if (module.ExpectedMessage is { } expected && !e.Reason.Contains(expected, StringComparison.Ordinal))
                otherWording.Add($"{module}: expected \"{expected}\", got \"{e.Reason}\"");
            return module.Expectation == BinaryModuleExpectation.Malformed ? null : $"unexpected format error: {e.Message}";
        }
        catch (WasmValidationException e)
        {
            return module.Expectation == BinaryModuleExpectation.Invalid ? null : $"unexpected validation error: {e.Message}";
        }
    }
}
