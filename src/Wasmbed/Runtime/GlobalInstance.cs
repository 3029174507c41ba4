namespace Wasmbed.Runtime;

/// <summary>
/// A global variable (spec 4.2.9). The value is kept as raw bits: i32/f32 zero-extended in
/// <see cref="Bits"/>, i64/f64 in <see cref="Bits"/>, v128 in <see cref="Bits"/> (low) and <see cref="HighBits"/>,
/// references as store handles (0 = null).
/// </summary>
internal sealed class GlobalInstance
{
    public GlobalInstance(GlobalType type, ulong bits = 0, ulong highBits = 0)
    {
        Type = type;
        Bits = bits;
        HighBits = highBits;
    }

    public GlobalType Type { get; }

    public ulong Bits;

    public ulong HighBits;

    /// <summary>The public wrapper, created on first use so that one global always has one <see cref="Global"/>.</summary>
    public Global? Wrapper { get; set; }
}
