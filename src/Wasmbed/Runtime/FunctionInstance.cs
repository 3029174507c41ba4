using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// A function in a store (spec 4.2.6): defined by a module instance or provided by the host.
/// <para>
/// Calling convention shared by every tier and host adapter ("slots"): arguments and results travel
/// in a <c>Span&lt;ulong&gt;</c>; each value takes one slot, except v128 which takes two (low then high).
/// i32 and f32 are stored as their 32 bits zero-extended, i64/f64 as their 64 bits, references as store
/// handles (0 = null). Results overwrite the arguments from slot 0; the span is at least
/// max(<see cref="ParameterSlots"/>, <see cref="ResultSlots"/>) long.
/// </para>
/// </summary>
internal abstract class FunctionInstance
{
    protected FunctionInstance(FunctionType type)
    {
        Type = type;
        ParameterSlots = SlotCount(type.Parameters);
        ResultSlots = SlotCount(type.Results);
    }

    /// <summary>The signature, interned by the engine so that equal types are the same object.</summary>
    public FunctionType Type { get; }

    public int ParameterSlots { get; }

    public int ResultSlots { get; }

    /// <summary>The store this function lives in, set when the store registers it.</summary>
    public Store? Store { get; internal set; }

    /// <summary>This function's reference handle in its store (never 0 once registered).</summary>
    public ulong Handle { get; internal set; }

    /// <summary>The public wrapper, created on first use so that one function always has one <see cref="Function"/>.</summary>
    public Function? Wrapper { get; set; }

    /// <summary>A name for messages: from the name section, the host definition, or null.</summary>
    public abstract string? DisplayName { get; }

    public static int SlotCount(IReadOnlyList<ValueType> types)
    {
        int count = 0;
        foreach (var type in types) count += type == ValueType.V128 ? 2 : 1;
        return count;
    }
}

/// <summary>A function defined by a module instance.</summary>
internal sealed class WasmFunction : FunctionInstance
{
    public WasmFunction(FunctionType type, ModuleInstance instance, uint functionIndex, int definedIndex)
        : base(type)
    {
        Instance = instance;
        FunctionIndex = functionIndex;
        DefinedIndex = definedIndex;
    }

    public ModuleInstance Instance { get; }

    /// <summary>Index in the defining module's function index space (imports first).</summary>
    public uint FunctionIndex { get; }

    /// <summary>Index among the module's defined functions (into the code section).</summary>
    public int DefinedIndex { get; }

    public FunctionBody Body => Instance.Module.Description.Codes[DefinedIndex];

    public string? Name => Instance.Module.Description.GetFunctionName(FunctionIndex);

    public override string? DisplayName => Name;
}

/// <summary>A function provided by the embedder.</summary>
internal abstract class HostFunction : FunctionInstance
{
    protected HostFunction(FunctionType type, string? name) : base(type)
    {
        Name = name;
    }

    public string? Name { get; }

    public override string? DisplayName => Name;

    /// <summary>
    /// Runs the host code; reads arguments from and writes results to <paramref name="slots"/>. An exception
    /// from host code that is not a <see cref="WasmException"/> leaves as a <see cref="TrapCode.HostError"/> trap.
    /// </summary>
    public abstract void Invoke(Caller caller, Span<ulong> slots);

    /// <summary>
    /// The same host code as a new, unregistered function, for another store (linker definitions are shared by
    /// stores). Host functions that the <see cref="Linker"/> never holds need not support it.
    /// </summary>
    public virtual HostFunction CopyForStore() =>
        throw new NotSupportedException($"{GetType().Name} cannot be copied into another store");

    /// <summary>The trap that reports an exception thrown by host code.</summary>
    public static TrapException HostError(Exception exception) => new(TrapCode.HostError, exception);
}
