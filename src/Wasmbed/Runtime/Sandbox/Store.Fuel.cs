using Wasmbed.Runtime;

namespace Wasmbed;

public sealed partial class Store
{
    /// <summary>Fuel left; tiers charge it directly (see <see cref="FuelMeter"/>). Never negative.</summary>
    internal long FuelRemaining;

    /// <summary>
    /// The fuel left for WebAssembly code in this store (docs/sandbox.md has the cost model). A store starts with
    /// none; a call that needs more than is left traps with <see cref="TrapCode.OutOfFuel"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine was created without <see cref="EngineOptions.ConsumeFuel"/>.</exception>
    public ulong Fuel
    {
        get
        {
            ThrowIfNoFuel();
            return (ulong)FuelRemaining;
        }
        set
        {
            ThrowIfNoFuel();
            FuelRemaining = (long)Math.Min(value, long.MaxValue);
        }
    }

    /// <summary>The fuel left (same as <see cref="Fuel"/>).</summary>
    public ulong GetFuel() => Fuel;

    /// <summary>Adds <paramref name="fuel"/> to what is left (saturating at <see cref="long.MaxValue"/>).</summary>
    public void AddFuel(ulong fuel)
    {
        ThrowIfNoFuel();
        FuelRemaining = (long)Math.Min((ulong)FuelRemaining + Math.Min(fuel, long.MaxValue), long.MaxValue);
    }

    private void ThrowIfNoFuel()
    {
        if (!Engine.Options.ConsumeFuel)
            throw new InvalidOperationException("fuel is not enabled: create the engine with EngineOptions.ConsumeFuel = true");
    }
}
