namespace Wasmbed.Interpreter;

/// <summary>
/// A function body translated for the interpreter. Shared by every instance of its module (it refers to
/// functions, globals and tables by index, never to store objects), cached in <see cref="Module.Translations"/>.
/// </summary>
/// <remarks>
/// Frame layout, in 8-byte slots from the frame start: parameters, declared locals (zeroed on entry), then
/// the operand stack's temporaries. Results are left in slots 0.. on return. v128 values take two slots.
/// </remarks>
internal sealed class TranslatedFunction
{
    public TranslatedFunction(uint functionIndex, int[] code, int parameterSlots, int localSlots, int frameSlots, int resultSlots)
    {
        FunctionIndex = functionIndex;
        Code = code;
        ParameterSlots = parameterSlots;
        LocalSlots = localSlots;
        FrameSlots = frameSlots;
        ResultSlots = resultSlots;
    }

    /// <summary>Index in the module's function index space, for backtraces.</summary>
    public uint FunctionIndex { get; }

    /// <summary>The instruction stream: an <see cref="Op"/> followed by its operands (see <see cref="OpTable"/>).</summary>
    public int[] Code { get; }

    public int ParameterSlots { get; }

    /// <summary>Parameters plus declared locals.</summary>
    public int LocalSlots { get; }

    /// <summary>The most slots the frame ever uses: locals plus the highest operand stack.</summary>
    public int FrameSlots { get; }

    public int ResultSlots { get; }
}
