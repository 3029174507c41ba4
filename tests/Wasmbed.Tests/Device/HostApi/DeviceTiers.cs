using Wasmbed.Compiler;

namespace Wasmbed.Tests.Device.HostApi;

/// <summary>
/// Every execution tier the engine has, for the device acceptance tests ("works on every tier that exists"):
/// host calls reach the caller's memory through <see cref="Caller"/> whether the guest is interpreted or compiled.
/// </summary>
internal static class DeviceTiers
{
    public static readonly ExecutionTier[] Tiers = [ExecutionTier.Interpreter, ExecutionTier.Compiler, ExecutionTier.Tiered];

    public static TheoryData<ExecutionTier> All => new(Tiers);

    /// <summary>
    /// An engine running <paramref name="tier"/>. Tiered compiles a module after its first call (in the background),
    /// so a test's later calls usually run compiled code and its first ones interpreted.
    /// </summary>
    public static Engine Engine(ExecutionTier tier) => tier == ExecutionTier.Interpreter
        ? new Engine(new EngineOptions { Tier = tier })
        : new Engine(new EngineOptions { Tier = tier, Compiler = new IlCompiler { TierUpAfterCalls = 1 } });
}
