namespace Wasmbed;

/// <summary>The root of every error Wasmbed reports about a module or its execution.</summary>
public abstract class WasmException : Exception
{
    protected WasmException(string message, Exception? inner = null) : base(message, inner) { }
}

/// <summary>The bytes are not a well-formed WebAssembly binary (or the text is not well-formed WAT).</summary>
public sealed class WasmFormatException : WasmException
{
    public WasmFormatException(string message, long offset)
        : base($"{message} (at byte offset 0x{offset:x})")
    {
        Offset = offset;
        Reason = message;
    }

    /// <summary>Byte offset in the module binary where the problem was found.</summary>
    public long Offset { get; }

    /// <summary>The message without the location.</summary>
    public string Reason { get; }
}

/// <summary>The module is well-formed but fails validation (spec section 3).</summary>
public sealed class WasmValidationException : WasmException
{
    public WasmValidationException(string message, int functionIndex = -1, long instructionOffset = -1)
        : base(Describe(message, functionIndex, instructionOffset))
    {
        Reason = message;
        FunctionIndex = functionIndex;
        InstructionOffset = instructionOffset;
    }

    /// <summary>The message without the location.</summary>
    public string Reason { get; }

    /// <summary>Index of the offending function in the function index space, or -1 when not in a function body.</summary>
    public int FunctionIndex { get; }

    /// <summary>Byte offset of the offending instruction in the module binary, or -1.</summary>
    public long InstructionOffset { get; }

    private static string Describe(string message, int functionIndex, long offset)
    {
        if (functionIndex < 0 && offset < 0) return message;
        if (functionIndex < 0) return $"{message} (at byte offset 0x{offset:x})";
        return offset < 0
            ? $"{message} (in function {functionIndex})"
            : $"{message} (in function {functionIndex}, at byte offset 0x{offset:x})";
    }
}

/// <summary>Instantiation could not resolve or type-match an import.</summary>
public sealed class WasmLinkException : WasmException
{
    public WasmLinkException(string message) : base(message) { }
}

/// <summary>Execution trapped (spec 4.4.1). Carries the code and the WebAssembly backtrace.</summary>
public sealed class TrapException : WasmException
{
    public TrapException(TrapCode code, Exception? inner = null)
        : base(inner is null ? code.ToMessage() : $"{code.ToMessage()}: {inner.Message}", inner)
    {
        Code = code;
    }

    public TrapCode Code { get; }

    /// <summary>Innermost frame first: function index and name (from the name section where present).</summary>
    public IReadOnlyList<TraceFrame> WasmBacktrace { get; internal set; } = [];

    public override string ToString()
    {
        if (WasmBacktrace.Count == 0) return $"wasm trap: {Message}";
        var lines = WasmBacktrace.Select((f, i) => $"  {i}: {f}");
        return $"wasm trap: {Message}\nwasm backtrace:\n{string.Join("\n", lines)}";
    }
}

/// <summary>One frame of a WebAssembly backtrace.</summary>
public readonly record struct TraceFrame(string? ModuleName, int FunctionIndex, string? FunctionName)
{
    public override string ToString()
    {
        var name = FunctionName ?? $"<wasm function {FunctionIndex}>";
        return ModuleName is null ? name : $"{ModuleName}!{name}";
    }
}

internal static class Throw
{
    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Trap(TrapCode code) => throw new TrapException(code);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Format(string message, long offset) => throw new WasmFormatException(message, offset);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void Validation(string message, int functionIndex = -1, long offset = -1) =>
        throw new WasmValidationException(message, functionIndex, offset);
}
