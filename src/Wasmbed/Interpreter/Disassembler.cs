using System.Globalization;
using System.Text;

namespace Wasmbed.Interpreter;

/// <summary>
/// Renders translated code as text, one instruction per line, for debugging and golden tests:
/// <c>  12: I32AddImm $3 = $1, 1</c>. Slots print as <c>$n</c>, branch targets as absolute positions <c>@pc</c>, memory
/// offsets as <c>+n</c>, indices with their kind (<c>func 2</c>, <c>global 0</c>, <c>table 0</c>...).
/// </summary>
internal static class Disassembler
{
    public static string Disassemble(TranslatedFunction function)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture,
            $"function {function.FunctionIndex}: params {function.ParameterSlots}, locals {function.LocalSlots}, frame {function.FrameSlots}, results {function.ResultSlots}\n");
        var code = function.Code;
        for (int pc = 0; pc < code.Length; pc += OpTable.Length(code.AsSpan(pc)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{pc,4}: ");
            AppendInstruction(text, code.AsSpan(pc), pc);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static void AppendInstruction(StringBuilder text, ReadOnlySpan<int> code, int pc)
    {
        int at = 1;
        AppendOpOrFused(text, (Op)code[0], code, ref at, pc);
    }

    /// <summary>A fused op prints as the ops it executes, separated by " ; " (branch targets stay relative to the fused instruction).</summary>
    private static void AppendOpOrFused(StringBuilder text, Op op, ReadOnlySpan<int> code, ref int at, int pc)
    {
        if (!OpTable.IsFused(op, out var first, out var second))
        {
            AppendOp(text, op, code, ref at, pc);
            return;
        }
        AppendOpOrFused(text, first, code, ref at, pc);
        text.Append(" ; ");
        AppendOpOrFused(text, second, code, ref at, pc);
    }

    private static void AppendOp(StringBuilder text, Op op, ReadOnlySpan<int> code, ref int at, int pc)
    {
        var layout = OpTable.Layout(op);
        text.Append(op.ToString());
        bool first = true;
        foreach (char kind in layout)
        {
            if (kind == 'n')
            {
                at++;   // the count is implied by the targets that follow
                continue;
            }
            text.Append(first ? " " : kind == 'r' ? "" : ", ");
            first = false;
            switch (kind)
            {
                case 'r':
                    text.Append(CultureInfo.InvariantCulture, $"${code[at++]} =");
                    first = true;
                    break;
                case 's':
                case 'b':
                    text.Append(CultureInfo.InvariantCulture, $"${code[at++]}");
                    break;
                case 'i':
                    text.Append(CultureInfo.InvariantCulture, $"{code[at++]}");
                    break;
                case 'o':
                    text.Append(CultureInfo.InvariantCulture, $"+{(uint)code[at++]}");
                    break;
                case 't':
                    text.Append(CultureInfo.InvariantCulture, $"@{pc + code[at++]}");
                    break;
                case 'L':
                    text.Append(CultureInfo.InvariantCulture, $"0x{(ulong)(uint)code[at] | (ulong)(uint)code[at + 1] << 32:x}");
                    at += 2;
                    break;
                case 'V':
                    text.Append(CultureInfo.InvariantCulture,
                        $"0x{(uint)code[at + 3]:x8}{(uint)code[at + 2]:x8}{(uint)code[at + 1]:x8}{(uint)code[at]:x8}");
                    at += 4;
                    break;
                case 'T':
                    int count = code[at - 1];
                    text.Append('[');
                    for (int i = 0; i < count; i++)
                        text.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : " ")}@{pc + code[at + i]}");
                    text.Append(']');
                    at += count;
                    break;
                default:
                    text.Append(CultureInfo.InvariantCulture, $"{IndexName(kind)} {code[at++]}");
                    break;
            }
        }
    }

    private static string IndexName(char kind) => kind switch
    {
        'f' => "func",
        'g' => "global",
        'e' => "table",
        'd' => "segment",
        'y' => "type",
        _ => "?",
    };
}
