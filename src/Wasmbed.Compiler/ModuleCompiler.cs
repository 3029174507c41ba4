using System.Reflection;
using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Compiler.Runtime;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

/// <summary>
/// Compiles a whole module into one dynamic assembly (collectible unless <see cref="IlCompiler.Collectible"/> is off): a sealed context type deriving from
/// <see cref="CompiledInstance"/> whose static methods are the module's functions, their slots entries and the
/// per-signature adapters for calls that leave compiled code.
/// </summary>
internal static class ModuleCompiler
{
    private static int s_assemblies;

    public static CompiledModule Compile(Module module, IlCompiler options)
    {
        if (options.ArtifactDirectory is { } directory) return Artifacts.ArtifactCache.LoadOrCompile(module, options, directory);
        if (options.TieredJit)
        {
            var (persisted, typeName, _) = Emit(module.Description, module.Engine.Options, options, persisted: true);
            return Bind(module, LoadImage(Save((PersistedAssemblyBuilder)persisted), typeName, collectible: true));
        }
        var (_, _, created) = Emit(module.Description, module.Engine.Options, options, persisted: false);
        var compiled = Bind(module, created);
        if (options.PrepareInBackground)
            BackgroundPreparation.Start(module.Description, compiled.Functions, i => OptimizedBeforeFirstCall(options, module.Description, i));
        return compiled;
    }

    /// <summary>Whether defined function <paramref name="definedIndex"/> is marked for full optimization at its first call.</summary>
    private static bool OptimizedBeforeFirstCall(IlCompiler options, ModuleDescription description, int definedIndex) =>
        !options.TieredJit && options.OptimizeBeforeFirstCall && description.Codes[definedIndex].CodeLength <= options.LargeFunctionBytes;

    /// <summary>
    /// Emits the module's assembly: a dynamic one ready to run, or a persisted one to save (<paramref name="persisted"/>).
    /// <c>Created</c> is the context type as <see cref="TypeBuilder.CreateType"/> returns it: the runtime type of a
    /// dynamic assembly (looking it up by name instead costs milliseconds), or for a persisted one only its description.
    /// </summary>
    public static (AssemblyBuilder Assembly, string TypeName, Type Created) Emit(ModuleDescription description, EngineOptions engineOptions, IlCompiler options, bool persisted)
    {
        var name = new AssemblyName($"Wasmbed.Compiled.{Interlocked.Increment(ref s_assemblies)}");
        // A dynamic assembly is collectible (its code goes away with the last reference to the module and its
        // instances) unless IlCompiler.Collectible is off; a persisted one is made collectible or not when loaded.
        AssemblyBuilder assembly = persisted
            ? new PersistedAssemblyBuilder(name, typeof(object).Assembly)
            : AssemblyBuilder.DefineDynamicAssembly(name, options.Collectible ? AssemblyBuilderAccess.RunAndCollect : AssemblyBuilderAccess.Run);
        var moduleBuilder = assembly.DefineDynamicModule(name.Name!);
        IgnoresAccessChecks.Apply(assembly, "Wasmbed", "Wasmbed.Compiler");

        var typeName = ModuleScope.TypeName(description);
        var type = moduleBuilder.DefineType(typeName, TypeAttributes.Public | TypeAttributes.Sealed | TypeAttributes.Class, typeof(CompiledInstance));
        type.DefineDefaultConstructor(MethodAttributes.Public);
        var scope = new ModuleScope(description, type, engineOptions, persisted);

        var compiler = new FunctionCompiler(scope);
        for (int i = 0; i < scope.Functions.Length; i++)
        {
            // Large functions (printf and friends) cost the JIT much to optimize and are rarely hot: they are left to
            // tiered compilation where the runtime offers it.
            bool optimized = OptimizedBeforeFirstCall(options, description, i);
            if (optimized) scope.Functions[i].SetImplementationFlags(MethodImplAttributes.AggressiveOptimization);
            compiler.Compile(i, optimized);
        }
        for (int i = 0; i < scope.Functions.Length; i++) EmitEntry(scope, i);
        for (int t = 0; t < description.Types.Count; t++) EmitAdapter(type, t, description.Types[t]);
        var created = type.CreateType();
        return (assembly, typeName, created);
    }

    /// <summary>Finds the generated members of <paramref name="created"/> by their names (see <see cref="ModuleScope"/>).</summary>
    public static CompiledModule Bind(Module module, Type created)
    {
        var description = module.Description;
        const BindingFlags flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static;
        // One pass over the methods: looking each up with Type.GetMethod(name) scans them all every time, which for
        // the 7,500 methods of a 2,500-function module took over a second.
        var byName = new Dictionary<string, MethodInfo>(StringComparer.Ordinal);
        foreach (var method in created.GetMethods(flags))
        {
            if (method.DeclaringType == created) byName[method.Name] = method;
        }
        MethodInfo Method(string name) => byName.GetValueOrDefault(name) ?? throw new MissingMethodException(created.FullName, name);
        FieldInfo Field(string name) => created.GetField(name) ?? throw new MissingFieldException(created.FullName, name);
        // Plain loops rather than LINQ: each LINQ instantiation is JIT-compiled at start-up (ReadyToRun code cannot hold it).
        FieldInfo[] Fields(int count, Func<int, string> name)
        {
            var fields = new FieldInfo[count];
            for (int i = 0; i < count; i++) fields[i] = Field(name(i));
            return fields;
        }

        int count = description.FunctionTypeIndices.Count;
        var entries = new SlotsEntry[count];
        var functions = new MethodInfo[count];
        var pointers = new nint[count];
        for (int i = 0; i < count; i++)
        {
            entries[i] = Method(ModuleScope.EntryMethodName(i, description)).CreateDelegate<SlotsEntry>();
            functions[i] = Method(ModuleScope.FunctionMethodName(i, description));
            pointers[i] = functions[i].MethodHandle.GetFunctionPointer();
        }
        var adapters = new nint[description.Types.Count];
        for (int t = 0; t < adapters.Length; t++) adapters[t] = Method(ModuleScope.AdapterMethodName(t)).MethodHandle.GetFunctionPointer();

        return new CompiledModule
        {
            Module = module,
            ContextType = created,
            Entries = entries,
            Functions = functions,
            FunctionPointers = pointers,
            AdapterPointers = adapters,
            MemoryField = description.TotalMemoryCount > 0 ? Field(ModuleScope.MemoryFieldName) : null,
            GlobalFields = Fields(description.TotalGlobalCount, ModuleScope.GlobalFieldName),
            ImportContextFields = Fields(description.ImportedFunctionCount, ModuleScope.ImportContextFieldName),
            ImportPointerFields = Fields(description.ImportedFunctionCount, ModuleScope.ImportPointerFieldName),
        };
    }

    public static byte[] Save(PersistedAssemblyBuilder assembly)
    {
        using var image = new MemoryStream();
        assembly.Save(image);
        return image.ToArray();
    }

    /// <summary>
    /// <c>static void entryN(ref ulong slots, object context, int depth)</c>: reads the arguments from the slots,
    /// calls the typed method and writes the results back (i32/f32 zero-extended, v128 in two slots).
    /// </summary>
    private static void EmitEntry(ModuleScope scope, int definedIndex)
    {
        var description = scope.Description;
        var signature = description.Types[(int)description.FunctionTypeIndices[definedIndex]];
        var method = scope.Type.DefineMethod(ModuleScope.EntryMethodName(definedIndex, description), MethodAttributes.Public | MethodAttributes.Static,
            typeof(void), [typeof(ulong).MakeByRefType(), typeof(object), typeof(int)]);
        var il = method.GetILGenerator();

        int slot = 0;
        foreach (var parameter in signature.Parameters)
        {
            EmitSlotAddress(il, OpCodes.Ldarg_0, slot);
            SlotsMarshal.EmitReadSlot(il, parameter);
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
            SlotsMarshal.EmitWriteSlot(il, type);
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
        int slotCount = SlotsMarshal.SlotCount(signature);
        var slots = SlotsMarshal.AllocateSlots(il, slotCount);
        SlotsMarshal.StoreParameters(il, signature, slots);
        int contextArgument = ClrTypes.ContextArgument(signature);
        SlotsMarshal.EmitLoadArgument(il, contextArgument);
        il.Emit(OpCodes.Castclass, typeof(SlotsCallTarget));
        SlotsMarshal.LoadSpan(il, slots, slotCount);
        SlotsMarshal.EmitLoadArgument(il, contextArgument + 1);
        il.Emit(OpCodes.Callvirt, typeof(SlotsCallTarget).GetMethod(nameof(SlotsCallTarget.Invoke), BindingFlags.Public | BindingFlags.Instance)!);
        SlotsMarshal.LoadResults(il, signature, slots);
        il.Emit(OpCodes.Ret);
    }

    /// <summary>
    /// Loads a saved compiled module into its own load context: collectible (it goes away with the module), or not
    /// (<see cref="IlCompiler.Collectible"/>: direct calls and tiered compilation; it stays until the process ends).
    /// </summary>
    public static Type LoadImage(byte[] image, string typeName, bool collectible)
    {
        var context = new System.Runtime.Loader.AssemblyLoadContext("Wasmbed.Compiled", isCollectible: collectible);
        using var stream = new MemoryStream(image, writable: false);
        return context.LoadFromStream(stream).GetType(typeName, throwOnError: true)!;
    }

    private static void EmitSlotAddress(ILGenerator il, OpCode loadBase, int slot)
    {
        il.Emit(loadBase);
        if (slot == 0) return;
        il.Emit(OpCodes.Ldc_I4, slot * 8);
        il.Emit(OpCodes.Add);
    }

}
