using System.Globalization;
using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// A WebAssembly value of any type, as the host sees it: numbers as their bits, v128 as two 64-bit halves,
/// a funcref as a <see cref="Function"/> (or null), an externref as any host object (or null).
/// </summary>
/// <remarks>
/// Equality compares the type and the bits (so NaNs with the same payload are equal), funcrefs by
/// identity of the function and externrefs with <see cref="object.Equals(object, object)"/>.
/// </remarks>
public readonly struct Value : IEquatable<Value>
{
    private readonly ulong _bits;
    private readonly ulong _highBits;
    private readonly object? _reference;

    private Value(ValueType type, ulong bits, ulong highBits = 0, object? reference = null)
    {
        Type = type;
        _bits = bits;
        _highBits = highBits;
        _reference = reference;
    }

    /// <summary>The value's type.</summary>
    public ValueType Type { get; }

    /// <summary>An i32 value.</summary>
    public static Value I32(int value) => new(ValueType.I32, (uint)value);

    /// <summary>An i64 value.</summary>
    public static Value I64(long value) => new(ValueType.I64, (ulong)value);

    /// <summary>An f32 value (NaN payloads are kept).</summary>
    public static Value F32(float value) => new(ValueType.F32, BitConverter.SingleToUInt32Bits(value));

    /// <summary>An f64 value (NaN payloads are kept).</summary>
    public static Value F64(double value) => new(ValueType.F64, BitConverter.DoubleToUInt64Bits(value));

    /// <summary>An f32 value from its IEEE 754 bits.</summary>
    public static Value F32FromBits(uint bits) => new(ValueType.F32, bits);

    /// <summary>An f64 value from its IEEE 754 bits.</summary>
    public static Value F64FromBits(ulong bits) => new(ValueType.F64, bits);

    /// <summary>A v128 value.</summary>
    public static Value V128(V128 value) => new(ValueType.V128, value.Low, value.High);

    /// <summary>A funcref: a function of the store it will be used in, or null.</summary>
    public static Value FuncRef(Function? function) => new(ValueType.FuncRef, 0, 0, function);

    /// <summary>An externref: any host object, or null.</summary>
    public static Value ExternRef(object? value) => new(ValueType.ExternRef, 0, 0, value);

    /// <summary>The null reference of a reference type.</summary>
    public static Value Null(ValueType type)
    {
        if (!type.IsReference()) throw new ArgumentException($"{type.ToText()} is not a reference type", nameof(type));
        return new Value(type, 0);
    }

    /// <summary>The default value of a type (spec 4.2.1): zero, or null for references.</summary>
    public static Value Default(ValueType type) => type switch
    {
        ValueType.I32 or ValueType.I64 or ValueType.F32 or ValueType.F64 or ValueType.V128
            or ValueType.FuncRef or ValueType.ExternRef => new Value(type, 0),
        _ => throw new ArgumentException($"unknown value type 0x{(byte)type:x2}", nameof(type)),
    };

    /// <summary>True for a null funcref or externref.</summary>
    public bool IsNull => Type.IsReference() && _reference is null;

    /// <summary>The i32 value as signed.</summary>
    public int AsInt32() => (int)(uint)Expect(ValueType.I32);

    /// <summary>The i32 value as unsigned.</summary>
    public uint AsUInt32() => (uint)Expect(ValueType.I32);

    /// <summary>The i64 value as signed.</summary>
    public long AsInt64() => (long)Expect(ValueType.I64);

    /// <summary>The i64 value as unsigned.</summary>
    public ulong AsUInt64() => Expect(ValueType.I64);

    /// <summary>The f32 value.</summary>
    public float AsSingle() => BitConverter.UInt32BitsToSingle((uint)Expect(ValueType.F32));

    /// <summary>The f64 value.</summary>
    public double AsDouble() => BitConverter.UInt64BitsToDouble(Expect(ValueType.F64));

    /// <summary>The bits of an f32 value.</summary>
    public uint AsSingleBits() => (uint)Expect(ValueType.F32);

    /// <summary>The bits of an f64 value.</summary>
    public ulong AsDoubleBits() => Expect(ValueType.F64);

    /// <summary>The v128 value.</summary>
    public V128 AsV128() => new(Expect(ValueType.V128), _highBits);

    /// <summary>The function of a funcref (null for ref.null func).</summary>
    public Function? AsFunction()
    {
        Expect(ValueType.FuncRef);
        return (Function?)_reference;
    }

    /// <summary>The host object of an externref (null for ref.null extern).</summary>
    public object? AsExternRef()
    {
        Expect(ValueType.ExternRef);
        return _reference;
    }

    private ulong Expect(ValueType type)
    {
        if (Type != type) throw new InvalidCastException($"the value is {Type.ToText()}, not {type.ToText()}");
        return _bits;
    }

    /// <summary>An i32 value; lets <c>function.Invoke(1, 2)</c> pass plain numbers.</summary>
    public static implicit operator Value(int value) => I32(value);

    public static implicit operator Value(long value) => I64(value);

    public static implicit operator Value(float value) => F32(value);

    public static implicit operator Value(double value) => F64(value);

    public static implicit operator Value(V128 value) => V128(value);

    public bool Equals(Value other) =>
        Type == other.Type && _bits == other._bits && _highBits == other._highBits &&
        (Type == ValueType.FuncRef ? ReferenceEquals(_reference, other._reference) : Equals(_reference, other._reference));

    public override bool Equals(object? obj) => obj is Value other && Equals(other);

    public override int GetHashCode() =>
        HashCode.Combine(Type, _bits, _highBits, Type == ValueType.ExternRef ? _reference?.GetHashCode() ?? 0 : 0);

    public static bool operator ==(Value left, Value right) => left.Equals(right);

    public static bool operator !=(Value left, Value right) => !left.Equals(right);

    /// <summary>The value as in the text format, e.g. <c>i32:42</c>, <c>f64:1.5</c>, <c>funcref:null</c>.</summary>
    public override string ToString()
    {
        var inv = CultureInfo.InvariantCulture;
        string payload = Type switch
        {
            ValueType.I32 => AsInt32().ToString(inv),
            ValueType.I64 => AsInt64().ToString(inv),
            ValueType.F32 => AsSingle().ToString("R", inv),
            ValueType.F64 => AsDouble().ToString("R", inv),
            ValueType.V128 => $"0x{_highBits:x16}{_bits:x16}",
            ValueType.FuncRef => _reference is Function f ? f.ToString() : "null",
            ValueType.ExternRef => _reference?.ToString() ?? "null",
            _ => "?",
        };
        return $"{Type.ToText()}:{payload}";
    }

    // ---- Conversion to and from the raw representation used by globals, tables and slots. ----

    /// <summary>
    /// The raw bits of this value in <paramref name="store"/>: numbers as their bits, references as the store's handles.
    /// A funcref must belong to <paramref name="store"/>.
    /// </summary>
    internal (ulong Bits, ulong HighBits) ToRaw(Store store)
    {
        switch (Type)
        {
            case ValueType.FuncRef:
                if (_reference is not Function function) return (0, 0);
                if (function.Store != store) throw new ArgumentException("the function belongs to a different store");
                return (function.Inner.Handle, 0);
            case ValueType.ExternRef:
                return (store.GetExternHandle(_reference), 0);
            default:
                return (_bits, _highBits);
        }
    }

    /// <summary>The value of type <paramref name="type"/> whose raw bits in <paramref name="store"/> are given.</summary>
    internal static Value FromRaw(Store store, ValueType type, ulong bits, ulong highBits = 0) => type switch
    {
        ValueType.I32 or ValueType.F32 => new Value(type, (uint)bits),
        ValueType.I64 or ValueType.F64 => new Value(type, bits),
        ValueType.V128 => new Value(type, bits, highBits),
        ValueType.FuncRef => new Value(type, 0, 0, bits == 0 ? null : Function.Wrap(store.ResolveFunction(bits))),
        ValueType.ExternRef => new Value(type, 0, 0, bits == 0 ? null : store.ResolveReference(bits)),
        _ => throw new ArgumentException($"unknown value type 0x{(byte)type:x2}", nameof(type)),
    };

    /// <summary>Writes this value into <paramref name="slots"/> at <paramref name="index"/> (two slots for v128).</summary>
    internal void WriteSlots(Store store, Span<ulong> slots, ref int index)
    {
        var (bits, high) = ToRaw(store);
        slots[index++] = bits;
        if (Type == ValueType.V128) slots[index++] = high;
    }

    /// <summary>Reads a value of type <paramref name="type"/> from <paramref name="slots"/> at <paramref name="index"/>.</summary>
    internal static Value ReadSlots(Store store, ValueType type, ReadOnlySpan<ulong> slots, ref int index)
    {
        ulong bits = slots[index++];
        ulong high = type == ValueType.V128 ? slots[index++] : 0;
        return FromRaw(store, type, bits, high);
    }
}
