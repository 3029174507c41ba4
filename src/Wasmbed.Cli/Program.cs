using System.CommandLine;
using Wasmbed.Cli.Commands;
using Wasmbed.Wasi;

namespace Wasmbed.Cli;

/// <summary>The <c>wasmbed</c> command.</summary>
public static class Program
{
    /// <summary>Exit status after a trap, as wasmtime reports it (128 + SIGABRT).</summary>
    public const int TrapExitCode = 134;

    public static int Main(string[] args)
    {
        var root = new RootCommand("Wasmbed: a WebAssembly runtime for embedded and IoT devices")
        {
            RunCommand.Create(),
            CompileCommand.Create(),
            WastCommand.Create(),
            ValidateCommand.Create(),
            InspectCommand.Create(),
            Wat2WasmCommand.Create(),
            AppCommand.Create(),
            PackCommand.Create(),
            KeygenCommand.Create(),
            SignCommand.Create(),
            VerifyCommand.Create(),
            GatewayCommand.Create(),
        };
        try
        {
            var parsed = root.Parse(args);
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
}
