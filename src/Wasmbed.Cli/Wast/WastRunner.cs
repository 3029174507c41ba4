using Wasmbed.Text;

namespace Wasmbed.Cli.Wast;

/// <summary>The outcome of one script: counts of commands and assertions, and a line per failure.</summary>
public sealed class WastFileResult(string file)
{
    public string File { get; } = file;
    public int Passed { get; internal set; }
    public int Failed { get; internal set; }
    public int Skipped { get; internal set; }
    public List<string> Failures { get; } = [];
    public List<string> Skips { get; } = [];
}

/// <summary>
/// Runs WAST scripts (the official test-suite format) against the engine: every command and assertion
/// counts once as passed, failed or skipped (skips only from the one skip list).
/// </summary>
public sealed class WastRunner
{
    private readonly EngineOptions _options;
    private readonly SpecSkipList _skips;

    public WastRunner(EngineOptions options, string? skipListPath = null)
    {
        _options = options;
        _skips = skipListPath is null ? SpecSkipList.FindDefault(AppContext.BaseDirectory) : SpecSkipList.Load(skipListPath);
    }

    public WastFileResult RunFile(string path)
    {
        var result = new WastFileResult(path);
        WastScript script;
        try
        {
            script = WastScript.Parse(File.ReadAllText(path), Path.GetFileName(path));
        }
        catch (WasmFormatException e)
        {
            result.Failed++;
            result.Failures.Add($"{path}: script does not parse: {e.Message}");
            return result;
        }
        using var session = new ScriptSession(_options);
        foreach (var command in script.Commands)
        {
            if (_skips.TryGetReason(path, command.Line, out var reason))
            {
                result.Skipped++;
                result.Skips.Add($"{path}:{command.Line}: skipped: {reason}");
                continue;
            }
            string? failure;
            try
            {
                failure = session.Execute(command);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failure = $"unexpected {e.GetType().Name}: {e.Message}";
            }
            if (failure is null)
            {
                result.Passed++;
            }
            else
            {
                result.Failed++;
                result.Failures.Add($"{path}:{command.Line}: {failure}");
            }
        }
        return result;
    }

    /// <summary>The state of one script: its store, linker and named instances.</summary>
    private sealed class ScriptSession : IDisposable
    {
        private readonly Engine _engine;
        private readonly Store _store;
        private readonly Linker _linker;
        private readonly Dictionary<string, Instance> _named = [];
        private readonly Dictionary<ulong, object> _externs = [];
        private Instance? _current;

        public ScriptSession(EngineOptions options)
        {
            _engine = new Engine(options);
            _store = new Store(_engine);
            // Scripts run with fuel accounting on but never run out: fuel must not change any result.
            if (options.ConsumeFuel) _store.Fuel = ulong.MaxValue;
            _linker = new Linker(_engine) { AllowShadowing = true };
            SpecTestHost.Define(_linker, _store, TextWriter.Null);
        }

        public void Dispose() => _engine.Dispose();

        /// <summary>Runs one command; returns null when it passed, otherwise what went wrong.</summary>
        public string? Execute(WastCommand command) => command switch
        {
            WastModuleCommand c => DefineModule(c.Module),
            WastRegisterCommand c => Register(c),
            WastActionCommand c => Perform(c.Action, out _),
            WastAssertReturn c => AssertReturn(c),
            WastAssertTrap c => AssertTrap(c),
            WastAssertExhaustion c => AssertExhaustion(c),
            WastAssertModule c => AssertModule(c),
            _ => $"unknown command {command.GetType().Name}",
        };

        private string? DefineModule(WastModule source)
        {
            var module = Module.FromBytes(_engine, source.Encode());
            var instance = _linker.Instantiate(_store, module);
            _current = instance;
            if (source.Id is not null) _named[source.Id] = instance;
            return null;
        }

        private string? Register(WastRegisterCommand command)
        {
            var instance = command.ModuleId is null ? _current : _named.GetValueOrDefault(command.ModuleId);
            if (instance is null) return $"register: no module {command.ModuleId ?? "(current)"}";
            _linker.DefineInstance(command.As, instance);
            return null;
        }

        private string? Perform(WastAction action, out Value[] results)
        {
            results = [];
            var instance = action.ModuleId is null ? _current : _named.GetValueOrDefault(action.ModuleId);
            if (instance is null) return $"no module {action.ModuleId ?? "(current)"} for {action}";
            if (action.Kind == WastActionKind.Get)
            {
                if (instance.GetGlobal(action.Name) is not { } global) return $"no exported global \"{action.Name}\"";
                results = [global.Value];
                return null;
            }
            if (instance.GetFunction(action.Name) is not { } function) return $"no exported function \"{action.Name}\"";
            var arguments = new Value[action.Arguments.Count];
            for (int i = 0; i < arguments.Length; i++) arguments[i] = ToValue(action.Arguments[i]);
            results = function.Invoke(arguments);
            return null;
        }

        private string? AssertReturn(WastAssertReturn command)
        {
            if (Perform(command.Action, out var results) is { } error) return error;
            if (results.Length != command.Expected.Count)
                return $"{command.Action}: expected {command.Expected.Count} results, got {results.Length}";
            for (int i = 0; i < results.Length; i++)
            {
                var actual = ToWastValue(results[i]);
                if (!command.Expected[i].Matches(actual))
                    return $"{command.Action}: result {i}: expected {command.Expected[i]}, got {actual}";
            }
            return null;
        }

        private string? AssertTrap(WastAssertTrap command)
        {
            try
            {
                if (command.Module is { } source)
                {
                    var module = Module.FromBytes(_engine, source.Encode());
                    _linker.Instantiate(_store, module);
                    return $"module instantiated, expected trap \"{command.Message}\"";
                }
                if (Perform(command.Action!, out var results) is { } error) return error;
                return $"{command.Action}: returned {string.Join(", ", results.Select(r => ToWastValue(r).ToString()))}, expected trap \"{command.Message}\"";
            }
            catch (TrapException trap)
            {
                return TrapMatches(trap, command.Message) ? null : $"trapped with \"{trap.Message}\", expected \"{command.Message}\"";
            }
        }

        private string? AssertExhaustion(WastAssertExhaustion command)
        {
            try
            {
                if (Perform(command.Action, out _) is { } error) return error;
                return $"{command.Action}: returned, expected exhaustion \"{command.Message}\"";
            }
            catch (TrapException trap) when (trap.Code == TrapCode.CallStackExhausted)
            {
                return null;
            }
        }

        private string? AssertModule(WastAssertModule command)
        {
            string expected = command.Message;
            try
            {
                var module = Module.FromBytes(_engine, command.Module.Encode());
                if (command.Kind is WastModuleAssertionKind.Malformed or WastModuleAssertionKind.Invalid)
                    return $"module loaded, expected {command.Kind.ToString().ToLowerInvariant()} \"{expected}\"";
                _linker.Instantiate(_store, module);
                return $"module instantiated, expected {command.Kind.ToString().ToLowerInvariant()} \"{expected}\"";
            }
            catch (WasmFormatException e) when (command.Kind == WastModuleAssertionKind.Malformed)
            {
                _ = e;
                return null;
            }
            catch (WasmValidationException e) when (command.Kind == WastModuleAssertionKind.Invalid)
            {
                _ = e;
                return null;
            }
            catch (WasmLinkException e) when (command.Kind == WastModuleAssertionKind.Unlinkable)
            {
                _ = e;
                return null;
            }
            catch (TrapException trap) when (command.Kind == WastModuleAssertionKind.Uninstantiable)
            {
                return TrapMatches(trap, expected) ? null : $"trapped with \"{trap.Message}\", expected \"{expected}\"";
            }
            catch (WasmException e)
            {
                return $"expected {command.Kind.ToString().ToLowerInvariant()} \"{expected}\", got {e.GetType().Name}: {e.Message}";
            }
        }

        /// <summary>The suite's trap messages sometimes add detail ("uninitialized element 2"); ours must be their prefix.</summary>
        private static bool TrapMatches(TrapException trap, string expected) =>
            expected.StartsWith(trap.Code.ToMessage(), StringComparison.Ordinal);

        private Value ToValue(WastValue value) => value.Type switch
        {
            ValueType.I32 => Value.I32(value.AsInt32),
            ValueType.I64 => Value.I64(value.AsInt64),
            ValueType.F32 => Value.F32(value.AsSingle),
            ValueType.F64 => Value.F64(value.AsDouble),
            ValueType.V128 => Value.V128(new V128(value.Bits, value.HighBits)),
            ValueType.ExternRef => value.IsNull ? Value.Null(ValueType.ExternRef) : Value.ExternRef(ExternObject(value.Bits)),
            ValueType.FuncRef when value.IsNull => Value.Null(ValueType.FuncRef),
            _ => throw new NotSupportedException($"argument {value}"),
        };

        private object ExternObject(ulong n)
        {
            if (!_externs.TryGetValue(n, out var host)) _externs[n] = host = new HostReference(n);
            return host;
        }

        private static WastValue ToWastValue(Value value) => value.Type switch
        {
            ValueType.I32 => WastValue.I32(value.AsInt32()),
            ValueType.I64 => WastValue.I64(value.AsInt64()),
            ValueType.F32 => WastValue.F32Bits(BitConverter.SingleToUInt32Bits(value.AsSingle())),
            ValueType.F64 => WastValue.F64Bits(BitConverter.DoubleToUInt64Bits(value.AsDouble())),
            ValueType.V128 => WastValue.V128(value.AsV128().Low, value.AsV128().High),
            ValueType.ExternRef => value.AsExternRef() switch
            {
                null => WastValue.Null(ValueType.ExternRef),
                HostReference host => WastValue.ExternRef(host.Number),
                _ => WastValue.ExternRef(ulong.MaxValue),
            },
            ValueType.FuncRef => value.AsFunction() is null ? WastValue.Null(ValueType.FuncRef) : WastValue.FuncRef(0),
            _ => throw new NotSupportedException($"result type {value.Type}"),
        };

        /// <summary>The host value behind the suite's <c>ref.extern N</c>.</summary>
        private sealed record HostReference(ulong Number);
    }
}
