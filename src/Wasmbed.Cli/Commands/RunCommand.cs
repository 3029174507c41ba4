using System.CommandLine;
using System.Globalization;
using Wasmbed.Compiler;
using Wasmbed.Wasi;

namespace Wasmbed.Cli.Commands;

/// <summary>
/// <c>wasmbed run [--dir HOST[::GUEST]]… [--env NAME=VALUE]… [--invoke NAME] [--tier T] [--fuel N] [--max-memory BYTES]
/// [--timeout DURATION] [--max-stack DEPTH] [--aot ARTIFACT] FILE [ARGS…]</c>, like
/// <c>wasmtime run</c>: runs a WASI command (the exit status is the guest's <c>proc_exit</c> code), or calls an export
/// and prints its results. FILE may be an artifact of <c>wasmbed compile</c>, which carries its module and compiled
/// code; <c>--aot</c> runs FILE with the code of such an artifact, refused unless it was compiled from FILE.
/// </summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "module (.wasm or .wat), or an artifact of `wasmbed compile` (.wasmbed.dll)" };
        var arguments = new Argument<string[]>("args") { Description = "arguments: of the WASI program, or of the invoked function", Arity = ArgumentArity.ZeroOrMore };
        var invoke = new Option<string?>("--invoke") { Description = "call this exported function instead of the WASI command's _start" };
        var directories = new Option<string[]>("--dir") { Description = "preopen a host directory: HOST[::GUEST] (GUEST defaults to HOST)", Arity = ArgumentArity.ZeroOrMore };
        var environment = new Option<string[]>("--env") { Description = "set a guest environment variable: NAME=VALUE", Arity = ArgumentArity.ZeroOrMore };
        var argv0 = new Option<string?>("--argv0") { Description = "the program name the guest sees as argv[0] (default: FILE as given)" };
        var aot = new Option<string?>("--aot") { Description = "run the compiled code of this artifact (`wasmbed compile FILE`); refused unless it was compiled from FILE" };
        var tier = CommonOptions.Tier();
        var sandbox = new SandboxOptions();
        var command = new Command("run", "Run a WASI command, or call an exported function with --invoke") { file, arguments, invoke, directories, environment, argv0, tier, aot };
        foreach (var option in sandbox.All) command.Options.Add(option);
        command.SetAction(result =>
        {
            var path = result.GetValue(file)!;
            var name = result.GetValue(invoke);
            var texts = result.GetValue(arguments) ?? [];
            var artifact = result.GetValue(aot) ?? (ModuleSource.IsArtifact(path) ? path : null);
            using var engine = new Engine(CommonOptions.EngineOptions(TierFor(result, tier, artifact), sandbox.ConsumesFuel(result), sandbox.Interruptible(result), oneModuleProcess: true));
            using var module = artifact is null ? ModuleSource.Load(engine, path)
                : artifact == path ? IlCompiler.LoadArtifact(engine, artifact)
                : IlCompiler.LoadArtifact(engine, artifact, ModuleSource.ReadBytes(path));
            var store = sandbox.CreateStore(result, engine);
            var linker = new Linker(engine);

            var configuration = new WasiConfiguration().WithArgs([result.GetValue(argv0) ?? path, .. name is null ? texts : []]);
            foreach (var variable in result.GetValue(environment) ?? [])
            {
                int equals = variable.IndexOf('=');
                if (equals <= 0) throw new CommandException($"--env {variable}: expected NAME=VALUE");
                configuration.WithEnvironment(variable[..equals], variable[(equals + 1)..]);
            }
            foreach (var directory in result.GetValue(directories) ?? [])
            {
                int separator = directory.IndexOf("::", StringComparison.Ordinal);
                var host = separator < 0 ? directory : directory[..separator];
                var guest = separator < 0 ? directory : directory[(separator + 2)..];
                if (!Directory.Exists(host)) throw new CommandException($"--dir {directory}: no directory {host}");
                configuration.WithPreopenedDirectory(host, guest);
            }
            using var wasi = linker.DefineWasi(configuration);
            using var instance = linker.Instantiate(store, module);

            if (name is not null) return Invoke(instance, path, name, texts);
            if (instance.GetFunction("_start") is null)
            {
                Console.Error.WriteLine($"error: {path} is not a WASI command (it exports no _start); say which export to call with --invoke NAME");
                return 2;
            }
            return wasi.Run(instance);
        });
        return command;
    }

    /// <summary>The tier asked for; for an artifact, the compiler unless --tier says otherwise (not the interpreter: it has no use for compiled code).</summary>
    private static ExecutionTier TierFor(ParseResult result, Option<ExecutionTier> tier, string? artifact)
    {
        var asked = result.GetValue(tier);
        if (artifact is null) return asked;
        if (result.GetResult(tier) is not { Implicit: false }) return ExecutionTier.Compiler;
        return asked != ExecutionTier.Interpreter ? asked
            : throw new CommandException($"{artifact} is compiled code: it runs on --tier compiler (the default for artifacts) or tiered, not on the interpreter");
    }

    private static int Invoke(Instance instance, string path, string name, string[] texts)
    {
        var function = instance.GetFunction(name)
            ?? throw new CommandException($"{path} has no exported function \"{name}\"");
        var parameters = function.Type.Parameters;
        if (texts.Length != parameters.Count)
            throw new CommandException($"\"{name}\" takes {parameters.Count} arguments ({function.Type}), {texts.Length} given");
        var values = new Value[texts.Length];
        for (int i = 0; i < texts.Length; i++) values[i] = ParseArgument(texts[i], parameters[i]);
        foreach (var value in function.Invoke(values)) Console.WriteLine(FormatResult(value));
        return 0;
    }

    internal static Value ParseArgument(string text, ValueType type)
    {
        try
        {
            return type switch
            {
                ValueType.I32 => Value.I32(ParseInteger(text, 32) is var v ? (int)v : 0),
                ValueType.I64 => Value.I64(ParseInteger(text, 64)),
                ValueType.F32 => Value.F32(float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
                ValueType.F64 => Value.F64(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
                _ => throw new CommandException($"cannot pass a {type.ToText()} argument from the command line"),
            };
        }
        catch (FormatException)
        {
            throw new CommandException($"\"{text}\" is not a valid {type.ToText()}");
        }
        catch (OverflowException)
        {
            throw new CommandException($"\"{text}\" is out of range for {type.ToText()}");
        }
    }

    /// <summary>Decimal or 0x-hex, signed or unsigned, as wide as the type.</summary>
    private static long ParseInteger(string text, int bits)
    {
        bool negative = text.StartsWith('-');
        var digits = negative || text.StartsWith('+') ? text[1..] : text;
        ulong magnitude = digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? ulong.Parse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture)
            : ulong.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        ulong limit = bits == 32 ? (negative ? 0x8000_0000UL : 0xFFFF_FFFFUL) : (negative ? 0x8000_0000_0000_0000UL : ulong.MaxValue);
        if (magnitude > limit) throw new OverflowException();
        return negative ? (long)(0 - magnitude) : (long)magnitude;
    }

    internal static string FormatResult(Value value) => value.Type switch
    {
        ValueType.I32 => value.AsInt32().ToString(CultureInfo.InvariantCulture),
        ValueType.I64 => value.AsInt64().ToString(CultureInfo.InvariantCulture),
        ValueType.F32 => value.AsSingle().ToString("R", CultureInfo.InvariantCulture),
        ValueType.F64 => value.AsDouble().ToString("R", CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
