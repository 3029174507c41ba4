using System.Globalization;
using Wasmbed.Device.Storage;

namespace Wasmbed.Device.Apps;

/// <summary>
/// One installed app in memory: its state store, the version serving it (when running), and its event queue.
/// A worker thread delivers queued events one at a time, in order, each inside its own state batch, so an
/// event's kv writes and the note that it was handled commit together. <see cref="Pause"/> lets the manager
/// act between two deliveries: it waits for the event in flight, and no event starts until it resumes.
/// </summary>
internal sealed class AppRuntime : IDisposable
{
    private readonly Queue<AppEvent> _queue = new();
    private readonly object _gate = new();
    private Thread? _worker;
    private bool _stopping;
    private int _pauses;
    private bool _delivering;
    private long _lastPosted;
    private long _failed;
    private string? _lastError;

    public AppRuntime(string name, string directory, AppStateStore state)
    {
        Name = name;
        Directory = directory;
        State = state;
        _lastPosted = LastHandledEvent;
    }

    public string Name { get; }

    public string Directory { get; }

    public AppStateStore State { get; }

    /// <summary>The version serving events; null while the app is stopped. Changed only while paused.</summary>
    public AppInstance? Current { get; private set; }

    /// <summary>The sequence number of the last event handled (committed), from the state store.</summary>
    public long LastHandledEvent =>
        long.TryParse(State.GetMeta(AppRecord.LastEvent), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    public long PendingEvents
    {
        get { lock (_gate) return _queue.Count + (_delivering ? 1 : 0); }
    }

    public long FailedEvents => Interlocked.Read(ref _failed);

    public string? LastError
    {
        get { lock (_gate) return _lastError; }
    }

    /// <summary>Called for every event after it is handled (or failed), on the worker thread: for monitoring and tests.</summary>
    public Action<AppEvent, string, Exception?>? Delivered { get; set; }

    /// <summary>Queues an event; returns its sequence number.</summary>
    public long Post(ReadOnlyMemory<byte> payload)
    {
        lock (_gate)
        {
            var appEvent = new AppEvent(++_lastPosted, payload.ToArray());
            _queue.Enqueue(appEvent);
            Monitor.PulseAll(_gate);
            return appEvent.Sequence;
        }
    }

    /// <summary>Starts serving events with <paramref name="instance"/>.</summary>
    public void Run(AppInstance instance)
    {
        lock (_gate)
        {
            if (_worker is not null) throw new InvalidOperationException($"{Name} is already running");
            Current = instance;
            _stopping = false;
            _worker = new Thread(Work) { IsBackground = true, Name = $"app {Name}" };
            _worker.Start();
        }
    }

    /// <summary>Stops after the event in flight; queued events stay queued. Returns the instance that was serving.</summary>
    public AppInstance? Stop()
    {
        Thread? worker;
        lock (_gate)
        {
            worker = _worker;
            _stopping = true;
            Monitor.PulseAll(_gate);
        }
        if (worker is not null && worker != Thread.CurrentThread) worker.Join();
        lock (_gate)
        {
            _worker = null;
            var instance = Current;
            Current = null;
            return instance;
        }
    }

    /// <summary>Waits for the event in flight to finish and holds back the next until the returned scope ends.</summary>
    public PauseScope Pause()
    {
        lock (_gate)
        {
            _pauses++;
            while (_delivering) Monitor.Wait(_gate);
        }
        return new PauseScope(this);
    }

    /// <summary>Swaps the serving version; only while paused. Returns the old one.</summary>
    public AppInstance? Swap(AppInstance next)
    {
        lock (_gate)
        {
            if (_pauses == 0) throw new InvalidOperationException("swap only between deliveries (pause first)");
            var old = Current;
            Current = next;
            return old;
        }
    }

    /// <summary>Blocks until no event is queued or in flight (or the timeout passes); false on timeout.</summary>
    public bool WaitUntilIdle(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        lock (_gate)
        {
            while (_queue.Count > 0 || _delivering)
            {
                var left = deadline - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || (_worker is null && !_delivering)) return false;
                Monitor.Wait(_gate, left);
            }
            return true;
        }
    }

    private void Work()
    {
        while (true)
        {
            AppEvent appEvent;
            AppInstance instance;
            lock (_gate)
            {
                while (!_stopping && (_queue.Count == 0 || _pauses > 0)) Monitor.Wait(_gate);
                if (_stopping) return;
                appEvent = _queue.Dequeue();
                instance = Current!;
                _delivering = true;
            }
            Exception? failure = null;
            try
            {
                Deliver(instance, appEvent);
            }
            catch (Exception e)
            {
                failure = e;
            }
            try
            {
                Delivered?.Invoke(appEvent, instance.Version, failure);
            }
            finally
            {
                lock (_gate)
                {
                    _delivering = false;
                    if (failure is not null) _lastError = $"event {appEvent.Sequence}: {failure.Message}";
                    Monitor.PulseAll(_gate);
                }
            }
        }
    }

    /// <summary>One event in one batch: the handler's kv writes and the event's sequence number commit together.</summary>
    private void Deliver(AppInstance instance, AppEvent appEvent)
    {
        string sequence = appEvent.Sequence.ToString(CultureInfo.InvariantCulture);
        State.BeginBatch();
        try
        {
            instance.Deliver(appEvent);
            State.SetMeta(AppRecord.LastEvent, sequence);
            State.Commit();
        }
        catch (Exception)
        {
            // A failed handler's writes are undone, but the event counts as consumed: it is not retried.
            State.Rollback();
            Interlocked.Increment(ref _failed);
            State.BeginBatch();
            State.SetMeta(AppRecord.LastEvent, sequence);
            State.Commit();
            throw;
        }
    }

    private void Resume()
    {
        lock (_gate)
        {
            _pauses--;
            Monitor.PulseAll(_gate);
        }
    }

    public void Dispose()
    {
        Stop()?.Dispose();
        State.Dispose();
    }

    /// <summary>Holds event delivery while alive.</summary>
    public readonly struct PauseScope(AppRuntime runtime) : IDisposable
    {
        public void Dispose() => runtime.Resume();
    }
}
