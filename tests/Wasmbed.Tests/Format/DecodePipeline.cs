using Wasmbed.Format;
using Wasmbed.Validation;

namespace Wasmbed.Tests.Format;

/// <summary>Decode, validate and translate every function, the way an eager engine loads a module; shared by the spec-binary and robustness tests.</summary>
internal static class DecodePipeline
{
    private static readonly Engine EagerEngine = new(new EngineOptions { Translation = TranslationMode.Eager });

    /// <summary>Throws <see cref="WasmFormatException"/> or <see cref="WasmValidationException"/> for bad input, nothing else.</summary>
    public static ModuleDescription DecodeAndValidate(byte[] bytes)
    {
        var module = ModuleReader.Read(bytes);
        ModuleValidator.Validate(module);
        // The interpreter's translator only sees validated code; translating every accepted input checks it never fails on one.
        using var loaded = Module.FromBytes(EagerEngine, bytes);
        return module;
    }
}
