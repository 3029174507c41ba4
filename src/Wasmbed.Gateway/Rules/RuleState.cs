using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Gateway.Rules;

/// <summary>What a rule should do after one evaluation of its condition.</summary>
internal enum RuleStep
{
    None,
    Fire,
    Release,
}

/// <summary>
/// The PLC-like logic of one rule (docs/gateway.md, "Rules"), apart from any module: an on-delay timer (debounce),
/// an optional count-in-window, a cooldown between firings and release on the falling edge. Times are in
/// milliseconds of a monotonic clock given by the caller, so tests can drive it.
/// </summary>
internal sealed class RuleState(RuleConfig config)
{
    private readonly Queue<double> _hits = new();
    private double? _holdingSince, _lastFired;

    public bool Active { get; private set; }

    public string Name => Active ? "active" : _holdingSince is null ? "idle" : "pending";

    public RuleStep Evaluate(bool holds, double nowMs)
    {
        if (config.Window is { } window)
        {
            if (holds) _hits.Enqueue(nowMs);
            while (_hits.Count > 0 && _hits.Peek() <= nowMs - window.WithinMs) _hits.Dequeue();
        }
        if (!holds)
        {
            _holdingSince = null;
            if (!Active) return RuleStep.None;
            Active = false;
            return RuleStep.Release;
        }
        _holdingSince ??= nowMs;
        if (Active) return RuleStep.None;
        bool debounced = nowMs - _holdingSince.Value >= config.DebounceMs;
        bool windowed = config.Window is not { } w || _hits.Count >= w.Count;
        if (!debounced || !windowed) return RuleStep.None;
        Active = true;
        if (_lastFired is { } last && nowMs - last < config.CooldownMs) return RuleStep.None;
        _lastFired = nowMs;
        return RuleStep.Fire;
    }
}
