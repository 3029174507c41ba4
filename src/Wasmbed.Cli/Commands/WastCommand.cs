using System.CommandLine;
using Wasmbed.Cli.Wast;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed wast FILE…</c>: runs spec-test scripts and ends with <c>wast: N passed, N failed, N skipped</c>.</summary>
internal static class WastCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = ".wast scripts to run", Arity = ArgumentArity.OneOrMore };
        var skipList = new Option<string?>("--skip-list") { Description = "skip list file (default: tests/spec-skips.txt found above the tool)" };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "print a line per file" };
        var tier = CommonOptions.Tier();
        var command = new Command("wast", "Run WebAssembly spec-test scripts") { files, skipList, verbose, tier };
        command.SetAction(result =>
        {
            var runner = new WastRunner(CommonOptions.EngineOptions(result, tier), result.GetValue(skipList));
            int passed = 0, failed = 0, skipped = 0;
            foreach (var file in result.GetValue(files)!)
            {
                var outcome = runner.RunFile(file);
                foreach (var line in outcome.Failures) Console.WriteLine(line);
                foreach (var line in outcome.Skips) Console.WriteLine(line);
                if (result.GetValue(verbose))
                    Console.WriteLine($"{file}: {outcome.Passed} passed, {outcome.Failed} failed, {outcome.Skipped} skipped");
                passed += outcome.Passed;
                failed += outcome.Failed;
                skipped += outcome.Skipped;
            }
            Console.WriteLine($"wast: {passed} passed, {failed} failed, {skipped} skipped");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
