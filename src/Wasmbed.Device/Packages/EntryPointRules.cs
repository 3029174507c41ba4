namespace Wasmbed.Device.Packages;

/// <summary>
/// The exports an app's entry points name, and their types. <c>wasmbed pack</c> fills in optional hooks the
/// module exports under their conventional names, so the signed manifest says exactly what the device calls.
/// </summary>
public static class EntryPointRules
{
    private static readonly FunctionType VoidToVoid = FunctionType.Empty;
    private static readonly FunctionType PointerLength = new([ValueType.I32, ValueType.I32], []);
    private static readonly FunctionType PointerLengthToStatus = new([ValueType.I32, ValueType.I32], [ValueType.I32]);
    private static readonly FunctionType LengthToPointer = new([ValueType.I32], [ValueType.I32]);
    private static readonly FunctionType VoidToStatus = new([], [ValueType.I32]);

    /// <summary>Conventional export names of the optional hooks.</summary>
    public const string StartName = "start", EventBufferName = "event_buffer", HealthName = "health",
        ExportStateName = "export_state", ImportStateName = "import_state";

    /// <summary>
    /// The manifest with every optional hook the manifest leaves out but the module exports under its conventional
    /// name filled in; then checked with <see cref="Check"/>.
    /// </summary>
    public static PackageManifest Resolve(PackageManifest manifest, Module module)
    {
        var e = manifest.EntryPoints;
        var resolved = new EntryPoints
        {
            Event = e.Event,
            Start = e.Start ?? Conventional(module, StartName),
            EventBuffer = e.EventBuffer ?? Conventional(module, EventBufferName),
            Health = e.Health ?? Conventional(module, HealthName),
            ExportState = e.ExportState ?? Conventional(module, ExportStateName),
            ImportState = e.ImportState ?? Conventional(module, ImportStateName),
        };
        var result = new PackageManifest
        {
            ManifestVersion = manifest.ManifestVersion, Name = manifest.Name, Version = manifest.Version,
            AbiVersion = manifest.AbiVersion, Description = manifest.Description, Capabilities = manifest.Capabilities,
            Limits = manifest.Limits, EntryPoints = resolved, Module = manifest.Module,
        };
        Check(result, module);
        return result;
    }

    /// <summary>Throws <see cref="PackageException"/> (<see cref="PackageRefusal.InvalidModule"/>) unless every named entry point is an export of the right type.</summary>
    public static void Check(PackageManifest manifest, Module module)
    {
        var e = manifest.EntryPoints;
        Require(module, "event", e.Event, PointerLength, PointerLengthToStatus);
        if (e.Start is { } start) Require(module, "start", start, VoidToVoid);
        if (e.EventBuffer is { } buffer) Require(module, "eventBuffer", buffer, LengthToPointer);
        if (e.Health is { } health) Require(module, "health", health, VoidToStatus);
        if (e.ExportState is { } export) Require(module, "exportState", export, VoidToVoid);
        if (e.ImportState is { } import) Require(module, "importState", import, VoidToVoid);
    }

    private static string? Conventional(Module module, string name) =>
        module.Exports.Any(x => x.Name == name && x.Type.Function is not null) ? name : null;

    private static void Require(Module module, string role, string name, params FunctionType[] types)
    {
        var export = module.Exports.FirstOrDefault(x => x.Name == name)
            ?? throw new PackageException(PackageRefusal.InvalidModule, $"entry point {role}: the module exports no \"{name}\"");
        if (export.Type.Function is not { } type || !types.Contains(type))
            throw new PackageException(PackageRefusal.InvalidModule,
                $"entry point {role}: \"{name}\" is {export.Type}, expected a function {string.Join(" or ", types.Select(t => t.ToString()))}");
    }
}
