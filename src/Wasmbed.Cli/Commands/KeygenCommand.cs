using System.CommandLine;
using System.Text;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed keygen NAME</c>: makes a publisher key pair, NAME.key.pem (private, PKCS#8) and NAME.pub.pem (public, SPKI).</summary>
internal static class KeygenCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "file name prefix: writes NAME.key.pem and NAME.pub.pem" };
        var force = new Option<bool>("--force") { Description = "overwrite existing key files" };
        var command = new Command("keygen", "Make an ECDSA P-256 key pair for signing packages") { name, force };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            var prefix = result.GetValue(name)!;
            string privatePath = prefix + ".key.pem", publicPath = prefix + ".pub.pem";
            if (!result.GetValue(force) && (File.Exists(privatePath) || File.Exists(publicPath)))
                throw new CommandException($"{privatePath} or {publicPath} exists; pass --force to overwrite");
            using var key = SigningKey.Generate();
            File.WriteAllBytes(privatePath, []);
            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(privatePath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            File.WriteAllText(privatePath, key.ToPem(), Encoding.ASCII);
            File.WriteAllText(publicPath, key.PublicKey.ToPem(), Encoding.ASCII);
            Console.WriteLine($"private key: {privatePath}");
            Console.WriteLine($"public key:  {publicPath}");
            Console.WriteLine($"key id:      {key.PublicKey.Id}");
            return 0;
        }));
        return command;
    }
}
