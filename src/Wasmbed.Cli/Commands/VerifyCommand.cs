using System.CommandLine;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary>
/// <c>wasmbed verify PACKAGE (--trust DIR | --key PUB.pem | --state DIR)</c>: checks a package as a device
/// would (signature, trusted and unrevoked key, module hash) and prints its manifest.
/// </summary>
internal static class VerifyCommand
{
    public static Command Create()
    {
        var package = new Argument<string>("package") { Description = "package file" };
        var trust = new Option<string?>("--trust") { Description = "trust store directory (keys/*.pem and revoked)" };
        var key = new Option<string?>("--key") { Description = "a publisher public key (PEM) to trust" };
        var state = new Option<string?>("--state") { Description = "a device state directory: use its trust store" };
        var command = new Command("verify", "Check a package's signature and module hash") { package, trust, key, state };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            string? trustDirectory = result.GetValue(trust) ?? (result.GetValue(state) is { } s ? Path.Combine(s, "trust") : null);
            var keyPath = result.GetValue(key);
            if ((trustDirectory is null) == (keyPath is null))
                throw new CommandException("give exactly one of --trust DIR, --state DIR or --key PUB.pem");
            TrustStore store;
            if (keyPath is not null)
            {
                // A throwaway store holding just this key.
                var temporary = Path.Combine(Path.GetTempPath(), "wasmbed-verify-" + Guid.NewGuid().ToString("N"));
                store = TrustStore.Open(temporary);
                store.Add(PublisherKey.FromPem(File.ReadAllText(keyPath)));
                Directory.Delete(temporary, recursive: true);
            }
            else
            {
                store = TrustStore.Open(trustDirectory!);
            }
            var read = Package.Read(result.GetValue(package)!);
            var signer = new PackageVerifier(store).Verify(read);
            Console.WriteLine(ManifestJson.ToDisplayText(read.Manifest));
            Console.WriteLine($"verified: {read.Manifest} signed by {signer.Id}");
            return 0;
        }));
        return command;
    }
}
