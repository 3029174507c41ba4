using System.Diagnostics;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using Wasmbed.Device.Storage;
using Xunit.Abstractions;
using static Wasmbed.Tests.Device.AppsGuests;

namespace Wasmbed.Tests.Device;

/// <summary>
/// Power cuts during install, update and event handling: the real <c>wasmbed</c> command runs in a child process
/// and is killed, either by the test after a random delay or by itself (SIGKILL) at a random persistence step
/// (<see cref="CrashPoints"/>). After each cut a fresh manager recovers the state directory, and exactly one
/// complete, verified version of the app must run, with the kv data of a whole number of committed batches.
/// </summary>
public sealed class AppsPowerLossTests : IDisposable
{
    private const int Runs = 60, EventsBefore = 20, EventsSent = 40;

    private readonly AppsDevice _device = new();
    private readonly string _work;

    private readonly ITestOutputHelper _output;

    public AppsPowerLossTests(ITestOutputHelper output)
    {
        _output = output;
        _work = Path.Combine(_device.Directory, "runs");
    }

    public void Dispose() => _device.Dispose();

    private enum Operation { Install, Update, Send }

    [Fact]
    public void EveryCutLeavesOneCompleteVersionAndIntactData()
    {
        Directory.CreateDirectory(_work);
        string v1 = Path.Combine(_work, "v1.wbpkg"), v2 = Path.Combine(_work, "v2.wbpkg");
        File.WriteAllBytes(v1, _device.Signed("1.0.0", 1).ToBytes());
        File.WriteAllBytes(v2, _device.Signed("2.0.0", 2, new Flaws(MarkMigrated: true)).ToBytes());
        string empty = Path.Combine(_work, "template-empty"), installed = Path.Combine(_work, "template-v1");
        CopyDirectory(Path.Combine(_device.Directory, "trust"), Path.Combine(empty, "trust"));
        CopyDirectory(empty, installed);
        using (var manager = AppManager.Open(installed))
        {
            manager.Install(Package.Read(v1));
            for (int i = 1; i <= EventsBefore; i++) manager.Post(Name, Payload(i));
            Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(10)));
        }

        var random = new Random(20240611);
        int killed = 0;
        var outcomes = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        for (int run = 0; run < Runs; run++)
        {
            var operation = (Operation)(run % 3);
            var state = Path.Combine(_work, $"run-{run}");
            CopyDirectory(operation == Operation.Install ? empty : installed, state);
            string[] arguments = operation switch
            {
                Operation.Install => ["app", "install", v1],
                Operation.Update => ["app", "update", v2],
                _ => ["app", "send", Name, "--count", EventsSent.ToString()],
            };
            // Half the runs die at a chosen persistence step, half when the test pulls the plug after a random delay.
            bool selfKill = run % 2 == 0;
            int maxPoint = operation == Operation.Send ? 2 * EventsSent : 7;
            int? crashAt = selfKill ? random.Next(1, maxPoint + 1) : null;
            int delay = random.Next(0, 700);
            int exitCode = RunCli([.. arguments, "--state", state], crashAt, selfKill ? null : delay);
            if (exitCode != 0) killed++;

            string description = $"run {run} ({operation}, {(selfKill ? $"crash point {crashAt}" : $"killed after {delay} ms")}, exit {exitCode})";
            string outcome;
            try
            {
                outcome = Check(operation, state, description);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{description}: {e.Message}");
            }
            outcomes[$"{operation}:{outcome}"] = outcomes.GetValueOrDefault($"{operation}:{outcome}") + 1;
            Directory.Delete(state, recursive: true);
        }

        _output.WriteLine($"{Runs} runs in {clock.Elapsed.TotalSeconds:F1} s, {killed} cut short; active version after recovery: "
            + string.Join(", ", outcomes.OrderBy(o => o.Key).Select(o => $"{o.Key} x{o.Value}")));
        Assert.True(killed >= Runs / 2, $"only {killed} of {Runs} runs were cut short; the test would prove little");
        Assert.True(outcomes.ContainsKey("Update:1.0.0") && outcomes.ContainsKey("Update:2.0.0"), string.Join(", ", outcomes));
        Assert.True(outcomes.ContainsKey("Install:none") && outcomes.ContainsKey("Install:1.0.0"), string.Join(", ", outcomes));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"took {clock.Elapsed}");
    }

    /// <summary>Recovers the state directory and checks the invariants; returns the active version (or "none").</summary>
    private static string Check(Operation operation, string state, string run)
    {
        using var manager = AppManager.Open(state);
        var apps = manager.List();
        Assert.True(Directory.EnumerateFiles(state, "*" + DurableFile.TemporarySuffix, SearchOption.AllDirectories).All(_ => false), $"{run}: temporary files survived recovery");
        if (apps.Count == 0)
        {
            Assert.True(operation == Operation.Install, $"{run}: the app vanished");
            Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(state, "apps")));
            return "none";
        }
        var app = Assert.Single(apps);
        var data = manager.State(Name);
        long last = ReadInt(data, "last") ?? 0;
        switch (operation)
        {
            case Operation.Install:
                Assert.Equal(("1.0.0", null, 0L), (app.ActiveVersion, app.PreviousVersion, last));
                break;
            case Operation.Update:
                Assert.Contains(app.ActiveVersion, new[] { "1.0.0", "2.0.0" });
                Assert.Equal(app.ActiveVersion == "2.0.0" ? "1.0.0" : null, app.PreviousVersion);
                Assert.Equal(EventsBefore, last);
                // The migration's kv write committed with the switch to 2.0.0, never without it.
                Assert.Equal(app.ActiveVersion == "2.0.0" ? EventsBefore : null, ReadInt(data, "migrated"));
                break;
            case Operation.Send:
                Assert.Equal("1.0.0", app.ActiveVersion);
                Assert.InRange(last, EventsBefore, EventsBefore + EventsSent);
                Assert.Equal(last, app.LastHandledEvent); // the handler's writes and the event's record committed together
                break;
        }
        Assert.Equal((int)last, ReadInt(data, "count") ?? 0);
        var packages = Directory.GetFiles(Path.Combine(state, "apps", Name, "packages"));
        Assert.Equal(app.PreviousVersion is null ? 1 : 2, packages.Length);
        foreach (var file in packages) new PackageVerifier(manager.Trust).Verify(Package.Read(file));

        Assert.Empty(manager.BootAll());
        manager.Post(Name, Payload((int)last + 1));
        Assert.True(manager.WaitUntilIdle(Name, TimeSpan.FromSeconds(10)), $"{run}: the app does not serve");
        var after = manager.Get(Name);
        Assert.True(after.FailedEvents == 0, $"{run}: {after.LastError}");
        Assert.Equal((int)last + 1, ReadInt(data, "last"));
        return app.ActiveVersion;
    }

    /// <summary>Runs the wasmbed command; kills it after <paramref name="killAfterMs"/> if given. Returns the exit code.</summary>
    private static int RunCli(string[] arguments, int? crashAt, int? killAfterMs)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wasmbed.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (crashAt is { } point) start.Environment[CrashPoints.Variable] = point.ToString();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (killAfterMs is { } delay && !process.WaitForExit(delay))
            process.Kill(entireProcessTree: true);
        Assert.True(process.WaitForExit(30_000), "the wasmbed command hung");
        process.WaitForExit();
        if (process.ExitCode != 0 && crashAt is null && killAfterMs is null)
            Assert.Fail($"wasmbed {string.Join(' ', arguments)} failed: {error.Result}{output.Result}");
        return process.ExitCode;
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            if (Path.GetFileName(file) != "lock") File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
        foreach (var directory in Directory.EnumerateDirectories(from)) CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
    }
}
