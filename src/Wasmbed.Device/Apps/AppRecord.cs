namespace Wasmbed.Device.Apps;

/// <summary>Keys of the manager's record of an app, kept in the app's state journal beside its kv data.</summary>
internal static class AppRecord
{
    /// <summary>The active version and its package file (relative to the app directory). Present once installed.</summary>
    public const string ActiveVersion = "active.version", ActivePackage = "active.package";

    /// <summary>The version before the active one, kept for rollback.</summary>
    public const string PreviousVersion = "previous.version", PreviousPackage = "previous.package";

    /// <summary>"running" or "stopped": what the app should be after a restart.</summary>
    public const string RunState = "run";

    /// <summary>Sequence number of the last event handled.</summary>
    public const string LastEvent = "event.last";

    public const string Running = "running", Stopped = "stopped";
}
