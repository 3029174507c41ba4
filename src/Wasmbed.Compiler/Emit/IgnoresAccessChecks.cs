using System.Reflection.Emit;

namespace Wasmbed.Compiler.Emit;

/// <summary>
/// Lets a generated assembly use the internal runtime types (memories, globals, instances) of Wasmbed and
/// Wasmbed.Compiler: the CLR honours <see cref="System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute"/> on
/// the accessing assembly, whichever assembly defines that attribute type.
/// </summary>
internal static class IgnoresAccessChecks
{
    public static void Apply(AssemblyBuilder assembly, params string[] assemblyNames)
    {
        var constructor = typeof(System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute).GetConstructor([typeof(string)])!;
        foreach (var name in assemblyNames) assembly.SetCustomAttribute(new CustomAttributeBuilder(constructor, [name]));
    }
}
