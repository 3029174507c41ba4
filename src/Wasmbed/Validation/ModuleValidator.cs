using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// Validates a decoded module (spec 3.4): the types of its imports, tables, memories and globals, its
/// segments, start function and exports, and then every function body with <see cref="FunctionValidator"/>.
/// Errors are <see cref="WasmValidationException"/>s carrying the spec test suite's wording; the few
/// conditions the spec classes as malformed (data count) are <see cref="WasmFormatException"/>s.
/// </summary>
public static class ModuleValidator
{
    public static void Validate(ModuleDescription module)
    {
        ArgumentNullException.ThrowIfNull(module);
        if (module.Codes.Count != module.FunctionTypeIndices.Count)
            Throw.Format("function and code section have inconsistent lengths", module.Codes.Count > 0 ? module.Codes[0].SourceOffset : 0);
        if (module.DataCount is { } dataCount && dataCount != (uint)module.Data.Count)
            Throw.Format("data count and data section have inconsistent lengths", module.Data.Count > 0 ? module.Data[0].SourceOffset : 0);

        ValidateImports(module);
        foreach (uint typeIndex in module.FunctionTypeIndices) RequireType(module, typeIndex);
        foreach (var table in module.Tables) ValidateTableType(table);
        foreach (var memory in module.Memories) ValidateMemoryType(memory);
        // spec 3.4.10: at most one memory in WebAssembly 2.0 (imported or defined).
        if (module.TotalMemoryCount > 1) Throw.Validation("multiple memories");

        // spec C.refs: functions referenced outside function bodies may be used by ref.func.
        var declaredFunctions = new bool[module.TotalFunctionCount];
        foreach (var global in module.Globals)
            ConstantExpressionValidator.Validate(module, global.Initializer, global.Type.ValueType, declaredFunctions);
        foreach (var segment in module.Elements) ValidateElementSegment(module, segment, declaredFunctions);
        foreach (var segment in module.Data) ValidateDataSegment(module, segment, declaredFunctions);
        ValidateStartFunction(module);
        ValidateExports(module, declaredFunctions);

        if (module.Codes.Count == 0) return;
        var validator = new FunctionValidator(module, declaredFunctions);
        for (int i = 0; i < module.Codes.Count; i++) validator.Validate(i);
    }

    private static void ValidateImports(ModuleDescription module)
    {
        foreach (var import in module.Imports)
        {
            switch (import.Kind)
            {
                case ExternalKind.Function: RequireType(module, import.TypeIndex); break;
                case ExternalKind.Table: ValidateTableType(import.Table!); break;
                case ExternalKind.Memory: ValidateMemoryType(import.Memory!); break;
            }
        }
    }

    private static void RequireType(ModuleDescription module, uint typeIndex)
    {
        if (typeIndex >= (uint)module.Types.Count) Throw.Validation($"unknown type {typeIndex}");
    }

    /// <summary>spec 3.2.4: table limits must have min ≤ max (both are u32, so within 2^32-1).</summary>
    private static void ValidateTableType(TableType table)
    {
        if (table.Limits.Maximum is { } max && table.Limits.Minimum > max)
            Throw.Validation("size minimum must not be greater than maximum");
    }

    /// <summary>spec 3.2.5: memory limits must lie within 65536 pages and have min ≤ max.</summary>
    private static void ValidateMemoryType(MemoryType memory)
    {
        var limits = memory.Limits;
        if (limits.Minimum > MemoryType.MaxPages || limits.Maximum > MemoryType.MaxPages)
            Throw.Validation("memory size must be at most 65536 pages (4GiB)");
        if (limits.Maximum is { } max && limits.Minimum > max)
            Throw.Validation("size minimum must not be greater than maximum");
    }

    /// <summary>spec 3.4.6: element expressions have the segment's type; an active segment's table has it too.</summary>
    private static void ValidateElementSegment(ModuleDescription module, ElementSegment segment, bool[] declaredFunctions)
    {
        if (segment.FunctionIndices is { } indices)
        {
            foreach (uint index in indices)
            {
                if (index >= (uint)module.TotalFunctionCount)
                    Throw.Validation($"unknown function {index}", -1, segment.SourceOffset);
                declaredFunctions[index] = true;
            }
        }
        else
        {
            foreach (var expression in segment.Expressions!)
                ConstantExpressionValidator.Validate(module, expression, segment.ElementType, declaredFunctions);
        }

        if (segment.Mode != SegmentMode.Active) return;
        if (segment.TableIndex >= (uint)module.TotalTableCount)
            Throw.Validation($"unknown table {segment.TableIndex}", -1, segment.SourceOffset);
        ConstantExpressionValidator.Validate(module, segment.Offset!.Value, ValueType.I32, declaredFunctions);
        if (module.GetTableType(segment.TableIndex).ElementType != segment.ElementType)
            Throw.Validation("type mismatch", -1, segment.SourceOffset);
    }

    /// <summary>spec 3.4.7: an active data segment needs its memory and an i32 constant offset.</summary>
    private static void ValidateDataSegment(ModuleDescription module, DataSegment segment, bool[] declaredFunctions)
    {
        if (segment.Mode != SegmentMode.Active) return;
        if (segment.MemoryIndex >= (uint)module.TotalMemoryCount)
            Throw.Validation($"unknown memory {segment.MemoryIndex}", -1, segment.SourceOffset);
        ConstantExpressionValidator.Validate(module, segment.Offset!.Value, ValueType.I32, declaredFunctions);
    }

    /// <summary>spec 3.4.8: the start function has type [] -> [].</summary>
    private static void ValidateStartFunction(ModuleDescription module)
    {
        if (module.StartFunction is not { } start) return;
        if (start >= (uint)module.TotalFunctionCount) Throw.Validation($"unknown function {start}");
        var type = module.GetFunctionType(start);
        if (type.Parameters.Count != 0 || type.Results.Count != 0) Throw.Validation("start function");
    }

    /// <summary>spec 3.4.10: exports name existing entities, under distinct names; exported functions are declared (C.refs).</summary>
    private static void ValidateExports(ModuleDescription module, bool[] declaredFunctions)
    {
        var names = new HashSet<string>(module.Exports.Count, StringComparer.Ordinal);
        foreach (var export in module.Exports)
        {
            int count = export.Kind switch
            {
                ExternalKind.Function => module.TotalFunctionCount,
                ExternalKind.Table => module.TotalTableCount,
                ExternalKind.Memory => module.TotalMemoryCount,
                _ => module.TotalGlobalCount,
            };
            if (export.Index >= (uint)count)
            {
                string kind = export.Kind switch
                {
                    ExternalKind.Function => "function",
                    ExternalKind.Table => "table",
                    ExternalKind.Memory => "memory",
                    _ => "global",
                };
                Throw.Validation($"unknown {kind} {export.Index}");
            }
            if (export.Kind == ExternalKind.Function) declaredFunctions[export.Index] = true;
            if (!names.Add(export.Name)) Throw.Validation("duplicate export name");
        }
    }
}
