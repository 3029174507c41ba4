using Wasmbed.Tests.Wasi;

namespace Wasmbed.Tests.Cli;

/// <summary><c>wasmbed run</c> as a user runs it: a real process, real files, real exit codes.</summary>
public sealed class RunCommandTests
{
    public static TheoryData<string> Programs => new(GuestPrograms.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Programs))]
    public void Guest_program_output_and_exit_status_match_the_expectation(string name)
    {
        var program = GuestPrograms.Get(name);
        using var fixture = new GuestFixture();
        var arguments = new List<string> { "run", "--argv0", program.Name, "--dir", $"{fixture.Sandbox}::/sandbox" };
        foreach (var (key, value) in program.Environment) arguments.AddRange(["--env", $"{key}={value}"]);
        arguments.Add(program.WasmPath);
        arguments.Add("--");
        arguments.AddRange(program.Arguments);

        var result = WasmbedProcess.Run(arguments, program.StdinPath);

        Assert.True(program.ExpectedExitCode == result.ExitCode, $"exit status {result.ExitCode}, stderr: {result.Stderr}");
        Assert.Equal(program.ExpectedStdout, result.Stdout);
    }

    [Fact]
    public void Invoke_prints_the_results()
    {
        var result = WasmbedProcess.Run(["run", "--invoke", "fac", Path.Combine(TestPaths.Repository(), "examples", "fac.wat"), "20"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("2432902008176640000\n", System.Text.Encoding.UTF8.GetString(result.Stdout));
    }

    [Fact]
    public void A_trap_prints_the_message_and_the_wasm_backtrace_and_exits_134()
    {
        var wat = Path.Combine(Path.GetTempPath(), $"wasmbed-trap-{Guid.NewGuid():N}.wat");
        File.WriteAllText(wat, """
            (module $m
              (func $inner (param i32) (result i32) (i32.div_u (i32.const 1) (local.get 0)))
              (func $outer (export "outer") (param i32) (result i32) (call $inner (local.get 0))))
            """);
        try
        {
            var result = WasmbedProcess.Run(["run", "--invoke", "outer", wat, "0"]);

            Assert.Equal(134, result.ExitCode);
            Assert.Equal("error: wasm trap: integer divide by zero\nwasm backtrace:\n  0: m!inner\n  1: m!outer\n", result.Stderr);
        }
        finally
        {
            File.Delete(wat);
        }
    }

    [Fact]
    public void A_module_that_is_not_a_command_says_so()
    {
        var result = WasmbedProcess.Run(["run", Path.Combine(TestPaths.Repository(), "examples", "fac.wat")]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a WASI command", result.Stderr);
    }

    [Fact]
    public void A_malformed_module_is_one_line_with_the_offset()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wasmbed-bad-{Guid.NewGuid():N}.wasm");
        File.WriteAllBytes(path, [0, 0x61, 0x73, 0x6D, 2, 0, 0, 0]);
        try
        {
            var result = WasmbedProcess.Run(["validate", path]);

            Assert.Equal(1, result.ExitCode);
            Assert.Equal("error: unknown binary version (at byte offset 0x4)\n", result.Stderr);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
