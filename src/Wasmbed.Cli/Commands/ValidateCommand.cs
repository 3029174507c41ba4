using System.CommandLine;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed validate FILE</c>: decodes and validates a module; exit 0 when valid.</summary>
internal static class ValidateCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "module (.wasm or .wat)" };
        var command = new Command("validate", "Decode and validate a module") { file };
        command.SetAction(result =>
        {
            using var engine = new Engine();
            using var module = ModuleSource.Load(engine, result.GetValue(file)!);
            Console.WriteLine($"{result.GetValue(file)}: valid");
            return 0;
        });
        return command;
    }
}
