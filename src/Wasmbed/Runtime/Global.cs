using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>A global variable: exported by an instance or created by the host (<see cref="Global(Store, GlobalType, Value)"/>).</summary>
public sealed class Global : Extern
{
    private Global(Store store, GlobalInstance inner) : base(store)
    {
        Inner = inner;
    }

    /// <summary>Creates a global of <paramref name="type"/> in <paramref name="store"/> holding <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value is not of the global's type, or is a function of another store.</exception>
    public Global(Store store, GlobalType type, Value value) : base(store)
    {
        CheckType(type.ValueType, value);
        var (bits, high) = value.ToRaw(store);
        Inner = new GlobalInstance(type, bits, high) { Wrapper = this };
    }

    internal GlobalInstance Inner { get; }

    internal override object InnerObject => Inner;

    internal static Global Wrap(Store store, GlobalInstance global) => global.Wrapper ??= new Global(store, global);

    public override ExternalKind Kind => ExternalKind.Global;

    public override ExternType ExternType => ExternType.Of(Type);

    /// <summary>The value type and mutability.</summary>
    public GlobalType Type => Inner.Type;

    /// <summary>The current value.</summary>
    /// <exception cref="InvalidOperationException">Setting an immutable global.</exception>
    /// <exception cref="ArgumentException">Setting a value of another type.</exception>
    public Value Value
    {
        get => Value.FromRaw(Store, Inner.Type.ValueType, Inner.Bits, Inner.HighBits);
        set
        {
            if (!Inner.Type.Mutable) throw new InvalidOperationException("the global is immutable");
            CheckType(Inner.Type.ValueType, value);
            (Inner.Bits, Inner.HighBits) = value.ToRaw(Store);
        }
    }

    private static void CheckType(ValueType type, Value value)
    {
        if (value.Type != type)
            throw new ArgumentException($"the value is {value.Type.ToText()}, the global holds {type.ToText()}", nameof(value));
    }

    public override string ToString() => $"global {Type} = {Value}";
}
