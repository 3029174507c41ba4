using System.Diagnostics;
using System.Threading.Channels;
using Wasmbed.Gateway.Messages;
using Wasmbed.Gateway.Metrics;

namespace Wasmbed.Gateway.Pipelines;

/// <summary>
/// One stage of a pipeline: a bounded input channel and a pump that hands its messages, one at a time, to the stage
/// app through the app manager (so a hot swap happens between two messages), collects what the app emitted, and
/// writes it to the next stage (waiting while that one is full: back-pressure).
/// </summary>
internal sealed class Stage
{
    private readonly Channel<StageItem> _input;
    private readonly StageCalls _calls;
    private readonly Func<string, ReadOnlyMemory<byte>, long> _post;
    private readonly Lock _lock = new();
    private TaskCompletionSource<Exception?>? _pending;
    private long _received, _emitted, _failed;

    public Stage(string app, int capacity, StageCalls calls, Func<string, ReadOnlyMemory<byte>, long> post, AppMetrics metrics)
    {
        App = app;
        Capacity = capacity;
        _calls = calls;
        _post = post;
        Metrics = metrics;
        _input = Channel.CreateBounded<StageItem>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public string App { get; }

    public int Capacity { get; }

    public AppMetrics Metrics { get; }

    public int Queued => _input.Reader.Count;

    public long Received => Interlocked.Read(ref _received);

    public long Emitted => Interlocked.Read(ref _emitted);

    public long Failed => Interlocked.Read(ref _failed);

    /// <summary>Where this stage's output goes: the next stage's <see cref="WriteAsync"/>, or the pipeline's output.</summary>
    public Func<Message, CancellationToken, ValueTask>? Next { get; set; }

    /// <summary>Called with a failure description when a message fails in this stage.</summary>
    public Action<string>? OnFailure { get; set; }

    public bool TryWrite(Message message) => _input.Writer.TryWrite(new StageItem(message, Stopwatch.GetTimestamp()));

    public ValueTask WriteAsync(Message message, CancellationToken cancellation) =>
        _input.Writer.WriteAsync(new StageItem(message, Stopwatch.GetTimestamp()), cancellation);

    /// <summary>No more input: the pump ends once the queue is drained.</summary>
    public void Complete() => _input.Writer.TryComplete();

    /// <summary>The app manager delivered (or failed) the message this stage posted.</summary>
    public void Delivered(Exception? failure)
    {
        TaskCompletionSource<Exception?>? pending;
        lock (_lock)
        {
            pending = _pending;
            _pending = null;
        }
        pending?.TrySetResult(failure);
    }

    public async Task PumpAsync(CancellationToken cancellation)
    {
        await foreach (var item in _input.Reader.ReadAllAsync(cancellation))
        {
            Interlocked.Increment(ref _received);
            var call = new StageCall(item.Message);
            var done = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_lock) _pending = done;
            _calls.Set(App, call);
            Exception? failure;
            try
            {
                _post(App, Envelope.Encode(item.Message));
                failure = await done.Task.WaitAsync(cancellation);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failure = e; // the app was removed, or will not take events
            }
            finally
            {
                _calls.Set(App, null);
                lock (_lock) _pending = null;
            }
            Metrics.Latency.Record(Stopwatch.GetElapsedTime(item.Enqueued));
            if (failure is not null)
            {
                Interlocked.Increment(ref _failed);
                OnFailure?.Invoke($"message {item.Message.Sequence}: {failure.Message}");
                continue;
            }
            foreach (var output in call.Emitted)
            {
                Interlocked.Increment(ref _emitted);
                if (Next is { } next) await next(output, cancellation);
            }
        }
    }

    private readonly record struct StageItem(Message Message, long Enqueued);
}
