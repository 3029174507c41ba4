using System.Reflection;
using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

/// <summary>
/// What every function compiler of one module shares: the generated context type with its fields (memory, globals,
/// imported functions) and the methods of all defined functions, declared before any body is emitted so that calls
/// (including recursive ones) can refer to them.
/// </summary>
internal sealed class ModuleScope
{
    public ModuleScope(ModuleDescription description, TypeBuilder type, EngineOptions options, bool persisted)
    {
        Description = description;
        // A persisted assembly's IL generator resolves tokens itself, when the assembly is saved.
        Tokens = persisted ? null : new ModuleTokens((ModuleBuilder)type.Module);
        Options = options;
        Type = type;
        const FieldAttributes field = FieldAttributes.Public;
        if (description.TotalMemoryCount > 0) Memory = type.DefineField(MemoryFieldName, typeof(MemoryInstance), field);
        Globals = new FieldBuilder[description.TotalGlobalCount];
        for (int i = 0; i < Globals.Length; i++) Globals[i] = type.DefineField(GlobalFieldName(i), typeof(GlobalInstance), field);
        ImportContexts = new FieldBuilder[description.ImportedFunctionCount];
        ImportPointers = new FieldBuilder[description.ImportedFunctionCount];
        for (int i = 0; i < ImportContexts.Length; i++)
        {
            ImportContexts[i] = type.DefineField(ImportContextFieldName(i), typeof(object), field);
            ImportPointers[i] = type.DefineField(ImportPointerFieldName(i), typeof(nint), field);
        }

        MayGrowMemory = Memory is null ? [] : MemoryGrowthAnalysis.MayGrowMemory(description);
        Functions = new MethodBuilder[description.FunctionTypeIndices.Count];
        for (int i = 0; i < Functions.Length; i++)
        {
            var signature = description.Types[(int)description.FunctionTypeIndices[i]];
            var method = type.DefineMethod(FunctionMethodName(i, description), MethodAttributes.Public | MethodAttributes.Static | MethodAttributes.HideBySig,
                ClrTypes.ReturnOf(signature), ClrTypes.ParametersOf(signature, type));
            Functions[i] = method;
        }
    }

    public ModuleDescription Description { get; }

    /// <summary>For a run-only module: the tokens of what its code refers to in other assemblies (see <see cref="TokenCachingILGenerator"/>).</summary>
    public ModuleTokens? Tokens { get; }

    /// <summary>The engine's options: fuel and interruption checks shape the code.</summary>
    public EngineOptions Options { get; }

    public TypeBuilder Type { get; }

    /// <summary>Memory 0, when the module has one (WebAssembly 2.0 has at most one).</summary>
    public FieldBuilder? Memory { get; }

    public FieldBuilder[] Globals { get; }

    /// <summary>Per defined function, when the module has a memory: whether a call to it may grow memory (<see cref="MemoryGrowthAnalysis"/>).</summary>
    public bool[] MayGrowMemory { get; }

    /// <summary>Per imported function: the context argument for its call target.</summary>
    public FieldBuilder[] ImportContexts { get; }

    /// <summary>Per imported function: the function pointer of its call target.</summary>
    public FieldBuilder[] ImportPointers { get; }

    /// <summary>Per defined function: its typed static method.</summary>
    public MethodBuilder[] Functions { get; }

    // The generated members are found again by these names, in a fresh compilation or a saved artifact alike.

    public const string MemoryFieldName = "memory";

    public static string GlobalFieldName(int index) => $"global{index}";

    public static string ImportContextFieldName(int index) => $"import{index}";

    public static string ImportPointerFieldName(int index) => $"import{index}Code";

    /// <summary>The context type: <c>Wasm.</c> and the module's name from the name section, if any.</summary>
    public static string TypeName(ModuleDescription description) =>
        "Wasm." + (description.Names?.ModuleName is { Length: > 0 } name ? new string([.. name.Select(c => char.IsLetterOrDigit(c) ? c : '_')]) : "Module");

    /// <summary><c>f</c> and the function index, then the name from the name section if any: what stack traces and profilers show.</summary>
    public static string FunctionMethodName(int definedIndex, ModuleDescription description)
    {
        uint index = (uint)(description.ImportedFunctionCount + definedIndex);
        return description.GetFunctionName(index) is { Length: > 0 } name ? $"f{index}:{name}" : $"f{index}";
    }

    public const string EntryPrefix = "entry:";

    /// <summary>The slots entry of a function: <see cref="EntryPrefix"/> and the function's method name.</summary>
    public static string EntryMethodName(int definedIndex, ModuleDescription description) => EntryPrefix + FunctionMethodName(definedIndex, description);

    public static string AdapterMethodName(int typeIndex) => $"adapter{typeIndex}";
}
