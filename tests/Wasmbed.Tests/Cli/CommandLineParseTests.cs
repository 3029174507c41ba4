using System.CommandLine;
using Wasmbed.Cli;

namespace Wasmbed.Tests.Cli;

/// <summary>
/// <see cref="Program.Parse"/>: a command line naming a subcommand is parsed against that subcommand alone, and
/// anything that might ask for help or the version, or that does not parse, against the full root command.
/// </summary>
public sealed class CommandLineParseTests
{
    public static TheoryData<string> Names => new(Program.Commands.Select(command => command.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_subcommand_is_found_by_the_name_it_creates(string name)
    {
        var create = Program.Commands.Single(command => command.Name == name).Create;

        Assert.Equal(name, create().Name);
    }

    [Fact]
    public void The_full_root_has_every_subcommand()
    {
        var root = Program.CreateRoot();

        Assert.Equal(Program.Commands.Select(command => command.Name), root.Subcommands.Select(command => command.Name));
    }

    [Theory]
    [InlineData("run", "hello.wasm")]
    [InlineData("run", "--tier", "compiler", "--fuel", "1000", "hello.wasm", "--", "-5", "--x")]
    [InlineData("run", "--dir", "/home/user::/data", "hello.wasm")]
    [InlineData("validate", "hello.wasm")]
    public void A_plain_command_line_is_parsed_against_its_subcommand_alone(params string[] args)
    {
        var parsed = Program.Parse(args);

        Assert.Empty(parsed.Errors);
        Assert.IsNotType<RootCommand>(parsed.RootCommandResult.Command);
        Assert.Equal(args[0], parsed.CommandResult.Command.Name);
    }

    [Theory]
    [InlineData("run", "--help")]
    [InlineData("run", "hello.wasm", "-h")]
    [InlineData("run", "-?")]
    [InlineData("wast", "-vh", "a.wast")]
    [InlineData("run", "--version")]
    [InlineData("--help")]
    [InlineData("--version")]
    [InlineData("rnu", "hello.wasm")]
    public void Help_version_and_unknown_names_get_the_full_root(params string[] args)
    {
        Assert.IsType<RootCommand>(Program.Parse(args).RootCommandResult.Command);
    }

    [Fact]
    public void A_command_line_with_errors_is_parsed_again_against_the_full_root_for_its_messages()
    {
        var fast = new Command("wasmbed") { Program.Commands.Single(command => command.Name == "run").Create() }.Parse(["run"]);
        var parsed = Program.Parse(["run"]);

        Assert.NotEmpty(fast.Errors);
        Assert.IsType<RootCommand>(parsed.RootCommandResult.Command);
        Assert.Equal(Program.CreateRoot().Parse(["run"]).Errors.Select(e => e.Message), parsed.Errors.Select(e => e.Message));
    }
}
