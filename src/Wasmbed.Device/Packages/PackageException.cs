namespace Wasmbed.Device.Packages;

/// <summary>Why a package was refused: one value per check, so callers and tests can tell the refusals apart.</summary>
public enum PackageRefusal
{
    /// <summary>The container is not a well-formed package file.</summary>
    Malformed,
    /// <summary>The manifest is well-formed JSON but breaks a manifest rule (name, version, limits...).</summary>
    InvalidManifest,
    /// <summary>The package carries no signature.</summary>
    Unsigned,
    /// <summary>The signing key is not in the device's trust store.</summary>
    UnknownKey,
    /// <summary>The signing key is on the trust store's revocation list.</summary>
    RevokedKey,
    /// <summary>The signature does not verify: the manifest was altered or another key signed it.</summary>
    BadSignature,
    /// <summary>The module bytes do not hash to the manifest's SHA-256.</summary>
    ModuleHashMismatch,
    /// <summary>The version is not newer than the installed one and no rollback was asked for.</summary>
    Downgrade,
    /// <summary>The app targets a host ABI this device does not provide.</summary>
    UnsupportedAbi,
    /// <summary>The module is not valid WebAssembly or lacks an entry point the manifest names.</summary>
    InvalidModule,
    /// <summary>The app requests or imports something the device policy does not grant.</summary>
    CapabilityDenied,
}

/// <summary>A package was refused before any of it ran; the message says which check failed.</summary>
public sealed class PackageException : Exception
{
    public PackageException(PackageRefusal refusal, string message, Exception? inner = null)
        : base(message, inner) => Refusal = refusal;

    /// <summary>The check that failed.</summary>
    public PackageRefusal Refusal { get; }
}
