using System.CommandLine;
using Wasmbed.Compiler;

namespace Wasmbed.Cli.Commands;

/// <summary>
/// <c>wasmbed compile FILE [-o OUT] [--fuel] [--interruptible] [--ready-to-run [--crossgen2 PATH]]</c>: validates a module,
/// compiles it to IL and saves it as an ahead-of-time artifact (a .NET assembly carrying the module), which
/// <c>wasmbed run OUT</c> runs without translating anything (docs/compiler.md, "Ahead-of-time artifacts").
/// </summary>
internal static class CompileCommand
{
    public const string ArtifactExtension = ".wasmbed.dll";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "module (.wasm or .wat)" };
        var output = new Option<string?>("--output", "-o") { Description = $"the artifact to write (default: FILE with the extension {ArtifactExtension})" };
        var fuel = new Option<bool>("--fuel") { Description = "compile with fuel metering, for runs with --fuel" };
        var interruptible = new Option<bool>("--interruptible") { Description = "compile with interruption checks, for runs with --timeout" };
        var readyToRun = new Option<bool>("--ready-to-run") { Description = "also precompile the assembly to native code with crossgen2 (ReadyToRun), so that loading it skips most JIT compilation" };
        var crossgen2 = new Option<string?>("--crossgen2") { Description = "the crossgen2 executable for --ready-to-run (default: found in the NuGet package folders)" };
        var command = new Command("compile", "Compile a module ahead of time into an artifact that `wasmbed run` loads without translating") { file, output, fuel, interruptible, readyToRun, crossgen2 };
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var target = result.GetValue(output) ?? DefaultOutput(path);
            var crossgen2Path = result.GetValue(crossgen2);
            bool precompile = result.GetValue(readyToRun);
            if (crossgen2Path is not null && !precompile) throw new CommandException("--crossgen2 is for --ready-to-run");
            if (crossgen2Path is not null && !File.Exists(crossgen2Path)) throw new CommandException($"--crossgen2 {crossgen2Path}: no such file");
            if (Path.GetFullPath(target) == Path.GetFullPath(path)) throw new CommandException($"-o {target}: would overwrite the module itself");

            using var engine = new Engine(CommonOptions.EngineOptions(ExecutionTier.Compiler, result.GetValue(fuel), result.GetValue(interruptible)));
            using var module = ModuleSource.Load(engine, path);
            try
            {
                IlCompiler.SaveArtifact(module, target, precompile, crossgen2Path);
            }
            catch (InvalidOperationException exception) when (precompile)
            {
                Console.Error.WriteLine($"error: --ready-to-run: {exception.Message}");
                return 1;
            }
            Console.WriteLine($"{path} -> {target} ({new FileInfo(target).Length:N0} bytes{(precompile ? ", ReadyToRun" : "")})");
            return 0;
        });
        return command;
    }

    /// <summary>app.wasm → app.wasmbed.dll, next to it.</summary>
    private static string DefaultOutput(string path) => Path.ChangeExtension(path, null) + ArtifactExtension;
}
