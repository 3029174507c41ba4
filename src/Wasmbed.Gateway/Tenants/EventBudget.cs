using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Gateway.Tenants;

/// <summary>
/// The per-event budget: what a store gets before each event, hook or rule call — the tenant's <c>fuelPerEvent</c> as
/// fuel and <c>eventDeadlineMs</c> as a deadline. Tenant engines meter fuel and are interruptible, so a runaway guest
/// traps (out of fuel or interrupted) and its worker moves on to the next event.
/// </summary>
internal static class EventBudget
{
    public static EngineOptions EngineOptions => new() { ConsumeFuel = true, Interruptible = true };

    public static Action<Store> Apply(TenantQuotas quotas) => store =>
    {
        store.Fuel = (ulong)quotas.FuelPerEvent;
        store.Timeout = TimeSpan.FromMilliseconds(quotas.EventDeadlineMs);
    };
}
