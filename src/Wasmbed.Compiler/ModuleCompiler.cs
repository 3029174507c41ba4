using System.Reflection;
using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Compiler.Runtime;

namespace Wasmbed.Compiler;

/// <summary>
/// Compiles a whole module into one collectible dynamic assembly: a sealed context type deriving from
/// <see cref="CompiledInstance"/> whose static methods are the module's functions, their slots entries and the
/// per-signature adapters for calls that leave compiled code.
/// </summary>
internal static class ModuleCompiler
{
    private static int s_assemblies;

    public static CompiledModule Compile(Module module, IlCompiler options)
    {
        var description = module.Description;
        var name = new AssemblyName($"Wasmbed.Compiled.{Interlocked.Increment(ref s_assemblies)}");
        // Collectible: the code goes away with the last reference to the module and its instances.
        var assembly = AssemblyBuilder.DefineDynamicAssembly(name, AssemblyBuilderAccess.RunAndCollect);
        var moduleBuilder = assembly.DefineDynamicModule(name.Name!);
        IgnoresAccessChecks.Apply(assembly, moduleBuilder, "Wasmbed", "Wasmbed.Compiler");

        var typeName = "Wasm." + (description.Names?.ModuleName is { Length: > 0 } moduleName ? Sanitize(moduleName) : "Module");
        var type = moduleBuilder.DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(CompiledInstance));
        type.DefineDefaultConstructor(MethodAttributes.Public);
        var scope = new ModuleScope(description, type);

        var compiler = new FunctionCompiler(scope);
        for (int i = 0; i < scope.Functions.Length; i++)
        {
            // Large functions (printf and friends) cost the JIT much to optimize and are rarely hot: they start at
            // tier 0 and are optimized only if they turn out to be hot.
            if (options.OptimizeBeforeFirstCall && description.Codes[i].CodeLength <= options.LargeFunctionBytes)
                scope.Functions[i].SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
            compiler.Compile(i);
        }
        for (int i = 0; i < scope.Functions.Length; i++) EmitEntry(scope, i);
        for (int t = 0; t < description.Types.Count; t++) EmitAdapter(type, t, description.Types[t]);

        var created = type.CreateType();
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        var entries = new SlotsEntry[scope.Functions.Length];
        var pointers = new nint[scope.Functions.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            entries[i] = created.GetMethod(ModuleScope.EntryMethodName(i), flags)!.CreateDelegate<SlotsEntry>();
            pointers[i] = created.GetMethod(scope.Functions[i].Name, flags)!.MethodHandle.GetFunctionPointer();
        }
        var adapters = new nint[description.Types.Count];
        for (int t = 0; t < adapters.Length; t++)
            adapters[t] = created.GetMethod(ModuleScope.AdapterMethodName(t), flags)!.MethodHandle.GetFunctionPointer();

        FieldInfo Field(FieldBuilder builder) => created.GetField(builder.Name)!;
        return new CompiledModule
        {
            Module = module,
            ContextType = created,
            Entries = entries,
            FunctionPointers = pointers,
            AdapterPointers = adapters,
            MemoryField = scope.Memory is null ? null : Field(scope.Memory),
            GlobalFields = [.. scope.Globals.Select(Field)],
            ImportContextFields = [.. scope.ImportContexts.Select(Field)],
            ImportPointerFields = [.. scope.ImportPointers.Select(Field)],
        };
    }

    /// <summary>
    /// <c>static void entryN(ref ulong slots, object context, int depth)</c>: reads the arguments from the slots,
    /// calls the typed method and writes the results back (i32/f32 zero-extended, v128 in two slots).
    /// </summary>
    private static void EmitEntry(ModuleScope scope, int definedIndex)
    {
        var description = scope.Description;
        var signature = description.Types[(int)description.FunctionTypeIndices[definedIndex]];
        var method = scope.Type.DefineMethod(ModuleScope.EntryMethodName(definedIndex), MethodAttributes.Public | MethodAttributes.Static,
            typeof(void), [typeof(ulong).MakeByRefType(), typeof(object), typeof(int)]);
        var il = method.GetILGenerator();

        int slot = 0;
        foreach (var parameter in signature.Parameters)
        {
            EmitSlotAddress(il, OpCodes.Ldarg_0, slot);
            EmitReadSlot(il, parameter);
            slot += parameter == ValueType.V128 ? 2 : 1;
        }
        var results = new LocalBuilder[signature.Results.Count];
        for (int k = 0; k < results.Length; k++) results[k] = il.DeclareLocal(ClrTypes.Of(signature.Results[k]));
        for (int k = 1; k < results.Length; k++) il.Emit(OpCodes.Ldloca, results[k]);
        il.Emit(OpCodes.Ldarg_1);
        il.Emit(OpCodes.Ldarg_2);
        il.Emit(OpCodes.Call, scope.Functions[definedIndex]);
        if (results.Length > 0) il.Emit(OpCodes.Stloc, results[0]);

        slot = 0;
        for (int k = 0; k < results.Length; k++)
        {
            var type = signature.Results[k];
            EmitSlotAddress(il, OpCodes.Ldarg_0, slot);
            il.Emit(OpCodes.Ldloc, results[k]);
            EmitWriteSlot(il, type);
            slot += type == ValueType.V128 ? 2 : 1;
        }
        il.Emit(OpCodes.Ret);
    }

    /// <summary>
    /// <c>static R adapterT(params..., ref extra results..., object target, int depth)</c>: the typed signature of
    /// type T on one side, a <see cref="SlotsCallTarget"/> on the other. The slots live on the stack (localloc).
    /// </summary>
    private static void EmitAdapter(TypeBuilder type, int typeIndex, FunctionType signature)
    {
        var parameters = ClrTypes.ParametersOf(signature, typeof(object));
        var method = type.DefineMethod(ModuleScope.AdapterMethodName(typeIndex), MethodAttributes.Public | MethodAttributes.Static,
            ClrTypes.ReturnOf(signature), parameters);
        var il = method.GetILGenerator();
        int slotCount = Math.Max(Math.Max(FunctionInstance.SlotCount(signature.Parameters), FunctionInstance.SlotCount(signature.Results)), 1);
        var slots = il.DeclareLocal(typeof(nint));
        il.Emit(OpCodes.Ldc_I4, slotCount * 8);
        il.Emit(OpCodes.Conv_U);
        il.Emit(OpCodes.Localloc);
        il.Emit(OpCodes.Stloc, slots);

        int slot = 0;
        for (int i = 0; i < signature.Parameters.Count; i++)
        {
            EmitSlotAddress(il, slots, slot);
            EmitLoadArgument(il, i);
            EmitWriteSlot(il, signature.Parameters[i]);
            slot += signature.Parameters[i] == ValueType.V128 ? 2 : 1;
        }

        int contextArgument = ClrTypes.ContextArgument(signature);
        EmitLoadArgument(il, contextArgument);
        il.Emit(OpCodes.Castclass, typeof(SlotsCallTarget));
        il.Emit(OpCodes.Ldloc, slots);
        il.Emit(OpCodes.Ldc_I4, slotCount);
        il.Emit(OpCodes.Newobj, typeof(Span<ulong>).GetConstructor([typeof(void*), typeof(int)])!);
        EmitLoadArgument(il, contextArgument + 1);
        il.Emit(OpCodes.Callvirt, typeof(SlotsCallTarget).GetMethod(nameof(SlotsCallTarget.Invoke), BindingFlags.Public | BindingFlags.Instance)!);

        slot = signature.Results.Count > 0 && signature.Results[0] == ValueType.V128 ? 2 : 1;
        for (int k = 1; k < signature.Results.Count; k++)
        {
            var result = signature.Results[k];
            EmitLoadArgument(il, signature.Parameters.Count + k - 1);
            EmitSlotAddress(il, slots, slot);
            EmitReadSlot(il, result);
            il.Emit(OpCodes.Stobj, ClrTypes.Of(result));
            slot += result == ValueType.V128 ? 2 : 1;
        }
        if (signature.Results.Count > 0)
        {
            EmitSlotAddress(il, slots, 0);
            EmitReadSlot(il, signature.Results[0]);
        }
        il.Emit(OpCodes.Ret);
    }

    private static void EmitSlotAddress(ILGenerator il, OpCode loadBase, int slot)
    {
        il.Emit(loadBase);
        if (slot == 0) return;
        il.Emit(OpCodes.Ldc_I4, slot * 8);
        il.Emit(OpCodes.Add);
    }

    private static void EmitSlotAddress(ILGenerator il, LocalBuilder slots, int slot)
    {
        il.Emit(OpCodes.Ldloc, slots);
        if (slot == 0) return;
        il.Emit(OpCodes.Ldc_I4, slot * 8);
        il.Emit(OpCodes.Add);
    }

    /// <summary>Reads a value from the slot whose address is on the stack (i32/f32 are the low 32 bits, little-endian).</summary>
    private static void EmitReadSlot(ILGenerator il, ValueType type)
    {
        switch (type)
        {
            case ValueType.I32: il.Emit(OpCodes.Ldind_I4); break;
            case ValueType.F32: il.Emit(OpCodes.Ldind_R4); break;
            case ValueType.F64: il.Emit(OpCodes.Ldind_R8); break;
            case ValueType.V128: il.Emit(OpCodes.Ldobj, typeof(V128)); break;
            default: il.Emit(OpCodes.Ldind_I8); break;
        }
    }

    /// <summary>Writes the value on the stack to the slot whose address is below it; i32 and f32 are zero-extended.</summary>
    private static void EmitWriteSlot(ILGenerator il, ValueType type)
    {
        switch (type)
        {
            case ValueType.I32:
                il.Emit(OpCodes.Conv_U8);
                il.Emit(OpCodes.Stind_I8);
                break;
            case ValueType.F32:
                il.Emit(OpCodes.Call, Members.SingleToInt32Bits);
                il.Emit(OpCodes.Conv_U8);
                il.Emit(OpCodes.Stind_I8);
                break;
            case ValueType.F64:
                il.Emit(OpCodes.Stind_R8);
                break;
            case ValueType.V128:
                il.Emit(OpCodes.Stobj, typeof(V128));
                break;
            default:
                il.Emit(OpCodes.Stind_I8);
                break;
        }
    }

    private static void EmitLoadArgument(ILGenerator il, int index)
    {
        if (index < 256) il.Emit(OpCodes.Ldarg_S, (byte)index);
        else il.Emit(OpCodes.Ldarg, (short)index);
    }

    private static string Sanitize(string name) => new([.. name.Select(c => char.IsLetterOrDigit(c) ? c : '_')]);
}
