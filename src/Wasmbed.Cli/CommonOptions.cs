using System.CommandLine;

namespace Wasmbed.Cli;

/// <summary>Options shared by several commands.</summary>
internal static class CommonOptions
{
    public static Option<ExecutionTier> Tier() => new("--tier")
    {
        Description = "execution tier",
        DefaultValueFactory = _ => ExecutionTier.Interpreter,
    };

    public static EngineOptions EngineOptions(ParseResult result, Option<ExecutionTier> tier, bool consumeFuel = false, bool interruptible = false) =>
        EngineOptions(result.GetValue(tier), consumeFuel, interruptible);

    public static EngineOptions EngineOptions(ExecutionTier tier, bool consumeFuel, bool interruptible) =>
        new()
        {
            Tier = tier,
            // The compiler and tiered modes compile to IL through Wasmbed.Compiler; the interpreter needs nothing more.
            Compiler = tier == ExecutionTier.Interpreter ? null : new Wasmbed.Compiler.IlCompiler(),
            ConsumeFuel = consumeFuel,
            Interruptible = interruptible,
        };
}
