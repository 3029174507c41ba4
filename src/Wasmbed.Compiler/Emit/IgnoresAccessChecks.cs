using System.Reflection.Emit;
using System.Text;

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
        foreach (var name in assemblyNames) assembly.SetCustomAttribute(constructor, Blob(name));
    }

    /// <summary>
    /// The attribute's value blob (ECMA-335 II.23.3): prolog 0x0001, the string argument as a SerString (compressed
    /// length, UTF-8), no named arguments. Written here because CustomAttributeBuilder's general encoder costs about a
    /// millisecond of start-up on its first use.
    /// </summary>
    private static byte[] Blob(string assemblyName)
    {
        int length = Encoding.UTF8.GetByteCount(assemblyName);
        // A length below 0x80 is compressed to one byte (II.23.2); assembly names here are short.
        if (length >= 0x80) throw new ArgumentException("assembly name too long for a one-byte length", nameof(assemblyName));
        var blob = new byte[2 + 1 + length + 2];
        blob[0] = 0x01;
        blob[2] = (byte)length;
        Encoding.UTF8.GetBytes(assemblyName, blob.AsSpan(3));
        return blob;
    }
}
