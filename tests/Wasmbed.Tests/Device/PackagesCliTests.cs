using System.Diagnostics;
using static Wasmbed.Tests.Device.AppsGuests;

namespace Wasmbed.Tests.Device;

/// <summary>The package and app commands end to end, through the real <c>wasmbed</c> command in a child process.</summary>
public sealed class PackagesCliTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "wasmbed-cli-" + Guid.NewGuid().ToString("N"));

    public PackagesCliTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void KeygenPackSignVerifyInstallUpdateList()
    {
        File.WriteAllText(Path.Combine(_directory, "counter.wat"), CounterWat(1));
        File.WriteAllText(Path.Combine(_directory, "counter2.wat"), CounterWat(2));
        File.WriteAllText(Path.Combine(_directory, "manifest.json"), """
            { // the counter app
              "name": "counter", "version": "1.0.0", "abiVersion": 1,
              "capabilities": ["kv"], "limits": { "memoryPages": 2 },
            }
            """);
        File.WriteAllText(Path.Combine(_directory, "manifest2.json"), """{ "name": "counter", "version": "1.1.0", "abiVersion": 1, "capabilities": ["kv"], "limits": { "memoryPages": 2 } }""");

        Assert.Contains("key id:", Ok("keygen", "acme"));
        Ok("keygen", "other");
        Assert.Contains("unsigned", Ok("pack", "counter.wat", "-m", "manifest.json", "-o", "c1.wbpkg"));
        var (status, text) = Run("verify", "c1.wbpkg", "--key", "acme.pub.pem");
        Assert.Equal((1, true), (status, text.Contains("error: package counter 1.0.0 is not signed")));
        Assert.Contains("signed by", Ok("sign", "c1.wbpkg", "--key", "acme.key.pem"));
        Assert.Contains("verified: counter 1.0.0 signed by", Ok("verify", "c1.wbpkg", "--key", "acme.pub.pem"));
        Assert.Contains("\"eventBuffer\": \"event_buffer\"", Ok("verify", "c1.wbpkg", "--key", "acme.pub.pem"));
        Assert.Contains("unknown key", Fails("verify", "c1.wbpkg", "--key", "other.pub.pem"));

        Assert.Contains("unknown key", Fails("app", "install", "c1.wbpkg", "--state", "dev"));
        Ok("app", "trust", "add", "acme.pub.pem", "--state", "dev");
        Assert.Contains("install: counter 1.0.0 running", Ok("app", "install", "c1.wbpkg", "--state", "dev"));
        Assert.Contains("last event 3, 0 failed", Ok("app", "send", "counter", "--count", "3", "--state", "dev"));
        Ok("pack", "counter2.wat", "-m", "manifest2.json", "-o", "c2.wbpkg", "--key", "acme.key.pem");
        Assert.Contains("update: counter 1.1.0 running (previous 1.0.0)", Ok("app", "update", "c2.wbpkg", "--state", "dev"));
        Assert.Contains("not newer than the installed version 1.1.0", Fails("app", "update", "c1.wbpkg", "--state", "dev"));
        Assert.Contains("last event 5, 0 failed", Ok("app", "send", "counter", "--count", "2", "--state", "dev"));
        Assert.Matches(@"counter\s+1\.1\.0\s+1\.0\.0\s+running\s+5", Ok("app", "list", "--state", "dev"));
        Assert.Contains("rollback: counter 1.0.0", Ok("app", "rollback", "counter", "--state", "dev"));

        var tampered = File.ReadAllBytes(Path.Combine(_directory, "c2.wbpkg"));
        tampered[tampered.Length - 200] ^= 0x40; // inside the module
        File.WriteAllBytes(Path.Combine(_directory, "bad.wbpkg"), tampered);
        Assert.Contains("the module was altered", Fails("verify", "bad.wbpkg", "--state", "dev"));

        Assert.Contains("revoked", Ok("app", "trust", "revoke", "acme.pub.pem", "--state", "dev"));
        Assert.Contains("revoked key", Fails("verify", "c2.wbpkg", "--state", "dev"));
        Assert.Contains("revoked key", Fails("app", "start", "counter", "--state", "dev"));
        Ok("app", "remove", "counter", "--state", "dev");
        Assert.Contains("no apps installed", Ok("app", "list", "--state", "dev"));
    }

    private string Ok(params string[] arguments)
    {
        var (status, text) = Run(arguments);
        Assert.True(status == 0, $"wasmbed {string.Join(' ', arguments)} exited {status}: {text}");
        return text;
    }

    private string Fails(params string[] arguments)
    {
        var (status, text) = Run(arguments);
        Assert.True(status == 1, $"wasmbed {string.Join(' ', arguments)} exited {status}: {text}");
        Assert.StartsWith("error: ", text.Trim());
        return text;
    }

    private (int Status, string Text) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _directory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Wasmbed.Cli.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(60_000), "wasmbed hung");
        return (process.ExitCode, output.Result + error.Result);
    }
}
