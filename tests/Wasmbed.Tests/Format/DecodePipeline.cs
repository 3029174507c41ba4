using Wasmbed.Format;

namespace Wasmbed.Tests.Format;

/// <summary>Decode then validate, the way the engine will load a module; shared by the spec-binary and robustness tests.</summary>
internal static class DecodePipeline
{
    public static ModuleDescription DecodeAndValidate(byte[] bytes)
    {
        var module = ModuleReader.Read(bytes);
        Validate(module);
        return module;
    }

    /// <summary>
    /// VALIDATION HOOK. Until <c>Wasmbed.Validation.ModuleValidator</c> lands on main this runs
    /// <see cref="BodyFormatCheck"/>, the part of body decoding the decoder leaves to the validator.
    /// Replace it with <c>ModuleValidator.Validate(module)</c> then (which throws
    /// <see cref="WasmValidationException"/> or, for malformed bodies, <see cref="WasmFormatException"/>).
    /// </summary>
    public static void Validate(ModuleDescription module) => BodyFormatCheck.Run(module);
}

/// <summary>
/// Decodes every function body with <see cref="InstructionReader"/> and checks its framing: the
/// function's final <c>end</c> is its last byte, and <c>memory.init</c>/<c>data.drop</c> have a data
/// count section. A stand-in for the validator's decoding pass, used only by tests.
/// </summary>
internal static class BodyFormatCheck
{
    public static void Run(ModuleDescription module)
    {
        var bytes = module.Bytes.Span;
        foreach (var body in module.Codes)
        {
            int end = body.CodeOffset + body.CodeLength;
            var reader = new InstructionReader(bytes, body.CodeOffset, end);
            int depth = 0;
            while (true)
            {
                var instruction = reader.Read();
                if (instruction.Opcode is Opcode.Block or Opcode.Loop or Opcode.If) depth++;
                else if (instruction.Opcode is Opcode.MemoryInit or Opcode.DataDrop && module.DataCount is null)
                    throw new WasmFormatException("data count section required", instruction.Offset);
                else if (instruction.Opcode == Opcode.End && depth-- == 0)
                {
                    if (!reader.AtEnd) throw new WasmFormatException("END opcode expected", reader.Position);
                    break;
                }
            }
        }
    }
}
