using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// The start (parameter) and end (result) types of a block, loop, if or function body (spec 3.2.3
/// block types). Empty and single-value block types use shared arrays, so creating one never allocates.
/// </summary>
internal readonly struct BlockSignature
{
    private static readonly ValueType[][] SingleTypes = CreateSingleTypes();

    public BlockSignature(IReadOnlyList<ValueType> parameters, IReadOnlyList<ValueType> results)
    {
        Parameters = parameters;
        Results = results;
    }

    public IReadOnlyList<ValueType> Parameters { get; }

    public IReadOnlyList<ValueType> Results { get; }

    /// <summary>The signature of a block type: [] -> [], [] -> [t], or a function type from the type section.</summary>
    public static bool TryCreate(BlockType blockType, ModuleDescription module, out BlockSignature signature)
    {
        switch (blockType.Kind)
        {
            case BlockTypeKind.Empty:
                signature = new BlockSignature(Array.Empty<ValueType>(), Array.Empty<ValueType>());
                return true;
            case BlockTypeKind.Value:
                signature = new BlockSignature(Array.Empty<ValueType>(), SingleTypes[(byte)blockType.ValueType]);
                return true;
            default:
                if (blockType.TypeIndex >= (uint)module.Types.Count)
                {
                    signature = default;
                    return false;
                }
                var type = module.Types[(int)blockType.TypeIndex];
                signature = new BlockSignature(type.Parameters, type.Results);
                return true;
        }
    }

    /// <summary>Whether the two type sequences are equal (needed for an <c>if</c> without <c>else</c>).</summary>
    public bool ParametersEqualResults()
    {
        if (Parameters.Count != Results.Count) return false;
        for (int i = 0; i < Parameters.Count; i++)
        {
            if (Parameters[i] != Results[i]) return false;
        }
        return true;
    }

    private static ValueType[][] CreateSingleTypes()
    {
        var lists = new ValueType[256][];
        foreach (var type in (ReadOnlySpan<ValueType>)[ValueType.I32, ValueType.I64, ValueType.F32, ValueType.F64, ValueType.V128, ValueType.FuncRef, ValueType.ExternRef])
            lists[(byte)type] = [type];
        return lists;
    }
}
