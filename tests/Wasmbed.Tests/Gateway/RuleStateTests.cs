using Wasmbed.Gateway.Hosting;
using Wasmbed.Gateway.Rules;

namespace Wasmbed.Tests.Gateway;

/// <summary>
/// The PLC-like rule logic of docs/gateway.md ("Rules"): debounce (on-delay), count-in-window, cooldown and release,
/// driven with an explicit clock (milliseconds) so no assertion depends on real time.
/// </summary>
public sealed class RuleStateTests
{
    private static RuleState New(int debounceMs = 0, int cooldownMs = 0, RuleWindowConfig? window = null) =>
        new(new RuleConfig
        {
            Name = "r",
            App = "a",
            Input = new RuleInputConfig { Pipeline = "p" },
            Condition = "c",
            Action = "f",
            DebounceMs = debounceMs,
            CooldownMs = cooldownMs,
            Window = window,
        });

    /// <summary>Feeds (holds, at ms) inputs; returns the steps.</summary>
    private static List<RuleStep> Feed(RuleState state, params (bool Holds, double At)[] inputs) =>
        [.. inputs.Select(i => state.Evaluate(i.Holds, i.At))];

    [Fact]
    public void NoDebounce_FiresOnTheFirstHoldingInput()
    {
        var state = New();
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 0));
        Assert.True(state.Active);
    }

    [Fact]
    public void ConditionHeldShorterThanTheDebounce_DoesNotFire()
    {
        var state = New(debounceMs: 500);
        // held 0..400 ms, broken at 450, held again 460..900 (440 ms < 500): never long enough
        var steps = Feed(state, (true, 0), (true, 100), (true, 400), (false, 450), (true, 460), (true, 700), (true, 900));
        Assert.All(steps, s => Assert.Equal(RuleStep.None, s));
        Assert.False(state.Active);
        Assert.Equal("pending", state.Name);
    }

    [Fact]
    public void ConditionHeldLongerThanTheDebounce_FiresExactlyOnce()
    {
        var state = New(debounceMs: 500);
        var steps = Feed(state, (true, 0), (true, 250), (true, 499), (true, 500), (true, 750), (true, 1000), (true, 5000));
        Assert.Equal([RuleStep.None, RuleStep.None, RuleStep.None, RuleStep.Fire, RuleStep.None, RuleStep.None, RuleStep.None], steps);
        Assert.True(state.Active);
        Assert.Equal("active", state.Name);
    }

    [Fact]
    public void Window_FiresWhenTheCountIsReachedWithinTheWindow_AndNotBefore()
    {
        // 3 holding inputs within 1000 ms: the third one fires, the first two do not
        var state = New(window: new RuleWindowConfig { Count = 3, WithinMs = 1000 });
        Assert.Equal(RuleStep.None, state.Evaluate(true, 0));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 400));
        Assert.False(state.Active);
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 800));
        Assert.True(state.Active);
    }

    [Fact]
    public void Window_HitsOlderThanTheWindowDoNotCount()
    {
        var state = New(window: new RuleWindowConfig { Count = 3, WithinMs = 1000 });
        // holding at 0 and 600; a miss at 900 (not active yet: no release); holding at 1100 and 1500:
        // at 1500 the window (500, 1500] holds 600, 1100, 1500 → fires; at 1100 it held only 600, 1100 → not
        Assert.Equal(RuleStep.None, state.Evaluate(true, 0));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 600));
        Assert.Equal(RuleStep.None, state.Evaluate(false, 900));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 1100));
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 1500));
    }

    [Fact]
    public void Window_SpreadOutHits_NeverFire()
    {
        var state = New(window: new RuleWindowConfig { Count = 3, WithinMs = 1000 });
        for (int i = 0; i < 20; i++) Assert.Equal(RuleStep.None, state.Evaluate(true, i * 600.0));
        Assert.False(state.Active);
    }

    [Fact]
    public void Release_WhenTheConditionStopsHolding_OnlyAfterFiring()
    {
        var state = New(debounceMs: 100);
        // pending but never active: falling edge is no release
        Assert.Equal([RuleStep.None, RuleStep.None], Feed(state, (true, 0), (false, 50)));
        // active then falls: one release, further misses do nothing
        var steps = Feed(state, (true, 100), (true, 200), (true, 300), (false, 400), (false, 500));
        Assert.Equal([RuleStep.None, RuleStep.Fire, RuleStep.None, RuleStep.Release, RuleStep.None], steps);
        Assert.False(state.Active);
        Assert.Equal("idle", state.Name);
    }

    [Fact]
    public void Cooldown_SuppressesRefiringUntilItHasPassed()
    {
        var state = New(cooldownMs: 5000);
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 0));
        Assert.Equal(RuleStep.Release, state.Evaluate(false, 100));
        // rises again 1 s after firing: within the cooldown, no firing
        Assert.Equal(RuleStep.None, state.Evaluate(true, 1000));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 2000));
        Assert.Equal(RuleStep.Release, state.Evaluate(false, 3000));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 4999));
        Assert.Equal(RuleStep.Release, state.Evaluate(false, 5000.5));
        // a rising edge at or after 5000 ms since the last firing fires again
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 6000));
        // and the cooldown counts from this new firing
        Assert.Equal(RuleStep.Release, state.Evaluate(false, 6100));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 10_000));
    }

    [Fact]
    public void Cooldown_CountsFromTheFiring_NotFromTheRisingEdge()
    {
        var state = New(debounceMs: 1000, cooldownMs: 2000);
        Assert.Equal(RuleStep.None, state.Evaluate(true, 0));
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 1000));
        Assert.Equal(RuleStep.Release, state.Evaluate(false, 1500));
        // debounced again at 2600 (only 1600 ms after firing): suppressed
        Assert.Equal(RuleStep.None, state.Evaluate(true, 1600));
        Assert.Equal(RuleStep.None, state.Evaluate(true, 2600));
        Assert.Equal(RuleStep.Release, state.Evaluate(false, 2700));
        // debounced at 3800 (2800 ms after firing): fires
        Assert.Equal(RuleStep.None, state.Evaluate(true, 2800));
        Assert.Equal(RuleStep.Fire, state.Evaluate(true, 3800));
    }
}
