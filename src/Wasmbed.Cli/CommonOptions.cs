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
        new() { Tier = result.GetValue(tier), ConsumeFuel = consumeFuel, Interruptible = interruptible };
}
