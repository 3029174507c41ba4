namespace Wasmbed.Device.Apps;

/// <summary>
/// An app operation failed: an unknown app, a version that would not start, a failed health check. When an
/// update fails, <see cref="RolledBack"/> is true and the version that was serving keeps serving.
/// </summary>
public sealed class AppException : Exception
{
    public AppException(string message, Exception? inner = null, bool rolledBack = false) : base(message, inner) => RolledBack = rolledBack;

    /// <summary>True when a failed update was undone and the previous version still runs.</summary>
    public bool RolledBack { get; }
}
