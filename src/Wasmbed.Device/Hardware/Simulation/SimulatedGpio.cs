namespace Wasmbed.Device.Hardware.Simulation;

/// <summary>
/// Simulated GPIO pins. Pins can be wired together in pairs (<see cref="Connect"/>: an output drives the input at
/// the other end, a loopback), and an input can be given level changes at chosen simulated times
/// (<see cref="ScheduleInput"/>). An unconnected input reads its pull (high for pull-up, else low).
/// </summary>
/// <remarks>
/// Like the Linux GPIO character device, an input records edges from the moment it is configured, so an edge that
/// happens just before a wait is not lost. A wait with nothing recorded jumps simulated time to the next scheduled
/// change (or to the timeout); so waits cost no real time and a run is repeatable.
/// </remarks>
public sealed class SimulatedGpio : IGpioController
{
    private const int MaxQueuedEdges = 16;
    private readonly SimulatedClock _clock;
    private readonly Pin[] _pins;
    private readonly Lock _lock = new();

    public SimulatedGpio(SimulatedClock clock, int pinCount)
    {
        ArgumentNullException.ThrowIfNull(clock);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pinCount);
        _clock = clock;
        _pins = new Pin[pinCount];
        for (int i = 0; i < pinCount; i++) _pins[i] = new Pin();
    }

    public int PinCount => _pins.Length;

    /// <summary>Wires pins <paramref name="a"/> and <paramref name="b"/> together: whichever is an output drives the other.</summary>
    public void Connect(int a, int b)
    {
        lock (_lock)
        {
            _pins[a].Peer = b;
            _pins[b].Peer = a;
        }
    }

    /// <summary>Makes the outside world drive input <paramref name="pin"/> to <paramref name="high"/> at simulated time <paramref name="atNanoseconds"/>.</summary>
    public void ScheduleInput(int pin, long atNanoseconds, bool high)
    {
        lock (_lock)
        {
            var stimuli = _pins[pin].Stimuli;
            int index = stimuli.FindLastIndex(s => s.At <= atNanoseconds) + 1;
            stimuli.Insert(index, (atNanoseconds, high));
        }
    }

    public DeviceError Configure(int pin, PinMode mode)
    {
        if ((uint)pin >= (uint)_pins.Length) return DeviceError.InvalidArgument;
        lock (_lock)
        {
            var state = _pins[pin];
            state.Mode = mode;
            state.Edges.Clear();
            CatchUp(pin);
            state.LastLevel = LevelOf(pin);
            if (state.Peer is int peer) Propagate(peer);
            return DeviceError.None;
        }
    }

    public DeviceError Read(int pin, out bool high)
    {
        high = false;
        if ((uint)pin >= (uint)_pins.Length) return DeviceError.InvalidArgument;
        lock (_lock)
        {
            CatchUp(pin);
            high = LevelOf(pin);
            return DeviceError.None;
        }
    }

    public DeviceError Write(int pin, bool high)
    {
        if ((uint)pin >= (uint)_pins.Length) return DeviceError.InvalidArgument;
        lock (_lock)
        {
            var state = _pins[pin];
            if (state.Mode != PinMode.Output) return DeviceError.NotPermitted;
            state.Output = high;
            if (state.Peer is int peer) Propagate(peer);
            return DeviceError.None;
        }
    }

    public DeviceError WaitForEdge(int pin, PinEdge edges, long timeoutNanoseconds, out PinEdge edge)
    {
        edge = PinEdge.None;
        if ((uint)pin >= (uint)_pins.Length || edges == PinEdge.None) return DeviceError.InvalidArgument;
        long deadline = _clock.MonotonicNanoseconds + Math.Max(0, timeoutNanoseconds);
        lock (_lock)
        {
            var state = _pins[pin];
            if (state.Mode == PinMode.Output) return DeviceError.NotPermitted;
            while (true)
            {
                CatchUp(pin);
                while (state.Edges.TryDequeue(out var recorded))
                {
                    if ((recorded & edges) != 0)
                    {
                        edge = recorded;
                        return DeviceError.None;
                    }
                }
                // Nothing recorded: jump to the next scheduled change, if it comes before the deadline.
                var next = state.Stimuli.Count > 0 ? state.Stimuli[0].At : long.MaxValue;
                if (next > deadline)
                {
                    _clock.AdvanceTo(deadline);
                    return DeviceError.TimedOut;
                }
                _clock.AdvanceTo(next);
            }
        }
    }

    /// <summary>Applies the scheduled changes of <paramref name="pin"/> that are due.</summary>
    private void CatchUp(int pin)
    {
        var state = _pins[pin];
        long now = _clock.MonotonicNanoseconds;
        while (state.Stimuli.Count > 0 && state.Stimuli[0].At <= now)
        {
            state.External = state.Stimuli[0].High;
            state.Stimuli.RemoveAt(0);
            Propagate(pin);
        }
    }

    /// <summary>Recomputes the level of input <paramref name="pin"/> and records an edge if it changed.</summary>
    private void Propagate(int pin)
    {
        var state = _pins[pin];
        if (state.Mode == PinMode.Output) return;
        bool level = LevelOf(pin);
        if (level == state.LastLevel) return;
        state.LastLevel = level;
        if (state.Edges.Count == MaxQueuedEdges) state.Edges.Dequeue(); // like a kernel FIFO: drop the oldest
        state.Edges.Enqueue(level ? PinEdge.Rising : PinEdge.Falling);
    }

    private bool LevelOf(int pin)
    {
        var state = _pins[pin];
        if (state.Mode == PinMode.Output) return state.Output;
        if (state.Peer is int peer && _pins[peer].Mode == PinMode.Output) return _pins[peer].Output;
        if (state.External is bool external) return external;
        return state.Mode == PinMode.InputPullUp;
    }

    private sealed class Pin
    {
        public PinMode Mode = PinMode.Input;
        public bool Output;
        public bool LastLevel;
        public bool? External;
        public int? Peer;
        public readonly List<(long At, bool High)> Stimuli = [];
        public readonly Queue<PinEdge> Edges = new(MaxQueuedEdges);
    }
}
