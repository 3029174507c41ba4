using System.CommandLine;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary>
/// <c>wasmbed pack MODULE --manifest FILE -o OUT [--key KEY.pem]</c>: builds a package from a module (.wasm or
/// .wat) and a manifest a person wrote; fills in the module's digest and the entry points it exports.
/// </summary>
internal static class PackCommand
{
    public static Command Create()
    {
        var module = new Argument<string>("module") { Description = "the app's module (.wasm or .wat)" };
        var manifest = new Option<string>("--manifest", "-m") { Description = "manifest JSON (name, version, abiVersion, capabilities, limits, entryPoints)", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "package file to write", Required = true };
        var key = new Option<string?>("--key") { Description = "private key (PEM) to sign with; unsigned without" };
        var command = new Command("pack", "Build an app package from a module and a manifest") { module, manifest, output, key };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            var bytes = ModuleSource.ReadBytes(result.GetValue(module)!);
            var authored = ManifestJson.ParseAuthored(File.ReadAllBytes(result.GetValue(manifest)!));
            ManifestRules.Check(authored, requireModuleDigest: false);
            using var engine = new Engine();
            using var compiled = Module.FromBytes(engine, bytes);
            var package = Package.Create(EntryPointRules.Resolve(authored, compiled), bytes);
            if (result.GetValue(key) is { } keyPath)
            {
                using var signingKey = SigningKey.FromPem(File.ReadAllText(keyPath));
                package = package.SignWith(signingKey);
            }
            var target = result.GetValue(output)!;
            File.WriteAllBytes(target, package.ToBytes());
            Console.WriteLine($"{target}: {package.Manifest}, module {package.Manifest.Module!.Size} bytes, sha256 {package.Manifest.Module.Sha256}"
                + (package.Signature is { } s ? $", signed by {s.KeyId[..16]}" : ", unsigned"));
            return 0;
        }));
        return command;
    }
}
