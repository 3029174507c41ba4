namespace Wasmbed.Wasi;

/// <summary>One WASI import at the ABI level: arguments arrive as i32/i64 bits widened to long.</summary>
internal delegate void WasiCall(WasiContext context, GuestMemory memory, ReadOnlySpan<long> arguments);

/// <summary>An import of <c>wasi_snapshot_preview1</c>: its name, parameter types, and the call behind it.</summary>
internal sealed record WasiImport(string Name, ValueType[] Parameters, bool ReturnsErrno, WasiCall Call)
{
    public FunctionType Type => new(Parameters, ReturnsErrno ? [ValueType.I32] : []);
}

/// <summary>
/// Every function of <c>wasi_snapshot_preview1</c> (the witx of the snapshot), in the order of the witx file, mapped to
/// the call that implements it. Pointers and sizes are u32 in the ABI, file descriptors and flags i32/u32 (u16 and u8
/// flags are passed as i32), offsets, sizes of files, rights and timestamps u64.
/// </summary>
internal static class WasiImports
{
    private const ValueType I32 = ValueType.I32;
    private const ValueType I64 = ValueType.I64;

    private static uint U(long value) => (uint)value;

    private static int Fd(long value) => (int)value;

    private static ulong U64(long value) => (ulong)value;

    public static readonly IReadOnlyList<WasiImport> All =
    [
        new("args_get", [I32, I32], true, (c, m, a) => ArgsCalls.Get(c.Arguments, m, U(a[0]), U(a[1]))),
        new("args_sizes_get", [I32, I32], true, (c, m, a) => ArgsCalls.SizesGet(c.Arguments, m, U(a[0]), U(a[1]))),
        new("environ_get", [I32, I32], true, (c, m, a) => ArgsCalls.Get(c.Environment, m, U(a[0]), U(a[1]))),
        new("environ_sizes_get", [I32, I32], true, (c, m, a) => ArgsCalls.SizesGet(c.Environment, m, U(a[0]), U(a[1]))),
        new("clock_res_get", [I32, I32], true, (c, m, a) => ClockCalls.ResolutionGet(m, U(a[0]), U(a[1]))),
        new("clock_time_get", [I32, I64, I32], true, (c, m, a) => ClockCalls.TimeGet(c, m, U(a[0]), U(a[2]))),
        new("fd_advise", [I32, I64, I64, I32], true, (c, m, a) => FdCalls.Advise(c, Fd(a[0]), U64(a[1]), U64(a[2]), U(a[3]))),
        new("fd_allocate", [I32, I64, I64], true, (c, m, a) => FdCalls.Allocate(c, Fd(a[0]), U64(a[1]), U64(a[2]))),
        new("fd_close", [I32], true, (c, m, a) => FdCalls.Close(c, Fd(a[0]))),
        new("fd_datasync", [I32], true, (c, m, a) => FdCalls.Datasync(c, Fd(a[0]))),
        new("fd_fdstat_get", [I32, I32], true, (c, m, a) => FdCalls.FdstatGet(c, m, Fd(a[0]), U(a[1]))),
        new("fd_fdstat_set_flags", [I32, I32], true, (c, m, a) => FdCalls.FdstatSetFlags(c, Fd(a[0]), U(a[1]))),
        new("fd_fdstat_set_rights", [I32, I64, I64], true, (c, m, a) => FdCalls.FdstatSetRights(c, Fd(a[0]), U64(a[1]), U64(a[2]))),
        new("fd_filestat_get", [I32, I32], true, (c, m, a) => FdCalls.FilestatGet(c, m, Fd(a[0]), U(a[1]))),
        new("fd_filestat_set_size", [I32, I64], true, (c, m, a) => FdCalls.FilestatSetSize(c, Fd(a[0]), U64(a[1]))),
        new("fd_filestat_set_times", [I32, I64, I64, I32], true, (c, m, a) => FdCalls.FilestatSetTimes(c, Fd(a[0]), U64(a[1]), U64(a[2]), U(a[3]))),
        new("fd_pread", [I32, I32, I32, I64, I32], true, (c, m, a) => FdIoCalls.ReadAt(c, m, Fd(a[0]), U(a[1]), U(a[2]), U64(a[3]), U(a[4]))),
        new("fd_prestat_get", [I32, I32], true, (c, m, a) => FdCalls.PrestatGet(c, m, Fd(a[0]), U(a[1]))),
        new("fd_prestat_dir_name", [I32, I32, I32], true, (c, m, a) => FdCalls.PrestatDirName(c, m, Fd(a[0]), U(a[1]), U(a[2]))),
        new("fd_pwrite", [I32, I32, I32, I64, I32], true, (c, m, a) => FdIoCalls.WriteAt(c, m, Fd(a[0]), U(a[1]), U(a[2]), U64(a[3]), U(a[4]))),
        new("fd_read", [I32, I32, I32, I32], true, (c, m, a) => FdIoCalls.Read(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]))),
        new("fd_readdir", [I32, I32, I32, I64, I32], true, (c, m, a) => DirectoryCalls.Readdir(c, m, Fd(a[0]), U(a[1]), U(a[2]), U64(a[3]), U(a[4]))),
        new("fd_renumber", [I32, I32], true, (c, m, a) => FdCalls.Renumber(c, Fd(a[0]), Fd(a[1]))),
        new("fd_seek", [I32, I64, I32, I32], true, (c, m, a) => FdCalls.Seek(c, m, Fd(a[0]), a[1], U(a[2]), U(a[3]))),
        new("fd_sync", [I32], true, (c, m, a) => FdCalls.Sync(c, Fd(a[0]))),
        new("fd_tell", [I32, I32], true, (c, m, a) => FdCalls.Tell(c, m, Fd(a[0]), U(a[1]))),
        new("fd_write", [I32, I32, I32, I32], true, (c, m, a) => FdIoCalls.Write(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]))),
        new("path_create_directory", [I32, I32, I32], true, (c, m, a) => PathCalls.CreateDirectory(c, m, Fd(a[0]), U(a[1]), U(a[2]))),
        new("path_filestat_get", [I32, I32, I32, I32, I32], true, (c, m, a) => PathCalls.FilestatGet(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]))),
        new("path_filestat_set_times", [I32, I32, I32, I32, I64, I64, I32], true,
            (c, m, a) => PathCalls.FilestatSetTimes(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), U64(a[4]), U64(a[5]), U(a[6]))),
        new("path_link", [I32, I32, I32, I32, I32, I32, I32], true,
            (c, m, a) => PathCalls.Link(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), Fd(a[4]), U(a[5]), U(a[6]))),
        new("path_open", [I32, I32, I32, I32, I32, I64, I64, I32, I32], true,
            (c, m, a) => PathOpenCall.Open(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U64(a[5]), U64(a[6]), U(a[7]), U(a[8]))),
        new("path_readlink", [I32, I32, I32, I32, I32, I32], true,
            (c, m, a) => PathCalls.Readlink(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]))),
        new("path_remove_directory", [I32, I32, I32], true, (c, m, a) => PathCalls.RemoveDirectory(c, m, Fd(a[0]), U(a[1]), U(a[2]))),
        new("path_rename", [I32, I32, I32, I32, I32, I32], true,
            (c, m, a) => PathCalls.Rename(c, m, Fd(a[0]), U(a[1]), U(a[2]), Fd(a[3]), U(a[4]), U(a[5]))),
        new("path_symlink", [I32, I32, I32, I32, I32], true, (c, m, a) => PathCalls.Symlink(c, m, U(a[0]), U(a[1]), Fd(a[2]), U(a[3]), U(a[4]))),
        new("path_unlink_file", [I32, I32, I32], true, (c, m, a) => PathCalls.UnlinkFile(c, m, Fd(a[0]), U(a[1]), U(a[2]))),
        new("poll_oneoff", [I32, I32, I32, I32], true, (c, m, a) => PollCalls.PollOneoff(c, m, U(a[0]), U(a[1]), U(a[2]), U(a[3]))),
        new("proc_exit", [I32], false, (c, m, a) => c.Exit((int)a[0])),
        new("proc_raise", [I32], true, (c, m, a) => ClockCalls.Raise(U(a[0]))),
        new("sched_yield", [], true, (c, m, a) => ClockCalls.SchedYield()),
        new("random_get", [I32, I32], true, (c, m, a) => ClockCalls.RandomGet(c, m, U(a[0]), U(a[1]))),
        new("sock_accept", [I32, I32, I32], true, (c, m, a) => SocketCalls.Accept(c, m, Fd(a[0]), U(a[1]), U(a[2]))),
        new("sock_recv", [I32, I32, I32, I32, I32, I32], true,
            (c, m, a) => SocketCalls.Receive(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]), U(a[5]))),
        new("sock_send", [I32, I32, I32, I32, I32], true, (c, m, a) => SocketCalls.Send(c, m, Fd(a[0]), U(a[1]), U(a[2]), U(a[3]), U(a[4]))),
        new("sock_shutdown", [I32, I32], true, (c, m, a) => SocketCalls.Shutdown(c, Fd(a[0]), U(a[1]))),
    ];

    private static readonly Dictionary<string, WasiImport> ByName = All.ToDictionary(i => i.Name);

    public static WasiImport Get(string name) => ByName[name];
}
