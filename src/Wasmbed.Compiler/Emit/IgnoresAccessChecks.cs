using System.Reflection;
using System.Reflection.Emit;

namespace Wasmbed.Compiler.Emit;

/// <summary>
/// Lets a dynamic assembly use the internal runtime types (memories, globals, instances) of Wasmbed and
/// Wasmbed.Compiler. The CLR honours <c>System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute</c> on the
/// accessing assembly, wherever that attribute type is defined; it is defined in the dynamic assembly itself.
/// </summary>
internal static class IgnoresAccessChecks
{
    public static void Apply(AssemblyBuilder assembly, ModuleBuilder module, params string[] assemblyNames)
    {
        var builder = module.DefineType("System.Runtime.CompilerServices.IgnoresAccessChecksToAttribute",
            TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(Attribute));
        var constructor = builder.DefineConstructor(MethodAttributes.Public, CallingConventions.Standard, [typeof(string)]);
        var il = constructor.GetILGenerator();
        il.Emit(OpCodes.Ldarg_0);
        il.Emit(OpCodes.Call, typeof(Attribute).GetConstructor(BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes)!);
        il.Emit(OpCodes.Ret);
        builder.SetCustomAttribute(new CustomAttributeBuilder(
            typeof(AttributeUsageAttribute).GetConstructor([typeof(AttributeTargets)])!, [AttributeTargets.Assembly],
            [typeof(AttributeUsageAttribute).GetProperty(nameof(AttributeUsageAttribute.AllowMultiple))!], [true]));
        var attribute = builder.CreateType();
        var attributeConstructor = attribute.GetConstructor([typeof(string)])!;
        foreach (var name in assemblyNames)
            assembly.SetCustomAttribute(new CustomAttributeBuilder(attributeConstructor, [name]));
    }
}
