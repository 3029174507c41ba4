using System.Reflection;
using Wasmbed.Format;
using Wasmbed.Runtime.Numerics;

namespace Wasmbed.Compiler.Emit;

/// <summary>
/// The numerics library's method for an opcode: <see cref="IntegerOps"/>, <see cref="FloatOps"/> and
/// <see cref="SimdOps"/> name each method after its instruction (<c>i32x4.add</c> → <c>I32x4Add</c>), so compiled code
/// and the interpreter share one implementation of every semantic rule.
/// </summary>
internal static class Numerics
{
    private static readonly Dictionary<string, MethodInfo> Methods = Collect();

    public static bool TryGetMethod(Opcode opcode, out MethodInfo method) => Methods.TryGetValue(opcode.ToString(), out method!);

    public static MethodInfo Method(Opcode opcode) =>
        TryGetMethod(opcode, out var method) ? method : throw new InvalidOperationException($"no numerics method for {opcode}");

    private static Dictionary<string, MethodInfo> Collect()
    {
        var methods = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var type in new[] { typeof(IntegerOps), typeof(FloatOps), typeof(SimdOps) })
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                // Overloads taking spans are conveniences for other callers; the IL-friendly one takes values only.
                if (method.GetParameters().Any(p => p.ParameterType.IsByRefLike)) continue;
                methods.TryAdd(method.Name, method);
            }
        }
        return methods;
    }
}
