using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// Instantiation (spec 4.5.4, WebAssembly 2.0): checks the imports against the module's import types,
/// allocates the module's functions, tables, memories and globals in the store, resolves element and
/// data segments, then applies the active segments and runs the start function.
/// </summary>
internal static class Instantiator
{
    /// <summary>Instantiates <paramref name="module"/> with <paramref name="imports"/> given in the module's import order.</summary>
    /// <exception cref="WasmLinkException">An import is missing, of another store, or of an incompatible type.</exception>
    /// <exception cref="TrapException">A segment does not fit its table or memory, or the start function trapped.
    /// Segments applied before the failing one stay applied (spec 4.5.4 step 14, as of bulk memory).</exception>
    public static ModuleInstance Instantiate(Store store, Module module, IReadOnlyList<Extern> imports)
    {
        var description = module.Description;
        if (imports.Count != description.Imports.Count)
            throw new WasmLinkException($"the module has {description.Imports.Count} imports but {imports.Count} were given");

        store.Resources.AddInstance(description);
        var instance = new ModuleInstance(module, store) { Name = module.Name };
        var engine = store.Engine;
        var types = new FunctionType[description.Types.Count];
        for (int i = 0; i < types.Length; i++) types[i] = engine.Intern(description.Types[i]);
        instance.Types = types;

        var functions = new FunctionInstance[description.TotalFunctionCount];
        var tables = new TableInstance[description.TotalTableCount];
        var memories = new MemoryInstance[description.TotalMemoryCount];
        var globals = new GlobalInstance[description.TotalGlobalCount];
        instance.Functions = functions;
        instance.Tables = tables;
        instance.Memories = memories;
        instance.Globals = globals;

        ResolveImports(store, instance, imports, functions, tables, memories, globals);
        AllocateDefinitions(store, instance, functions, tables, memories, globals);
        instance.ElementSegments = ResolveElementSegments(instance);
        instance.DataSegments = ResolveDataSegments(description);
        Initialize(instance);

        if (description.StartFunction is { } start)
            Invocation.Call(store, functions[start], []);
        return instance;
    }

    private static void ResolveImports(Store store, ModuleInstance instance, IReadOnlyList<Extern> imports,
        FunctionInstance[] functions, TableInstance[] tables, MemoryInstance[] memories, GlobalInstance[] globals)
    {
        var description = instance.Module.Description;
        int functionCount = 0, tableCount = 0, memoryCount = 0, globalCount = 0;
        for (int i = 0; i < imports.Count; i++)
        {
            var import = description.Imports[i];
            var item = imports[i] ?? throw Unknown(import);
            if (item.Store != store)
                throw Incompatible(import, "it belongs to another store");
            switch (import.Kind)
            {
                case ExternalKind.Function:
                {
                    var expected = instance.Types[import.TypeIndex];
                    if (item is not Function function) throw Incompatible(import, ExternType.Of(expected), item);
                    // spec 4.5.2: function types must be equal.
                    if (!function.Type.Equals(expected)) throw Incompatible(import, ExternType.Of(expected), item);
                    functions[functionCount++] = function.Inner;
                    break;
                }
                case ExternalKind.Table:
                {
                    var expected = import.Table!;
                    if (item is not Table table || table.ElementType != expected.ElementType ||
                        !LimitsMatch(table.Inner.Size, table.Inner.Maximum, expected.Limits))
                        throw Incompatible(import, ExternType.Of(expected), item);
                    tables[tableCount++] = table.Inner;
                    break;
                }
                case ExternalKind.Memory:
                {
                    var expected = import.Memory!;
                    if (item is not Memory memory || !LimitsMatch(memory.Inner.Pages, memory.Inner.Maximum, expected.Limits))
                        throw Incompatible(import, ExternType.Of(expected), item);
                    memories[memoryCount++] = memory.Inner;
                    break;
                }
                case ExternalKind.Global:
                {
                    var expected = import.Global;
                    // spec 4.5.2: value type and mutability must be equal.
                    if (item is not Global global || global.Type != expected)
                        throw Incompatible(import, ExternType.Of(expected), item);
                    globals[globalCount++] = global.Inner;
                    break;
                }
            }
        }
    }

    /// <summary>spec 4.5.2 limits: the actual minimum is at least the expected one, and if a maximum is expected the actual one exists and is no larger.</summary>
    private static bool LimitsMatch(uint actualMinimum, uint? actualMaximum, Limits expected) =>
        actualMinimum >= expected.Minimum &&
        (expected.Maximum is not { } expectedMaximum || (actualMaximum is { } actual && actual <= expectedMaximum));

    private static void AllocateDefinitions(Store store, ModuleInstance instance,
        FunctionInstance[] functions, TableInstance[] tables, MemoryInstance[] memories, GlobalInstance[] globals)
    {
        var description = instance.Module.Description;
        int importedFunctions = description.ImportedFunctionCount;
        for (int i = 0; i < description.FunctionTypeIndices.Count; i++)
        {
            var type = instance.Types[description.FunctionTypeIndices[i]];
            var function = new WasmFunction(type, instance, (uint)(importedFunctions + i), i);
            store.Register(function);
            functions[importedFunctions + i] = function;
        }

        for (int i = 0; i < description.Tables.Count; i++)
            tables[description.ImportedTableCount + i] = new TableInstance(description.Tables[i], 0, store.Limits.MaxTableElements, store.Resources);

        for (int i = 0; i < description.Memories.Count; i++)
            memories[description.ImportedMemoryCount + i] = new MemoryInstance(description.Memories[i], store.Limits.MaxMemoryPages, store.Resources);

        // Initializers may read imported globals (global.get) and take function references (ref.func), both in place by now.
        for (int i = 0; i < description.Globals.Count; i++)
        {
            var definition = description.Globals[i];
            var (bits, high) = ConstantEvaluator.Evaluate(instance, definition.Initializer);
            globals[description.ImportedGlobalCount + i] = new GlobalInstance(definition.Type, bits, high);
        }
    }

    private static ulong[][] ResolveElementSegments(ModuleInstance instance)
    {
        var segments = instance.Module.Description.Elements;
        var resolved = new ulong[segments.Count][];
        for (int i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var handles = new ulong[segment.Count];
            if (segment.FunctionIndices is { } indices)
            {
                for (int k = 0; k < indices.Length; k++) handles[k] = instance.Functions[indices[k]].Handle;
            }
            else
            {
                var expressions = segment.Expressions!;
                for (int k = 0; k < expressions.Length; k++) handles[k] = ConstantEvaluator.Evaluate(instance, expressions[k]).Bits;
            }
            resolved[i] = handles;
        }
        return resolved;
    }

    private static ReadOnlyMemory<byte>[] ResolveDataSegments(ModuleDescription description)
    {
        var resolved = new ReadOnlyMemory<byte>[description.Data.Count];
        for (int i = 0; i < resolved.Length; i++)
        {
            var segment = description.Data[i];
            resolved[i] = description.Bytes.Slice(segment.DataOffset, segment.DataLength);
        }
        return resolved;
    }

    /// <summary>
    /// spec 4.5.4 steps 13–15: table.init + elem.drop for each active element segment, elem.drop for each
    /// declarative one, then memory.init + data.drop for each active data segment, in order.
    /// </summary>
    private static void Initialize(ModuleInstance instance)
    {
        var description = instance.Module.Description;
        for (int i = 0; i < description.Elements.Count; i++)
        {
            var segment = description.Elements[i];
            if (segment.Mode == SegmentMode.Active)
            {
                uint offset = ConstantEvaluator.EvaluateOffset(instance, segment.Offset!.Value);
                var elements = instance.ElementSegments[i];
                var table = instance.Tables[segment.TableIndex];
                // spec 4.4.6 table.init: trap if the range does not fit, even when it is empty.
                if ((ulong)offset + (ulong)elements.Length > table.Size) Throw.Trap(TrapCode.TableOutOfBounds);
                Array.Copy(elements, 0, table.Elements, (int)offset, elements.Length);
                instance.ElementSegments[i] = [];
            }
            else if (segment.Mode == SegmentMode.Declarative)
            {
                instance.ElementSegments[i] = [];
            }
        }

        for (int i = 0; i < description.Data.Count; i++)
        {
            var segment = description.Data[i];
            if (segment.Mode != SegmentMode.Active) continue;
            uint offset = ConstantEvaluator.EvaluateOffset(instance, segment.Offset!.Value);
            var data = instance.DataSegments[i].Span;
            var memory = instance.Memories[segment.MemoryIndex];
            // spec 4.4.7 memory.init: trap if the range does not fit, even when it is empty.
            if ((ulong)offset + (ulong)data.Length > (ulong)memory.Bytes.Length) Throw.Trap(TrapCode.MemoryOutOfBounds);
            data.CopyTo(memory.Bytes.AsSpan((int)offset));
            instance.DataSegments[i] = ReadOnlyMemory<byte>.Empty;
        }
    }

    private static WasmLinkException Unknown(ImportDescription import) =>
        new($"unknown import: \"{import.ModuleName}\" \"{import.Name}\" is not defined");

    private static WasmLinkException Incompatible(ImportDescription import, ExternType expected, Extern actual) =>
        new($"incompatible import type for \"{import.ModuleName}\" \"{import.Name}\": expected {expected}, got {actual.ExternType}");

    private static WasmLinkException Incompatible(ImportDescription import, string reason) =>
        new($"incompatible import type for \"{import.ModuleName}\" \"{import.Name}\": {reason}");
}
