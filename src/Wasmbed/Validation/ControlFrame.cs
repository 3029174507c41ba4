using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// One entry of the control stack (spec appendix "Validation Algorithm": <c>ctrl_frame</c>): the
/// instruction that opened it, its signature, the operand stack height at its start, and whether the
/// rest of it is unreachable (the operand stack is then polymorphic below what it pushed since).
/// </summary>
internal struct ControlFrame
{
    public Opcode Opcode;
    public BlockSignature Signature;
    public int Height;
    public bool Unreachable;

    /// <summary>The types a branch to this frame's label carries: a loop's parameters, otherwise its results (spec 3.3.5).</summary>
    public readonly IReadOnlyList<ValueType> LabelTypes =>
        Opcode == Opcode.Loop ? Signature.Parameters : Signature.Results;
}
