using System.ComponentModel;

namespace System.Runtime.CompilerServices;

/// <summary>
/// Applied by Wasmbed.Compiler to the assemblies it generates, so that compiled WebAssembly can reach the runtime's
/// internal types. The CLR recognizes the attribute by name; it is not meant to be used elsewhere.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class IgnoresAccessChecksToAttribute(string assemblyName) : Attribute
{
    /// <summary>The assembly whose internals the attributed assembly may use.</summary>
    public string AssemblyName { get; } = assemblyName;
}
