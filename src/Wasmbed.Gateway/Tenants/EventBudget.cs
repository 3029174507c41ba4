using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Gateway.Tenants;

/// <summary>
/// The per-event budget seam: what a store gets before each event or rule call (the tenant's <c>fuelPerEvent</c> and
/// <c>eventDeadlineMs</c>). The engine on main has no fuel metering or interruption yet (they are being built on
/// h/sandbox: <c>EngineOptions.ConsumeFuel/Interruptible</c>, <c>Store.Fuel</c>, <c>Store.Timeout</c>), so today this
/// returns null and a runaway guest is contained only by its own worker thread; when they land, this sets both.
/// </summary>
internal static class EventBudget
{
    public static Action<Store>? Apply(TenantQuotas quotas)
    {
        _ = quotas;
        return null;
    }
}
