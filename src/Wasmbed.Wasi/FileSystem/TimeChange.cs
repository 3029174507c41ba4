namespace Wasmbed.Wasi;

/// <summary>What a <c>*_filestat_set_times</c> call asks for one timestamp: leave it, set it to now, or set it.</summary>
internal readonly record struct TimeChange(TimeChangeKind Kind, ulong Nanoseconds)
{
    public static readonly TimeChange Omit = new(TimeChangeKind.Omit, 0);

    /// <summary>Decodes one timestamp of a call's fstflags (spec: setting both the value and "now" is EINVAL).</summary>
    public static TimeChange From(ulong value, bool set, bool now)
    {
        if (set && now) WasiError.Throw(Errno.Invalid);
        if (now) return new(TimeChangeKind.Now, 0);
        return set ? new(TimeChangeKind.Set, value) : Omit;
    }

    public DateTime? ToDateTime(DateTime now) => Kind switch
    {
        TimeChangeKind.Now => now,
        TimeChangeKind.Set => DateTime.UnixEpoch.AddTicks((long)(Nanoseconds / 100)),
        _ => null,
    };
}

internal enum TimeChangeKind
{
    Omit,
    Now,
    Set,
}
