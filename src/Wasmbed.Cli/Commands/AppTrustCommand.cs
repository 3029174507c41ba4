using System.CommandLine;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary><c>wasmbed app trust add PUB.pem | revoke KEY | list</c>: the device's trusted publisher keys and revocation list.</summary>
internal static class AppTrustCommand
{
    public static Command Create()
    {
        var command = new Command("trust", "Manage the device's trusted publisher keys");

        var addKey = new Argument<string>("key") { Description = "public key (PEM, SPKI)" };
        var addState = AppCommandErrors.StateOption();
        var add = new Command("add", "Trust a publisher's public key") { addKey, addState };
        add.SetAction(result => AppCommandErrors.Run(() =>
        {
            var store = Open(result.GetValue(addState)!);
            var key = PublisherKey.FromPem(File.ReadAllText(result.GetValue(addKey)!));
            store.Add(key);
            Console.WriteLine($"trusted {key.Id}" + (store.IsRevoked(key.Id) ? " (but it is revoked)" : ""));
            return 0;
        }));

        var revokeKey = new Argument<string>("key") { Description = "key id (at least 8 hex digits) or public key file (PEM)" };
        var revokeState = AppCommandErrors.StateOption();
        var revoke = new Command("revoke", "Put a key on the revocation list: its packages are refused from now on") { revokeKey, revokeState };
        revoke.SetAction(result => AppCommandErrors.Run(() =>
        {
            var store = Open(result.GetValue(revokeState)!);
            var given = result.GetValue(revokeKey)!;
            string id;
            try
            {
                id = File.Exists(given) ? PublisherKey.FromPem(File.ReadAllText(given)).Id : store.ResolveKeyId(given);
            }
            catch (ArgumentException e)
            {
                throw new CommandException(e.Message);
            }
            store.Revoke(id);
            Console.WriteLine($"revoked {id}");
            return 0;
        }));

        var listState = AppCommandErrors.StateOption();
        var list = new Command("list", "List trusted and revoked keys") { listState };
        list.SetAction(result => AppCommandErrors.Run(() =>
        {
            var store = Open(result.GetValue(listState)!);
            foreach (var key in store.Keys.OrderBy(k => k.Id, StringComparer.Ordinal))
                Console.WriteLine($"{key.Id} {(store.IsRevoked(key.Id) ? "revoked" : "trusted")}");
            foreach (var id in store.Revoked.Where(id => store.Find(id) is null).Order(StringComparer.Ordinal))
                Console.WriteLine($"{id} revoked");
            return 0;
        }));

        command.Subcommands.Add(add);
        command.Subcommands.Add(revoke);
        command.Subcommands.Add(list);
        return command;
    }

    private static TrustStore Open(string state) => TrustStore.Open(Path.Combine(state, "trust"));
}
