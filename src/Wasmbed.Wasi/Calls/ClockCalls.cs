namespace Wasmbed.Wasi;

/// <summary><c>clock_res_get</c>, <c>clock_time_get</c>, <c>random_get</c>, <c>sched_yield</c>, <c>proc_*</c>.</summary>
internal static class ClockCalls
{
    public static void ResolutionGet(GuestMemory memory, uint clock, uint resultPointer) =>
        memory.WriteUInt64(resultPointer, WasiClocks.Resolution((ClockId)clock));

    /// <summary>The precision argument is a hint that no host clock here can use, so it is ignored.</summary>
    public static void TimeGet(WasiContext context, GuestMemory memory, uint clock, uint resultPointer) =>
        memory.WriteUInt64(resultPointer, context.Clocks.Now((ClockId)clock));

    public static void RandomGet(WasiContext context, GuestMemory memory, uint buffer, uint length) =>
        context.Configuration.RandomSource(memory.Slice(buffer, length));

    public static void SchedYield() => Thread.Yield();

    /// <summary>
    /// proc_raise: signals are not part of the sandbox (there is no handler model in WASI, and the call was dropped
    /// from later snapshots), so it reports ENOSYS rather than acting on the host.
    /// </summary>
    public static void Raise(uint signal) => WasiError.Throw(Errno.NotImplemented);
}
