using System.Diagnostics;
using Wasmbed.Format;
using Wasmbed.Tests.Text;
using Wasmbed.Text;
using Wasmbed.Validation;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Validation;

/// <summary>
/// The validation side of the official 2.0 test suite, per script: every module the script expects to be
/// valid (defined, unlinkable, uninstantiable, trapping) decodes and validates; every assert_invalid module
/// fails validation with the reference interpreter's message; every binary assert_malformed module fails
/// to decode or is rejected as malformed by the validator (data count rules).
/// </summary>
public sealed class SpecSuiteValidationTests(ITestOutputHelper output)
{
    public static TheoryData<string> SuiteFiles()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(SuiteDirectory.Path, "*.wast").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(SuiteFiles))]
    public void ModulesValidateAsTheScriptExpects(string file)
    {
        var stopwatch = Stopwatch.StartNew();
        var script = WastScript.Parse(File.ReadAllText(Path.Combine(SuiteDirectory.Path, file)), file);
        int valid = 0, invalid = 0, malformed = 0;
        var problems = new List<string>();
        foreach (var command in script.Commands)
        {
            var (module, kind, message) = command switch
            {
                WastModuleCommand m => (m.Module, (WastModuleAssertionKind?)null, ""),
                WastAssertTrap { Module: { } m } => (m, null, ""),
                WastAssertModule a => (a.Module, a.Kind, a.Message),
                _ => (null, null, ""),
            };
            if (module is null) continue;
            bool expectInvalid = kind == WastModuleAssertionKind.Invalid;
            bool expectMalformed = kind == WastModuleAssertionKind.Malformed;
            // Malformed text is the text parser's business (see SpecSuiteTextTests).
            if (expectMalformed && module.Format != WastModuleFormat.Binary) continue;

            string outcome;
            string detail = "";
            try
            {
                ModuleValidator.Validate(ModuleReader.Read(module.Encode()));
                outcome = "valid";
            }
            catch (WasmFormatException error)
            {
                outcome = "malformed";
                detail = error.Message;
            }
            catch (WasmValidationException error)
            {
                outcome = "invalid";
                detail = error.Message;
                if (expectInvalid && !error.Reason.Contains(message, StringComparison.Ordinal))
                    problems.Add($"line {command.Line}: expected \"{message}\", got \"{error.Message}\"");
            }

            string expected = expectInvalid ? "invalid" : expectMalformed ? "malformed" : "valid";
            if (outcome != expected)
                problems.Add($"line {command.Line}: expected {expected}{(message.Length > 0 ? $" (\"{message}\")" : "")}, got {outcome} {detail}");
            else if (expectInvalid) invalid++;
            else if (expectMalformed) malformed++;
            else valid++;
        }
        output.WriteLine($"{file}: {valid} valid, {invalid} invalid, {malformed} malformed as expected; {problems.Count} problems; {stopwatch.ElapsedMilliseconds} ms");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
