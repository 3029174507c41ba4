using System.Diagnostics;
using System.Globalization;
using Wasmbed.Gateway.Messages;

namespace Wasmbed.Gateway.Pipelines;

/// <summary>
/// Stage apps joined by bounded channels. Messages enter through <see cref="TryAccept"/> (sources) or
/// <see cref="AcceptAsync"/> (the API), get a sequence number, pass every stage, and what the last stage emits is
/// kept in <see cref="Output"/> and handed to subscribers (rules).
/// </summary>
internal sealed class Pipeline
{
    private readonly Stage[] _stages;
    private readonly List<Task> _pumps = [];
    private readonly Lock _sequenceLock = new();
    private readonly Func<bool> _admit;
    private long _sequence, _dropped, _outputs;

    public Pipeline(string tenant, string name, string sourceName, IReadOnlyList<Stage> stages, Func<bool> admit)
    {
        if (stages.Count == 0) throw new GatewayException(GatewayError.BadRequest, $"pipeline {name} has no stages");
        Tenant = tenant;
        Name = name;
        SourceName = sourceName;
        _stages = [.. stages];
        _admit = admit;
        for (int i = 0; i < _stages.Length - 1; i++) _stages[i].Next = _stages[i + 1].WriteAsync;
        _stages[^1].Next = (message, _) =>
        {
            Interlocked.Increment(ref _outputs);
            Output.Add(message);
            foreach (var subscriber in _subscribers) subscriber(message);
            return ValueTask.CompletedTask;
        };
    }

    public string Tenant { get; }

    public string Name { get; }

    public string SourceName { get; }

    public IReadOnlyList<Stage> Stages => _stages;

    public OutputBuffer Output { get; } = new();

    private volatile Action<Message>[] _subscribers = [];

    /// <summary>Calls <paramref name="subscriber"/> (on the last stage's pump) with every message the pipeline produces from now on.</summary>
    public void Subscribe(Action<Message> subscriber)
    {
        lock (_sequenceLock) _subscribers = [.. _subscribers, subscriber];
    }

    public bool Running { get; private set; }

    public long Accepted => Interlocked.Read(ref _sequence);

    public long Dropped => Interlocked.Read(ref _dropped);

    public long Completed => Interlocked.Read(ref _outputs);

    public long Failed => _stages.Sum(s => s.Failed);

    public void Start(CancellationToken cancellation)
    {
        foreach (var stage in _stages) _pumps.Add(Task.Run(() => stage.PumpAsync(cancellation), CancellationToken.None));
        Running = true;
    }

    /// <summary>Stops taking input and waits (up to <paramref name="timeout"/>) for queued messages to pass; false if they did not.</summary>
    public bool Drain(TimeSpan timeout)
    {
        Running = false;
        var deadline = Stopwatch.StartNew();
        foreach (var stage in _stages)
        {
            stage.Complete();
            var pump = _pumps[Array.IndexOf(_stages, stage)];
            var left = timeout - deadline.Elapsed;
            try
            {
                if (left <= TimeSpan.Zero || !pump.Wait(left)) return false;
            }
            catch (AggregateException)
            {
                // cancelled or failed: it is not pumping any more
            }
        }
        return true;
    }

    /// <summary>A source's message: dropped (and counted) when the tenant is over its rate or the first stage is full.</summary>
    public bool TryAccept(Message message)
    {
        if (!Running || !_admit())
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
        lock (_sequenceLock)
        {
            var numbered = Number(message);
            if (_stages[0].TryWrite(numbered)) return true;
            _sequence--;
        }
        Interlocked.Increment(ref _dropped);
        return false;
    }

    /// <summary>
    /// An API message: refused with 429 when the tenant is over its rate, 503 when the first stage stays full for
    /// <paramref name="wait"/>. Returns the message's sequence number.
    /// </summary>
    public async Task<long> AcceptAsync(Message message, TimeSpan wait, CancellationToken cancellation)
    {
        if (!Running) throw new GatewayException(GatewayError.Unavailable, $"pipeline {Name} is not running");
        if (!_admit())
        {
            Interlocked.Increment(ref _dropped);
            throw new GatewayException(GatewayError.TooManyRequests, $"tenant {Tenant} is over its event rate");
        }
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            lock (_sequenceLock)
            {
                var numbered = Number(message);
                if (_stages[0].TryWrite(numbered)) return numbered.Sequence;
                _sequence--;
            }
            if (deadline.Elapsed >= wait)
            {
                Interlocked.Increment(ref _dropped);
                throw new GatewayException(GatewayError.Unavailable, $"pipeline {Name} is full (its first stage has {_stages[0].Capacity} messages queued)");
            }
            await Task.Delay(5, cancellation);
        }
    }

    public static long MonotonicNanoseconds() => (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));

    /// <summary>Gives the message the next sequence number and the gateway's metadata. Called under the sequence lock.</summary>
    private Message Number(Message message)
    {
        long sequence = ++_sequence;
        return message.WithMeta(message.Meta.With(
            ("seq", sequence.ToString(CultureInfo.InvariantCulture)),
            ("ts", MonotonicNanoseconds().ToString(CultureInfo.InvariantCulture)),
            ("pipeline", Name),
            ("source", message.Meta.Get("source") ?? SourceName)));
    }
}
