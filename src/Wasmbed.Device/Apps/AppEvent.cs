namespace Wasmbed.Device.Apps;

/// <summary>One event for an app: its sequence number (per app, from 1, in posting order) and payload.</summary>
public readonly record struct AppEvent(long Sequence, ReadOnlyMemory<byte> Payload);
