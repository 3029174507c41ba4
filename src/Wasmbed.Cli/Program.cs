using System.CommandLine;
using Wasmbed.Cli.Commands;
using Wasmbed.Wasi;

namespace Wasmbed.Cli;

/// <summary>The <c>wasmbed</c> command.</summary>
public static class Program
{
    /// <summary>Exit status after a trap, as wasmtime reports it (128 + SIGABRT).</summary>
    public const int TrapExitCode = 134;

    /// <summary>The subcommands, by the name that selects them.</summary>
    internal static readonly (string Name, Func<Command> Create)[] Commands =
    [
        ("run", RunCommand.Create),
        ("compile", CompileCommand.Create),
        ("wast", WastCommand.Create),
        ("validate", ValidateCommand.Create),
        ("inspect", InspectCommand.Create),
        ("wat2wasm", Wat2WasmCommand.Create),
        ("app", AppCommand.Create),
        ("pack", PackCommand.Create),
        ("keygen", KeygenCommand.Create),
        ("sign", SignCommand.Create),
        ("verify", VerifyCommand.Create),
        ("gateway", GatewayCommand.Create),
    ];

    public static int Main(string[] args)
    {
        try
        {
            var parsed = Parse(args);
            return parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (WasiExitException.Find(e) is { } exit)
        {
            return exit.ExitCode;
        }
        catch (TrapException trap)
        {
            Console.Error.WriteLine($"error: {trap}");
            return TrapExitCode;
        }
        catch (Exception e) when (e is WasmException or IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
        catch (CommandException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// Parses the command line. Start-up matters (benchmarks time whole <c>wasmbed run</c> processes), so a command line
    /// that starts with a subcommand's name is first parsed against a bare root holding only that subcommand: building
    /// every command's options, and the help option of <see cref="RootCommand"/> (which reads System.CommandLine's
    /// localized resources), cost several milliseconds of each start. Whenever that parse reports an error or the
    /// command line might ask for help or the version, it is parsed again against <see cref="CreateRoot"/>, so help,
    /// suggestions and error messages are exactly those of the full command.
    /// </summary>
    internal static ParseResult Parse(string[] args)
    {
        if (args.Length > 0 && FindCommand(args[0]) is { } create)
        {
            var parsed = new Command("wasmbed") { create() }.Parse(args);
            // The arguments as given (a bundle such as -vh is split differently without the help option) and as
            // tokens (after response files are expanded).
            bool plain = parsed.Errors.Count == 0;
            foreach (var arg in args) plain &= !MayAskForHelpOrVersion(arg);
            foreach (var token in parsed.Tokens) plain &= !MayAskForHelpOrVersion(token.Value);
            if (plain) return parsed;
        }
        return CreateRoot().Parse(args);
    }

    /// <summary>The full command: every subcommand, with help, version and suggestions.</summary>
    internal static RootCommand CreateRoot()
    {
        var root = new RootCommand("Wasmbed: a WebAssembly runtime for embedded and IoT devices");
        foreach (var (_, create) in Commands) root.Subcommands.Add(create());
        return root;
    }

    private static Func<Command>? FindCommand(string name)
    {
        foreach (var command in Commands)
            if (command.Name == name) return command.Create;
        return null;
    }

    /// <summary>
    /// The help option's aliases (<c>--help -h -? /h /?</c>, also inside a bundle of short options such as <c>-vh</c>)
    /// and <c>--version</c>. Errs on the side of yes: a false yes only costs the full parse.
    /// </summary>
    private static bool MayAskForHelpOrVersion(string token) =>
        token is "--help" or "--version" or "/h" or "/?" ||
        (token.Length > 1 && token[0] == '-' && token[1] != '-' && token.AsSpan(1).IndexOfAny('h', '?') >= 0);
}
