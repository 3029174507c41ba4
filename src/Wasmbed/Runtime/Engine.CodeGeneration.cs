namespace Wasmbed;

public sealed partial class Engine
{
    /// <summary>The code generator every host → WebAssembly call goes through, or null when the interpreter runs everything.</summary>
    internal CodeGenerator? CodeGenerator => Options.Tier == ExecutionTier.Interpreter ? null : Options.Compiler;

    private static void CheckTier(EngineOptions options)
    {
        if (options.Tier != ExecutionTier.Interpreter && options.Compiler is null)
            throw new ArgumentException(
                $"ExecutionTier.{options.Tier} needs EngineOptions.Compiler (e.g. new Wasmbed.Compiler.IlCompiler() from the Wasmbed.Compiler package)",
                nameof(options));
    }
}
