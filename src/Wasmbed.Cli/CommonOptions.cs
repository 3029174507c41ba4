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

    /// <param name="oneModuleProcess">
    /// The process runs one module and exits (<c>run</c>): its compiled code need not be collectible, which makes calls
    /// direct and lets the runtime tier large functions (<see cref="Wasmbed.Compiler.IlCompiler.Collectible"/>), and
    /// its functions are JIT-compiled ahead of their first calls on a second thread
    /// (<see cref="Wasmbed.Compiler.IlCompiler.PrepareInBackground"/>).
    /// </param>
    public static EngineOptions EngineOptions(ExecutionTier tier, bool consumeFuel, bool interruptible, bool oneModuleProcess = false) =>
        new()
        {
            Tier = tier,
            // The compiler and tiered modes compile to IL through Wasmbed.Compiler; the interpreter needs nothing more.
            Compiler = tier == ExecutionTier.Interpreter ? null : new Wasmbed.Compiler.IlCompiler { Collectible = !oneModuleProcess, PrepareInBackground = oneModuleProcess },
            ConsumeFuel = consumeFuel,
            Interruptible = interruptible,
        };
}
