using System.Diagnostics;
using System.Threading.Channels;
using Wasmbed.Device.Apps;
using Wasmbed.Gateway.Messages;
using Wasmbed.Gateway.Metrics;

namespace Wasmbed.Gateway.Rules;

/// <summary>
/// Evaluates a tenant's rules on one thread of its own: inputs (sensor readings, pipeline output) queue in a bounded
/// channel (the oldest is dropped when it is full), and each is given to the rules that listen to it. Conditions and
/// actions are exports of the rule's app, called through <see cref="AppManager.Invoke"/> with the message's envelope.
/// </summary>
internal sealed class RuleEngine : IDisposable
{
    public const int InputCapacity = 256;

    private readonly Channel<(string Key, Message Message)> _inputs = Channel.CreateBounded<(string, Message)>(
        new BoundedChannelOptions(InputCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });
    private readonly IReadOnlyList<Rule> _rules;
    private readonly AppManager _apps;
    private readonly Func<string, AppMetrics> _metrics;
    private readonly Action<string, string> _log;
    private readonly Action<Store>? _budget;
    private readonly Thread _thread;
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public RuleEngine(string tenant, IReadOnlyList<Rule> rules, AppManager apps, Func<string, AppMetrics> metrics, Action<string, string> log, Action<Store>? budget)
    {
        _rules = rules;
        _apps = apps;
        _metrics = metrics;
        _log = log;
        _budget = budget;
        _thread = new Thread(Run) { IsBackground = true, Name = $"rules {tenant}" };
    }

    public IReadOnlyList<Rule> Rules => _rules;

    public void Start()
    {
        if (_rules.Count > 0) _thread.Start();
    }

    /// <summary>Queues an input for the rules listening to <paramref name="key"/> ("sensor:NAME", "pipeline:NAME").</summary>
    public void Post(string key, Message message)
    {
        if (_rules.Any(r => r.InputKey == key)) _inputs.Writer.TryWrite((key, message));
    }

    private void Run()
    {
        var reader = _inputs.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var input))
            {
                foreach (var rule in _rules)
                {
                    if (rule.InputKey == input.Key) Evaluate(rule, input.Message);
                }
            }
        }
    }

    /// <summary>One rung: the condition, then the rule's logic, then the action or release action if it says so.</summary>
    internal void Evaluate(Rule rule, Message message)
    {
        var envelope = Envelope.Encode(message);
        int result;
        bool threw = false;
        try
        {
            result = Call(rule.Config.App, rule.Config.Condition, envelope);
        }
        catch (Exception e) when (e is AppException or TrapException or WasmException)
        {
            rule.Failed($"condition {rule.Config.Condition}: {e.Message}");
            _log(rule.Config.App, $"rule {rule.Config.Name}: condition {rule.Config.Condition} failed: {e.Message}");
            result = -1;
            threw = true;
        }
        // a negative result is an error (counted every time); a trap was already counted above
        if (result < 0 && !threw) rule.Failed($"condition {rule.Config.Condition} returned {result}");
        bool holds = result == 1;
        rule.Counted(holds);
        switch (rule.State.Evaluate(holds, _clock.Elapsed.TotalMilliseconds))
        {
            case RuleStep.Fire:
                rule.Fired();
                RunAction(rule, rule.Config.Action, envelope);
                break;
            case RuleStep.Release:
                rule.Released();
                if (rule.Config.ReleaseAction is { } release) RunAction(rule, release, envelope);
                break;
        }
    }

    private void RunAction(Rule rule, string action, byte[] envelope)
    {
        try
        {
            int status = Call(rule.Config.App, action, envelope);
            if (status != 0)
            {
                rule.Failed($"action {action} returned {status}");
                _log(rule.Config.App, $"rule {rule.Config.Name}: action {action} returned {status}");
            }
        }
        catch (Exception e) when (e is AppException or TrapException or WasmException)
        {
            rule.Failed($"action {action}: {e.Message}");
            _log(rule.Config.App, $"rule {rule.Config.Name}: action {action} failed: {e.Message}");
        }
    }

    /// <summary>Copies the envelope into the app's memory (via its event_buffer) and calls <paramref name="export"/>(ptr, len).</summary>
    private int Call(string app, string export, byte[] envelope)
    {
        var started = Stopwatch.GetTimestamp();
        bool failed = true;
        try
        {
            int result = _apps.Invoke(app, instance =>
            {
                _budget?.Invoke(instance.Store);
                var store = instance.Store;
                ulong fuelBefore = store.Engine.Options.ConsumeFuel ? store.Fuel : 0;
                try
                {
                    var function = instance.GetFunction(export) ?? throw new AppException($"app {app} exports no function \"{export}\"");
                    var buffer = instance.GetFunction("event_buffer") ?? throw new AppException($"app {app} exports no \"event_buffer\"");
                    var memory = instance.Exports.Select(e => e.Item).OfType<Memory>().FirstOrDefault() ?? throw new AppException($"app {app} exports no memory");
                    int pointer = buffer.Invoke(Value.I32(envelope.Length))[0].AsInt32();
                    if (pointer < 0 || (long)pointer + envelope.Length > memory.Length)
                        throw new AppException($"app {app}: event_buffer returned {pointer}, which cannot hold {envelope.Length} bytes");
                    envelope.CopyTo(memory.GetSpan(pointer, envelope.Length));
                    var results = function.Invoke(Value.I32(pointer), Value.I32(envelope.Length));
                    if (results.Length != 1) throw new AppException($"app {app}: \"{export}\" must return one i32");
                    return results[0].AsInt32();
                }
                finally
                {
                    // the fuel this evaluation consumed, whether it returned or trapped
                    if (store.Engine.Options.ConsumeFuel) _metrics(app).RecordFuel(fuelBefore - store.Fuel);
                }
            });
            failed = false;
            return result;
        }
        finally
        {
            _metrics(app).RecordCall(failed, Stopwatch.GetElapsedTime(started));
        }
    }

    public void Dispose()
    {
        _inputs.Writer.TryComplete();
        if (_thread.IsAlive) _thread.Join(TimeSpan.FromSeconds(2));
    }
}
