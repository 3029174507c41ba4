using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Wasmbed.Runtime;

/// <summary>
/// The interruption check every tier runs at loop headers and function entries when the engine is
/// <see cref="EngineOptions.Interruptible"/>: one read of <see cref="Store.InterruptFlags"/>, which
/// <see cref="Store.Interrupt"/>, the deadline timer and the cancellation token set from other threads.
/// </summary>
internal static class Interruption
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Check(Store store)
    {
        if (Volatile.Read(ref store.InterruptFlags) != 0) Interrupted(store);
    }

    /// <summary>Traps with <see cref="TrapCode.Interrupted"/>; an explicit <see cref="Store.Interrupt"/> request is used up by it.</summary>
    [DoesNotReturn, MethodImpl(MethodImplOptions.NoInlining)]
    public static void Interrupted(Store store)
    {
        Interlocked.And(ref store.InterruptFlags, ~Store.InterruptRequested);
        throw new TrapException(TrapCode.Interrupted);
    }
}
