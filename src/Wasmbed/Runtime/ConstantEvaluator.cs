using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// Evaluates the constant expressions of global initializers, segment offsets and element items
/// (spec 3.3.10, 4.5.4) against a module instance under construction. The validator has already
/// checked that only constant instructions appear and that the result has the right type.
/// </summary>
internal static class ConstantEvaluator
{
    /// <summary>The raw value: numbers as bits (i32/f32 zero-extended), v128 as two halves, references as store handles.</summary>
    public static (ulong Bits, ulong HighBits) Evaluate(ModuleInstance instance, ConstantExpression expression)
    {
        var bytes = instance.Module.Description.Bytes.Span;
        var reader = new InstructionReader(bytes, expression.Offset, expression.Offset + expression.Length);
        ulong bits = 0, high = 0;
        while (!reader.AtEnd)
        {
            var instruction = reader.Read();
            switch (instruction.Opcode)
            {
                case Opcode.I32Const:
                case Opcode.F32Const:
                    bits = (uint)instruction.Value;
                    high = 0;
                    break;
                case Opcode.I64Const:
                case Opcode.F64Const:
                    bits = instruction.Value;
                    high = 0;
                    break;
                case Opcode.V128Const:
                    bits = instruction.Value;
                    high = instruction.Value2;
                    break;
                case Opcode.RefNull:
                    bits = high = 0;
                    break;
                case Opcode.RefFunc:
                    bits = instance.Functions[instruction.Index].Handle;
                    high = 0;
                    break;
                case Opcode.GlobalGet:
                    var global = instance.Globals[instruction.Index];
                    bits = global.Bits;
                    high = global.HighBits;
                    break;
                case Opcode.End:
                    return (bits, high);
                default:
                    Throw.Validation("constant expression required", -1, instruction.Offset);
                    break;
            }
        }
        Throw.Format("unexpected end of constant expression", expression.Offset + expression.Length);
        return default;
    }

    /// <summary>An i32 offset expression of an active segment, as the unsigned address it denotes.</summary>
    public static uint EvaluateOffset(ModuleInstance instance, ConstantExpression expression) =>
        (uint)Evaluate(instance, expression).Bits;
}
