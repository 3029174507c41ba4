namespace Wasmbed.Wasi;

/// <summary>
/// <c>poll_oneoff</c>: waits until at least one subscription fires — a clock reaching its timeout, or a descriptor
/// becoming readable or writable — and reports every one that has (witx <c>subscription</c> in, <c>event</c> out).
/// Files and stdio streams are always ready (as with POSIX <c>poll</c> on regular files); sockets are polled.
/// </summary>
internal static class PollCalls
{
    private const uint SubscriptionSize = 48;
    private const uint EventSize = 32;
    private const ushort AbsoluteTime = 1;

    /// <summary>How often descriptors that are not ready are checked again while waiting.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly record struct Subscription(ulong UserData, EventType Type, ulong Deadline, int Fd, Errno Error);

    public static void PollOneoff(WasiContext context, GuestMemory memory, uint input, uint output, uint count, uint resultPointer)
    {
        if (count == 0) WasiError.Throw(Errno.Invalid);
        memory.SliceArray(input, count, SubscriptionSize);
        memory.SliceArray(output, count, EventSize);
        memory.Slice(resultPointer, 4);

        var subscriptions = new Subscription[count];
        for (uint i = 0; i < count; i++) subscriptions[i] = ReadSubscription(context, memory, input + i * SubscriptionSize);

        uint written;
        while ((written = WriteReadyEvents(context, memory, subscriptions, output)) == 0)
        {
            Wait(context, subscriptions);
        }
        memory.WriteUInt32(resultPointer, written);
    }

    /// <summary>subscription: userdata u64 @0, tag u8 @8; clock: id u32 @16, timeout u64 @24, precision u64 @32, flags u16 @40; fd: fd u32 @16.</summary>
    private static Subscription ReadSubscription(WasiContext context, GuestMemory memory, uint at)
    {
        ulong userData = memory.ReadUInt64(at);
        byte tag = memory.ReadByte(at + 8);
        switch ((EventType)tag)
        {
            case EventType.Clock:
            {
                var clock = (ClockId)memory.ReadUInt32(at + 16);
                ulong timeout = memory.ReadUInt64(at + 24);
                bool absolute = (memory.ReadUInt16(at + 40) & AbsoluteTime) != 0;
                // Deadlines are kept on the monotonic clock so that wall-clock changes do not stretch a relative wait.
                ulong now = context.Clocks.Now(ClockId.Monotonic);
                ulong deadline;
                if (clock == ClockId.Monotonic) deadline = absolute ? timeout : Add(now, timeout);
                else if (clock == ClockId.Realtime)
                {
                    ulong realNow = context.Clocks.Now(ClockId.Realtime);
                    deadline = absolute ? (timeout <= realNow ? now : Add(now, timeout - realNow)) : Add(now, timeout);
                }
                else return new(userData, EventType.Clock, 0, -1, Errno.Invalid);
                return new(userData, EventType.Clock, deadline, -1, Errno.Success);
            }
            case EventType.FdRead:
            case EventType.FdWrite:
            {
                int fd = (int)memory.ReadUInt32(at + 16);
                Errno error = Errno.Success;
                try
                {
                    context.Descriptors.Get(fd, Rights.PollFdReadwrite);
                }
                catch (WasiError e)
                {
                    error = e.Errno;
                }
                return new(userData, (EventType)tag, 0, fd, error);
            }
            default:
                return WasiError.Throw<Subscription>(Errno.Invalid);
        }
    }

    private static ulong Add(ulong a, ulong b) => a + b < a ? ulong.MaxValue : a + b;

    /// <summary>event: userdata u64 @0, error u16 @8, type u8 @10, nbytes u64 @16, flags u16 @24.</summary>
    private static uint WriteReadyEvents(WasiContext context, GuestMemory memory, Subscription[] subscriptions, uint output)
    {
        uint written = 0;
        ulong now = context.Clocks.Now(ClockId.Monotonic);
        foreach (var subscription in subscriptions)
        {
            ulong bytes = 0;
            bool ready = subscription.Error != Errno.Success || subscription.Type switch
            {
                EventType.Clock => subscription.Deadline <= now,
                EventType.FdRead => context.Descriptors.Get(subscription.Fd).PollRead(out bytes),
                _ => context.Descriptors.Get(subscription.Fd).PollWrite(),
            };
            if (!ready) continue;
            uint at = output + written * EventSize;
            memory.Slice(at, EventSize).Clear();
            memory.WriteUInt64(at, subscription.UserData);
            memory.WriteUInt16(at + 8, (ushort)subscription.Error);
            memory.WriteByte(at + 10, (byte)subscription.Type);
            if (subscription.Error == Errno.Success && subscription.Type != EventType.Clock) memory.WriteUInt64(at + 16, bytes);
            written++;
        }
        return written;
    }

    /// <summary>Sleeps until the earliest clock deadline, checking descriptors now and then if any are subscribed.</summary>
    private static void Wait(WasiContext context, Subscription[] subscriptions)
    {
        ulong now = context.Clocks.Now(ClockId.Monotonic);
        ulong earliest = ulong.MaxValue;
        bool watchesDescriptors = false;
        foreach (var subscription in subscriptions)
        {
            if (subscription.Type == EventType.Clock) earliest = Math.Min(earliest, subscription.Deadline);
            else watchesDescriptors = true;
        }
        var untilDeadline = earliest == ulong.MaxValue ? TimeSpan.MaxValue
            : TimeSpan.FromTicks((long)Math.Min((earliest - Math.Min(earliest, now) + 99) / 100, (ulong)TimeSpan.MaxValue.Ticks / 2));
        var wait = watchesDescriptors && untilDeadline > PollInterval ? PollInterval : untilDeadline;
        if (wait > TimeSpan.Zero) Thread.Sleep(wait);
    }
}
