namespace Wasmbed.Validation;

/// <summary>
/// The validator's operand stack of value types (spec appendix "Validation Algorithm"). It only stores
/// and removes types; the rules about frame heights and the polymorphic stack after an unconditional
/// branch live in <see cref="FunctionValidator"/>, which owns the control frames. Reused from one
/// function to the next, so it grows once and then never allocates.
/// </summary>
internal sealed class OperandStack
{
    /// <summary>
    /// The bottom type that a polymorphic (unreachable) stack yields when popped below the frame height.
    /// It matches every type. No binary encoding uses 0, so it cannot clash with a real value type.
    /// </summary>
    public const ValueType Unknown = 0;

    private ValueType[] _items = new ValueType[64];
    private int _count;

    public int Count => _count;

    public void Push(ValueType type)
    {
        if (_count == _items.Length) Array.Resize(ref _items, _items.Length * 2);
        _items[_count++] = type;
    }

    /// <summary>Removes and returns the top type; the caller has checked that the stack is above the frame height.</summary>
    public ValueType Pop() => _items[--_count];

    /// <summary>Drops every type above <paramref name="height"/> (spec: <c>unreachable()</c> resets the stack to the frame height).</summary>
    public void Truncate(int height) => _count = height;

    public void Clear() => _count = 0;
}
