using System.CommandLine;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed sign PACKAGE --key KEY.pem [-o OUT]</c>: signs (or re-signs) a package's manifest.</summary>
internal static class SignCommand
{
    public static Command Create()
    {
        var package = new Argument<string>("package") { Description = "package file" };
        var key = new Option<string>("--key") { Description = "private key (PEM)", Required = true };
        var output = new Option<string?>("--output", "-o") { Description = "where to write the signed package (default: in place)" };
        var command = new Command("sign", "Sign a package with a publisher's private key") { package, key, output };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            var path = result.GetValue(package)!;
            using var signingKey = SigningKey.FromPem(File.ReadAllText(result.GetValue(key)!));
            var signed = Package.Read(path).SignWith(signingKey);
            var target = result.GetValue(output) ?? path;
            File.WriteAllBytes(target, signed.ToBytes());
            Console.WriteLine($"{target}: {signed.Manifest} signed by {signingKey.PublicKey.Id}");
            return 0;
        }));
        return command;
    }
}
