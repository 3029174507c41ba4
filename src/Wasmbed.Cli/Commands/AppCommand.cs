using System.CommandLine;
using System.Text;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;

namespace Wasmbed.Cli.Commands;

/// <summary>
/// <c>wasmbed app install|update|rollback|remove|list|start|stop|send|trust … [--state DIR]</c>: manages the apps
/// of a device whose state lives in a directory (default ./device-state).
/// </summary>
internal static class AppCommand
{
    public static Command Create()
    {
        var command = new Command("app", "Manage the apps of a device (state in --state DIR, default ./device-state)");
        command.Subcommands.Add(PackageCommand("install", "Install a new app from a signed package and start it",
            (manager, package, _) => manager.Install(package)));
        var update = PackageCommand("update", "Update an installed app to a newer signed package (hot swap, automatic rollback on failure)",
            (manager, package, allowDowngrade) => manager.Update(package, allowDowngrade));
        command.Subcommands.Add(update);
        command.Subcommands.Add(NameCommand("rollback", "Go back to the app's previous version", (m, name) => m.Rollback(name)));
        command.Subcommands.Add(NameCommand("remove", "Stop and delete an app with its data", (m, name) => { m.Remove(name); return null; }));
        command.Subcommands.Add(NameCommand("start", "Start an app and record it as running", (m, name) => m.Start(name)));
        command.Subcommands.Add(NameCommand("stop", "Stop an app and record it as stopped", (m, name) => m.Stop(name)));
        command.Subcommands.Add(ListCommand());
        command.Subcommands.Add(SendCommand());
        command.Subcommands.Add(AppTrustCommand.Create());
        return command;
    }

    private static Command PackageCommand(string verb, string description, Func<AppManager, Package, bool, AppInfo> act)
    {
        var package = new Argument<string>("package") { Description = "package file (.wbpkg)" };
        var state = AppCommandErrors.StateOption();
        var command = new Command(verb, description) { package, state };
        Option<bool>? allowDowngrade = null;
        if (verb == "update")
        {
            allowDowngrade = new Option<bool>("--allow-downgrade") { Description = "accept a version not newer than the installed one" };
            command.Options.Add(allowDowngrade);
        }
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            var read = Package.Read(result.GetValue(package)!);
            using var manager = AppManager.Open(result.GetValue(state)!);
            var info = act(manager, read, allowDowngrade is not null && result.GetValue(allowDowngrade));
            Console.WriteLine($"{verb}: {info}");
            return 0;
        }));
        return command;
    }

    private static Command NameCommand(string verb, string description, Func<AppManager, string, AppInfo?> act)
    {
        var name = new Argument<string>("name") { Description = "app name" };
        var state = AppCommandErrors.StateOption();
        var command = new Command(verb, description) { name, state };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            using var manager = AppManager.Open(result.GetValue(state)!);
            var app = result.GetValue(name)!;
            var info = act(manager, app);
            Console.WriteLine(info is null ? $"{verb}: {app}" : $"{verb}: {info}");
            return 0;
        }));
        return command;
    }

    private static Command ListCommand()
    {
        var state = AppCommandErrors.StateOption();
        var command = new Command("list", "List the installed apps") { state };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            using var manager = AppManager.Open(result.GetValue(state)!);
            var apps = manager.List();
            if (apps.Count == 0)
            {
                Console.WriteLine("no apps installed");
                return 0;
            }
            Console.WriteLine($"{"NAME",-24} {"VERSION",-14} {"PREVIOUS",-14} {"STATE",-8} LAST EVENT");
            foreach (var app in apps)
                Console.WriteLine($"{app.Name,-24} {app.ActiveVersion,-14} {app.PreviousVersion ?? "-",-14} {(app.Running ? "running" : "stopped"),-8} {app.LastHandledEvent}");
            return 0;
        }));
        return command;
    }

    private static Command SendCommand()
    {
        var name = new Argument<string>("name") { Description = "app name" };
        var data = new Option<string>("--data") { Description = "event payload (UTF-8 text)", DefaultValueFactory = _ => "" };
        var count = new Option<int>("--count") { Description = "how many events to send", DefaultValueFactory = _ => 1 };
        var state = AppCommandErrors.StateOption();
        var command = new Command("send", "Start the app if needed, deliver events to it and wait until they are handled") { name, data, count, state };
        command.SetAction(result => AppCommandErrors.Run(() =>
        {
            using var manager = AppManager.Open(result.GetValue(state)!);
            var app = result.GetValue(name)!;
            manager.Start(app);
            var payload = Encoding.UTF8.GetBytes(result.GetValue(data)!);
            for (int i = 0; i < result.GetValue(count); i++) manager.Post(app, payload);
            manager.WaitUntilIdle(app, TimeSpan.FromMinutes(5));
            var info = manager.Get(app);
            Console.WriteLine($"send: {info}; last event {info.LastHandledEvent}, {info.FailedEvents} failed"
                + (info.LastError is { } error ? $" (last error: {error})" : ""));
            return info.FailedEvents == 0 ? 0 : 1;
        }));
        return command;
    }
}
