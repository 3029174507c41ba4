using System.Diagnostics;
using Wasmbed.Runtime;

namespace Wasmbed;

public sealed partial class Store
{
    /// <summary>Nonzero when running code must stop; read by every tier at loop headers and function entries (<see cref="Interruption"/>).</summary>
    internal int InterruptFlags;

    internal const int InterruptRequested = 1;
    internal const int DeadlinePassed = 2;
    internal const int CancellationRequested = 4;

    private readonly Lock _deadlineGate = new();
    private TimeSpan? _timeout;
    private CancellationToken _cancellationToken;
    private Timer? _deadlineTimer;
    private CancellationTokenRegistration _cancellationRegistration;
    private long _deadlineTimestamp;
    private bool _armed;

    /// <summary>Whether calls into this store must arm a deadline or cancellation first (kept as a field for the call path).</summary>
    internal bool HasCallBounds;

    /// <summary>
    /// The wall-clock budget of each call from the host into WebAssembly (and of each start function), or null
    /// for none. A call that runs longer traps with <see cref="TrapCode.Interrupted"/>; calls the host makes back
    /// into WebAssembly from inside it share its budget.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine was created without <see cref="EngineOptions.Interruptible"/>.</exception>
    public TimeSpan? Timeout
    {
        get => _timeout;
        set
        {
            ThrowIfNotInterruptible();
            if (value is { } timeout && timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(value), "a timeout must be positive");
            _timeout = value;
            HasCallBounds = _timeout is not null || _cancellationToken.CanBeCanceled;
        }
    }

    /// <summary>
    /// A token that stops calls into this store: once it is cancelled, the running call (or the next one) traps
    /// with <see cref="TrapCode.Interrupted"/>. <see cref="System.Threading.CancellationToken.None"/> (the default) for none.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine was created without <see cref="EngineOptions.Interruptible"/>.</exception>
    public CancellationToken CancellationToken
    {
        get => _cancellationToken;
        set
        {
            ThrowIfNotInterruptible();
            _cancellationToken = value;
            HasCallBounds = _timeout is not null || _cancellationToken.CanBeCanceled;
        }
    }

    /// <summary>
    /// Asks the call running in this store to stop: it traps with <see cref="TrapCode.Interrupted"/> at its next
    /// loop iteration or function entry. If nothing runs, the next call stops at its first check. Safe to call from
    /// any thread.
    /// </summary>
    /// <exception cref="InvalidOperationException">The engine was created without <see cref="EngineOptions.Interruptible"/>.</exception>
    public void Interrupt()
    {
        ThrowIfNotInterruptible();
        Interlocked.Or(ref InterruptFlags, InterruptRequested);
    }

    private void ThrowIfNotInterruptible()
    {
        if (!Engine.Options.Interruptible)
            throw new InvalidOperationException("interruption is not enabled: create the engine with EngineOptions.Interruptible = true");
    }

    /// <summary>
    /// Starts the deadline and cancellation watch of an outermost call. Returns false (and does nothing) when a
    /// call of this store is already armed: nested calls share the outer call's budget.
    /// </summary>
    internal bool ArmCallBounds()
    {
        lock (_deadlineGate)
        {
            if (_armed) return false;
            _armed = true;
            if (_timeout is { } timeout)
            {
                _deadlineTimestamp = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
                _deadlineTimer ??= new Timer(static state => ((Store)state!).OnDeadlineTimer(), this, System.Threading.Timeout.Infinite, System.Threading.Timeout.Infinite);
                _deadlineTimer.Change(timeout, System.Threading.Timeout.InfiniteTimeSpan);
            }
        }
        // Outside the lock: a token already cancelled runs the callback right here.
        if (_cancellationToken.CanBeCanceled)
            _cancellationRegistration = _cancellationToken.UnsafeRegister(static state => Interlocked.Or(ref ((Store)state!).InterruptFlags, CancellationRequested), this);
        return true;
    }

    /// <summary>Ends what <see cref="ArmCallBounds"/> started; a deadline or cancellation seen after this does not reach the next call.</summary>
    internal void DisarmCallBounds()
    {
        // Dispose waits for a running cancellation callback, so none can set its flag after the clear below.
        _cancellationRegistration.Dispose();
        _cancellationRegistration = default;
        lock (_deadlineGate)
        {
            _armed = false;
            _deadlineTimer?.Change(System.Threading.Timeout.Infinite, System.Threading.Timeout.Infinite);
            Interlocked.And(ref InterruptFlags, ~(DeadlinePassed | CancellationRequested));
        }
    }

    private void OnDeadlineTimer()
    {
        lock (_deadlineGate)
        {
            if (!_armed) return;
            long remaining = _deadlineTimestamp - Stopwatch.GetTimestamp();
            if (remaining <= 0)
                Interlocked.Or(ref InterruptFlags, DeadlinePassed);
            else
                _deadlineTimer!.Change(TimeSpan.FromSeconds((double)remaining / Stopwatch.Frequency) + TimeSpan.FromMilliseconds(1), System.Threading.Timeout.InfiniteTimeSpan);
        }
    }
}
