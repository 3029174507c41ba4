using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

/// <summary>
/// Charges fuel, the same way on every tier: the interpreter and compiled code call these at the points
/// <see cref="FuelPlan"/> gives, with the costs of <see cref="FuelCosts"/>.
/// </summary>
internal static class FuelMeter
{
    /// <summary>Consumes <paramref name="cost"/> if that much is left; otherwise consumes nothing and returns false.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryCharge(Store store, long cost)
    {
        long left = store.FuelRemaining - cost;
        if (left < 0) return false;
        store.FuelRemaining = left;
        return true;
    }

    /// <summary>Consumes <paramref name="cost"/>, or traps with <see cref="TrapCode.OutOfFuel"/> (consuming nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Charge(Store store, long cost)
    {
        if (!TryCharge(store, cost)) Throw.Trap(TrapCode.OutOfFuel);
    }

    /// <summary>The dynamic charge of a bulk instruction (<see cref="FuelCosts.HasDynamicCost"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ChargeDynamic(Store store, uint count, int scale) => Charge(store, FuelCosts.Dynamic(count, scale));
}
