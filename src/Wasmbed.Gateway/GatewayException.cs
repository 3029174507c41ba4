namespace Wasmbed.Gateway;

/// <summary>What went wrong in the gateway, and the HTTP status the management API answers with.</summary>
public enum GatewayError
{
    BadRequest = 400,
    NotFound = 404,
    Conflict = 409,
    TooLarge = 413,
    TooManyRequests = 429,
    Unavailable = 503,
}

/// <summary>A configuration error or a refused request (an unknown tenant, a quota, a full queue).</summary>
public sealed class GatewayException : Exception
{
    public GatewayException(GatewayError error, string message, Exception? inner = null) : base(message, inner) => Error = error;

    public GatewayError Error { get; }

    public static GatewayException NotFound(string what) => new(GatewayError.NotFound, $"{what} not found");
}
