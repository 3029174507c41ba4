using Wasmbed.Gateway.Messages;

namespace Wasmbed.Gateway.Pipelines;

/// <summary>
/// The message a stage app is handling right now and what it emitted for it. Set by the stage's pump before it
/// posts the message, read by <c>emit</c> on the app's worker thread (the post and the delivery observer are the
/// hand-over points, both under the app manager's lock).
/// </summary>
internal sealed class StageCall
{
    public const int MaxEmits = 16;

    public StageCall(Message input) => Input = input;

    public Message Input { get; }

    public List<Message> Emitted { get; } = [];

    public int EmittedBytes { get; set; }
}

/// <summary>Where each stage app's current <see cref="StageCall"/> lives, by app name (one per tenant).</summary>
internal sealed class StageCalls
{
    private readonly Dictionary<string, StageCall?> _current = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public StageCall? Current(string app)
    {
        lock (_lock) return _current.GetValueOrDefault(app);
    }

    public void Set(string app, StageCall? call)
    {
        lock (_lock) _current[app] = call;
    }
}
