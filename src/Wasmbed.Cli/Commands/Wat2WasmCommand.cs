using System.CommandLine;
using Wasmbed.Text;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed wat2wasm IN.wat -o OUT.wasm</c>: encodes WebAssembly text as a binary module.</summary>
internal static class Wat2WasmCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("input") { Description = "WebAssembly text (.wat)" };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: input with .wasm)" };
        var command = new Command("wat2wasm", "Convert WebAssembly text to binary") { input, output };
        command.SetAction(result =>
        {
            var path = result.GetValue(input)!;
            var bytes = Wat.ToBinary(File.ReadAllText(path));
            var target = result.GetValue(output) ?? Path.ChangeExtension(path, ".wasm");
            File.WriteAllBytes(target, bytes);
            return 0;
        });
        return command;
    }
}
