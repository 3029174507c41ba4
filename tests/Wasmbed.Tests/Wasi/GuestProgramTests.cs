using System.Text;
using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>
/// Runs each C guest program of tests/guests under Wasmbed with a fresh fixture and compares its stdout byte for
/// byte, and its exit code, with what node:wasi produced when the programs were built.
/// </summary>
public sealed class GuestProgramTests
{
    public static TheoryData<string> Programs => new(GuestPrograms.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Guest_output_and_exit_code_match_the_expectation(string name)
    {
        var program = GuestPrograms.Get(name);
        var result = GuestRunner.Run(program);
        Assert.Equal(program.ExpectedExitCode, result.ExitCode);
        Assert.Equal(Encoding.UTF8.GetString(program.ExpectedStdout), Encoding.UTF8.GetString(result.Stdout));
        Assert.Equal(program.ExpectedStdout, result.Stdout);
    }

    [Fact]
    public void Sandbox_program_leaves_the_outside_untouched()
    {
        using var fixture = new GuestFixture();
        GuestRunner.Run(GuestPrograms.Get("sandbox"), fixture);
        Assert.Equal("secret", File.ReadAllText(fixture.SecretPath));
        Assert.False(Directory.Exists(Path.Combine(fixture.Root, "made")));
        Assert.False(File.Exists(Path.Combine(fixture.Root, "stolen.txt")));
        Assert.False(File.Exists(Path.Combine(fixture.Root, "linked.txt")));
        Assert.False(File.Exists(Path.Combine(fixture.Sandbox, "made_by_guest")));
        Assert.Equal("inside", File.ReadAllText(Path.Combine(fixture.Sandbox, "inside.txt")));
    }

    [Fact]
    public void Files_program_leaves_only_what_it_did_not_delete()
    {
        using var fixture = new GuestFixture();
        var result = GuestRunner.Run(GuestPrograms.Get("files"), fixture);
        Assert.Equal(0, result.ExitCode);
        var work = Path.Combine(fixture.Sandbox, "work");
        Assert.Equal(["many"], Directory.GetFileSystemEntries(work).Select(Path.GetFileName));
        Assert.Equal(300, Directory.GetFiles(Path.Combine(work, "many")).Length);
    }
}

internal static class GuestRunner
{
    public sealed record Result(int ExitCode, byte[] Stdout, byte[] Stderr);

    public static Result Run(GuestProgram program)
    {
        using var fixture = new GuestFixture();
        return Run(program, fixture);
    }

    public static Result Run(GuestProgram program, GuestFixture fixture)
    {
        var engine = new Engine();
        var module = Module.FromFile(engine, program.WasmPath);
        var store = new Store(engine);
        var linker = new Linker(engine);
        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        using var stdin = program.StdinPath is null ? (Stream)new MemoryStream() : File.OpenRead(program.StdinPath);
        var configuration = new WasiConfiguration()
            .WithArgs([program.Name, .. program.Arguments])
            .WithEnvironment(program.Environment)
            .WithPreopenedDirectory(fixture.Sandbox, "/sandbox")
            .WithStdin(stdin)
            .WithStdout(stdout)
            .WithStderr(stderr);
        using var wasi = linker.DefineWasi(configuration);
        int exitCode = wasi.Run(linker.Instantiate(store, module));
        return new Result(exitCode, stdout.ToArray(), stderr.ToArray());
    }
}
