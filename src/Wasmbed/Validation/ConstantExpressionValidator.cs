using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// Validates constant expressions: global initializers, and element and data segment offsets and
/// element items (spec 3.3.10). Only <c>t.const</c>, <c>v128.const</c>, <c>ref.null</c>, <c>ref.func</c>
/// and <c>global.get</c> of an imported immutable global are constant in WebAssembly 2.0 (global.wast
/// and data.wast: a defined global is an "unknown global" there, a mutable one is not constant).
/// </summary>
internal static class ConstantExpressionValidator
{
    /// <summary>
    /// Checks that <paramref name="expression"/> is constant and leaves exactly one value of type
    /// <paramref name="expected"/>. Functions it references are marked in <paramref name="declaredFunctions"/>
    /// (spec C.refs: a reference outside function bodies declares the function for <c>ref.func</c>).
    /// </summary>
    public static void Validate(ModuleDescription module, ConstantExpression expression, ValueType expected, bool[] declaredFunctions)
    {
        var reader = new InstructionReader(module.Bytes.Span, expression.Offset, expression.Offset + expression.Length);
        // The stack never matters below its top value: a valid expression leaves exactly one.
        int depth = 0;
        ValueType top = default;
        while (true)
        {
            if (reader.AtEnd) Throw.Format("END opcode expected", reader.Position);
            var instruction = reader.Read();
            ValueType pushed;
            switch (instruction.Opcode)
            {
                case Opcode.I32Const: pushed = ValueType.I32; break;
                case Opcode.I64Const: pushed = ValueType.I64; break;
                case Opcode.F32Const: pushed = ValueType.F32; break;
                case Opcode.F64Const: pushed = ValueType.F64; break;
                case Opcode.V128Const: pushed = ValueType.V128; break;
                case Opcode.RefNull: pushed = instruction.Type; break;
                case Opcode.RefFunc:
                    if (instruction.Index >= (uint)module.TotalFunctionCount)
                        Throw.Validation($"unknown function {instruction.Index}", -1, instruction.Offset);
                    declaredFunctions[instruction.Index] = true;
                    pushed = ValueType.FuncRef;
                    break;
                case Opcode.GlobalGet:
                    // spec 3.4.10: initializers see only imported globals (C').
                    if (instruction.Index >= (uint)module.ImportedGlobalCount)
                        Throw.Validation($"unknown global {instruction.Index}", -1, instruction.Offset);
                    var global = module.ImportedGlobals[(int)instruction.Index];
                    if (global.Mutable) Throw.Validation("constant expression required", -1, instruction.Offset);
                    pushed = global.ValueType;
                    break;
                case Opcode.End:
                    if (!reader.AtEnd) Throw.Validation("constant expression required", -1, reader.Position);
                    if (depth != 1 || top != expected) Throw.Validation("type mismatch", -1, instruction.Offset);
                    return;
                default:
                    Throw.Validation("constant expression required", -1, instruction.Offset);
                    return;
            }
            depth++;
            top = pushed;
        }
    }
}
