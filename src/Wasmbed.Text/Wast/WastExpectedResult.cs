namespace Wasmbed.Text;

/// <summary>How an expected result of <c>assert_return</c> is compared.</summary>
public enum WastResultKind
{
    /// <summary>Bit-exact equality with <see cref="WastExpectedResult.Value"/> (floats compare bits, so <c>nan</c> means the positive canonical NaN exactly).</summary>
    Exact,

    /// <summary><c>nan:canonical</c>: an f32/f64 canonical NaN of either sign (spec 4.3.3).</summary>
    CanonicalNan,

    /// <summary><c>nan:arithmetic</c>: an f32/f64 NaN with the quiet bit set, any sign and payload.</summary>
    ArithmeticNan,

    /// <summary>A v128 compared lane by lane in <see cref="WastExpectedResult.Shape"/>, each lane per its <see cref="WastLanePattern"/>.</summary>
    Vector,

    /// <summary><c>(ref.extern)</c> or <c>(ref.func)</c> without an index: any non-null reference of that type.</summary>
    NonNullReference,
}

/// <summary>The lane interpretation of a v128 constant (spec 6.5.7).</summary>
public enum WastVectorShape
{
    I8x16,
    I16x8,
    I32x4,
    I64x2,
    F32x4,
    F64x2,
}

/// <summary>How one lane of an expected v128 is compared.</summary>
public enum WastLaneKind
{
    /// <summary>The lane's bits must equal <see cref="WastLanePattern.Bits"/>.</summary>
    Exact,
    CanonicalNan,
    ArithmeticNan,
}

/// <summary>An expected lane: a kind and, for <see cref="WastLaneKind.Exact"/>, the lane's bits (zero-extended).</summary>
public readonly record struct WastLanePattern(WastLaneKind Kind, ulong Bits);

/// <summary>One expected result of <c>assert_return</c>.</summary>
public sealed class WastExpectedResult
{
    private WastExpectedResult(WastResultKind kind, ValueType type, WastValue value, WastVectorShape shape, WastLanePattern[] lanes)
    {
        Kind = kind;
        Type = type;
        Value = value;
        Shape = shape;
        Lanes = lanes;
    }

    public WastResultKind Kind { get; }

    /// <summary>The type the actual result must have.</summary>
    public ValueType Type { get; }

    /// <summary>For <see cref="WastResultKind.Exact"/>: the value; for <see cref="WastResultKind.Vector"/>: the lanes' bits with NaN-pattern lanes as zero.</summary>
    public WastValue Value { get; }

    /// <summary>For <see cref="WastResultKind.Vector"/>: how the lanes are read.</summary>
    public WastVectorShape Shape { get; }

    /// <summary>For <see cref="WastResultKind.Vector"/>: one pattern per lane, lane 0 first.</summary>
    public IReadOnlyList<WastLanePattern> Lanes { get; }

    public static WastExpectedResult Exact(WastValue value) => new(WastResultKind.Exact, value.Type, value, default, []);

    public static WastExpectedResult Nan(ValueType floatType, bool canonical) =>
        new(canonical ? WastResultKind.CanonicalNan : WastResultKind.ArithmeticNan, floatType, default, default, []);

    public static WastExpectedResult NonNull(ValueType referenceType) =>
        new(WastResultKind.NonNullReference, referenceType, default, default, []);

    public static WastExpectedResult Vector(WastVectorShape shape, WastLanePattern[] lanes)
    {
        int bits = LaneBits(shape);
        UInt128 value = 0;
        for (int i = 0; i < lanes.Length; i++)
        {
            if (lanes[i].Kind == WastLaneKind.Exact) value |= (UInt128)lanes[i].Bits << (i * bits);
        }
        return new(WastResultKind.Vector, ValueType.V128, WastValue.V128((ulong)value, (ulong)(value >> 64)), shape, lanes);
    }

    /// <summary>Lane width in bits of a shape.</summary>
    public static int LaneBits(WastVectorShape shape) => shape switch
    {
        WastVectorShape.I8x16 => 8,
        WastVectorShape.I16x8 => 16,
        WastVectorShape.I32x4 or WastVectorShape.F32x4 => 32,
        _ => 64,
    };

    /// <summary>Whether <paramref name="actual"/> satisfies this expectation (spec test-suite semantics).</summary>
    public bool Matches(WastValue actual)
    {
        if (actual.Type != Type) return false;
        switch (Kind)
        {
            case WastResultKind.Exact:
                return actual == Value;
            case WastResultKind.CanonicalNan:
            case WastResultKind.ArithmeticNan:
                return IsNan(actual.Bits, Type == ValueType.F32 ? 32 : 64, Kind == WastResultKind.CanonicalNan);
            case WastResultKind.NonNullReference:
                return !actual.IsNull;
            case WastResultKind.Vector:
            {
                int bits = LaneBits(Shape);
                UInt128 all = ((UInt128)actual.HighBits << 64) | actual.Bits;
                ulong mask = bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
                for (int i = 0; i < Lanes.Count; i++)
                {
                    ulong lane = (ulong)(all >> (i * bits)) & mask;
                    var pattern = Lanes[i];
                    bool ok = pattern.Kind switch
                    {
                        WastLaneKind.Exact => lane == pattern.Bits,
                        _ => IsNan(lane, bits, pattern.Kind == WastLaneKind.CanonicalNan),
                    };
                    if (!ok) return false;
                }
                return true;
            }
            default:
                return false;
        }
    }

    // spec 4.3.3: canonical NaN has only the quiet bit of the payload set; arithmetic NaN at least that bit
    private static bool IsNan(ulong bits, int width, bool canonical)
    {
        int mantissaBits = width == 32 ? 23 : 52;
        ulong exponentMask = width == 32 ? 0x7F80_0000UL : 0x7FF0_0000_0000_0000UL;
        ulong quiet = 1UL << (mantissaBits - 1);
        ulong payload = bits & ((1UL << mantissaBits) - 1);
        if ((bits & exponentMask) != exponentMask) return false;
        return canonical ? payload == quiet : (payload & quiet) != 0;
    }

    public override string ToString() => Kind switch
    {
        WastResultKind.Exact => Value.ToString(),
        WastResultKind.CanonicalNan => $"({Type.ToText()}.const nan:canonical)",
        WastResultKind.ArithmeticNan => $"({Type.ToText()}.const nan:arithmetic)",
        WastResultKind.NonNullReference => Type == ValueType.FuncRef ? "(ref.func)" : "(ref.extern)",
        _ => $"(v128.const {Shape.ToString().ToLowerInvariant()} {string.Join(" ", Lanes.Select(l => l.Kind == WastLaneKind.Exact ? $"0x{l.Bits:x}" : l.Kind == WastLaneKind.CanonicalNan ? "nan:canonical" : "nan:arithmetic"))})",
    };
}
