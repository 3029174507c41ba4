using Wasmbed.Interpreter;
using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// A call started with <see cref="Function.InvokeResumable"/>: either completed, with its <see cref="Results"/>, or
/// stopped because the store ran out of fuel, in which case the host can add fuel and <see cref="Resume"/> it.
/// The call continues exactly where it stopped: nothing ran twice, nothing was skipped.
/// </summary>
/// <example>
/// <code>
/// var call = function.InvokeResumable(Value.I32(30));
/// while (!call.IsCompleted) { store.AddFuel(10_000); call.Resume(); }
/// Console.WriteLine(call.Results[0]);
/// </code>
/// </example>
public sealed class ResumableCall
{
    private readonly Function _function;
    private readonly ulong[] _slots;
    private SuspendedCall? _suspended;
    private Value[]? _results;

    internal ResumableCall(Function function, ulong[] slots, SuspendedCall? suspended)
    {
        _function = function;
        _slots = slots;
        Update(suspended);
    }

    /// <summary>Whether the call has returned; if not, it is waiting for fuel.</summary>
    public bool IsCompleted => _suspended is null;

    /// <summary>The function called.</summary>
    public Function Function => _function;

    /// <summary>The <see cref="TrapCode.OutOfFuel"/> trap that stopped the call last, with its backtrace, or null once completed.</summary>
    public TrapException? OutOfFuelTrap => _suspended?.Trap;

    /// <summary>The results of the completed call.</summary>
    /// <exception cref="InvalidOperationException">The call has not completed.</exception>
    public Value[] Results => _results ?? throw new InvalidOperationException("the call has not completed: add fuel and resume it");

    /// <summary>
    /// Continues the call with the store's current fuel. It either completes or stops again for lack of fuel
    /// (check <see cref="IsCompleted"/>). Calls to other functions of the store may run in between.
    /// </summary>
    /// <exception cref="InvalidOperationException">The call has already completed.</exception>
    /// <exception cref="TrapException">Execution trapped for another reason; the call is over.</exception>
    public void Resume()
    {
        var suspended = _suspended ?? throw new InvalidOperationException("the call has already completed");
        _suspended = null;   // a trap below ends the call for good
        Update(Invocation.WithCallBounds(_function.Store, () => Executor.Resume(_function.Store, suspended, _slots)));
    }

    private void Update(SuspendedCall? suspended)
    {
        _suspended = suspended;
        if (suspended is not null) return;
        var types = _function.Type.Results;
        var results = new Value[types.Count];
        int index = 0;
        for (int i = 0; i < results.Length; i++) results[i] = Value.ReadSlots(_function.Store, types[i], _slots, ref index);
        _results = results;
    }
}
