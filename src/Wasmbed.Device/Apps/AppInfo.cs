namespace Wasmbed.Device.Apps;

/// <summary>What <see cref="AppManager.List"/> reports about one installed app.</summary>
public sealed record AppInfo(
    string Name,
    string ActiveVersion,
    string? PreviousVersion,
    bool Running,
    string? ServingVersion,
    long LastHandledEvent,
    long PendingEvents,
    long FailedEvents,
    string? LastError)
{
    public override string ToString() =>
        $"{Name} {ActiveVersion} {(Running ? "running" : "stopped")}" + (PreviousVersion is null ? "" : $" (previous {PreviousVersion})");
}
