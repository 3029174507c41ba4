namespace Wasmbed.Device.Capabilities;

/// <summary>An app asks for, or imports, something it was not granted. The message names the first such import or resource.</summary>
public sealed class CapabilityException : Exception
{
    public CapabilityException(string message) : base(message) { }

    public CapabilityException(string message, Exception inner) : base(message, inner) { }
}
