namespace Wasmbed.Tests.Wasi;

/// <summary>
/// The directories every guest program runs with (the same as tests/guests/expect.mjs makes under node): a temp root
/// holding outside/secret.txt and sandbox/, which is preopened as /sandbox and holds sub/ and three symlinks that
/// point out of it. Deleted on dispose.
/// </summary>
internal sealed class GuestFixture : IDisposable
{
    public GuestFixture()
    {
        Root = Directory.CreateTempSubdirectory("wasmbed-guest-").FullName;
        Sandbox = Path.Combine(Root, "sandbox");
        Directory.CreateDirectory(Path.Combine(Root, "outside"));
        File.WriteAllText(SecretPath, "secret");
        Directory.CreateDirectory(Path.Combine(Sandbox, "sub"));
        File.CreateSymbolicLink(Path.Combine(Sandbox, "escape_relative"), "../outside/secret.txt");
        File.CreateSymbolicLink(Path.Combine(Sandbox, "escape_absolute"), SecretPath);
        Directory.CreateSymbolicLink(Path.Combine(Sandbox, "escape_relative_dir"), "../outside");
    }

    public string Root { get; }

    /// <summary>The host directory preopened as /sandbox.</summary>
    public string Sandbox { get; }

    public string SecretPath => Path.Combine(Root, "outside", "secret.txt");

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }
}
