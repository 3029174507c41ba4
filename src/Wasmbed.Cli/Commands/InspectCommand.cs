using System.CommandLine;
using Wasmbed.Format;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed inspect FILE</c>: prints sections, imports and exports with their types.</summary>
internal static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "module (.wasm or .wat)" };
        var command = new Command("inspect", "Show a module's sections, imports and exports") { file };
        command.SetAction(result =>
        {
            var bytes = ModuleSource.ReadBytes(result.GetValue(file)!);
            var module = ModuleReader.Read(bytes);
            Print(module, bytes.Length, Console.Out);
            using var engine = new Engine();
            using var loaded = Module.FromBytes(engine, bytes);   // validates
            Console.WriteLine("valid: yes");
            return 0;
        });
        return command;
    }

    internal static void Print(ModuleDescription module, int size, TextWriter output)
    {
        output.WriteLine($"module {module.Names?.ModuleName ?? "(unnamed)"}: {size} bytes");
        output.WriteLine($"  types: {module.Types.Count}, functions: {module.TotalFunctionCount} ({module.ImportedFunctionCount} imported), " +
            $"tables: {module.TotalTableCount}, memories: {module.TotalMemoryCount}, globals: {module.TotalGlobalCount}, " +
            $"elem segments: {module.Elements.Count}, data segments: {module.Data.Count}");
        if (module.StartFunction is { } start) output.WriteLine($"  start: function {start}{NameOf(module, start)}");
        foreach (var custom in module.CustomSections)
            output.WriteLine($"  custom section \"{custom.Name}\": {custom.ContentLength} bytes");

        output.WriteLine($"imports ({module.Imports.Count}):");
        foreach (var import in module.Imports)
        {
            var type = import.Kind switch
            {
                ExternalKind.Function => $"func {module.Types[(int)import.TypeIndex]}",
                ExternalKind.Table => import.Table!.ToString(),
                ExternalKind.Memory => import.Memory!.ToString(),
                _ => $"global {import.Global}",
            };
            output.WriteLine($"  {import.ModuleName}.{import.Name}: {type}");
        }

        output.WriteLine($"exports ({module.Exports.Count}):");
        foreach (var export in module.Exports)
        {
            var type = export.Kind switch
            {
                ExternalKind.Function => $"func {export.Index}{NameOf(module, export.Index)} {module.GetFunctionType(export.Index)}",
                ExternalKind.Table => $"{module.GetTableType(export.Index)}",
                ExternalKind.Memory => $"{module.GetMemoryType(export.Index)}",
                _ => $"global {module.GetGlobalType(export.Index)}",
            };
            output.WriteLine($"  \"{export.Name}\": {type}");
        }
    }

    private static string NameOf(ModuleDescription module, uint function) =>
        module.GetFunctionName(function) is { } name ? $" (${name})" : "";
}
