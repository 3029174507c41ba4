using System.Text;
using Wasmbed.Text;
using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>The embedding API end to end: DefineWasi on a linker, a hand-written module, Run and exit codes.</summary>
public sealed class WasiLinkerTests
{
    private const string Hello = """
        (module
          (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
          (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
          (memory (export "memory") 1)
          (data (i32.const 16) "hello, wasi\n")
          (func (export "_start")
            (i32.store (i32.const 0) (i32.const 16))
            (i32.store (i32.const 4) (i32.const 12))
            (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
            (call $proc_exit (i32.load (i32.const 8)))
            unreachable))
        """;

    private static (int ExitCode, string Stdout) Run(string wat, Func<Instance, WasiContext, int>? run = null)
    {
        var engine = new Engine();
        var module = Module.FromBytes(engine, Wat.ToBinary(wat));
        var store = new Store(engine);
        var linker = new Linker(engine);
        var stdout = new MemoryStream();
        using var wasi = linker.DefineWasi(new WasiConfiguration().WithStdout(stdout).WithStdin(new MemoryStream()));
        var instance = linker.Instantiate(store, module);
        int code = run is null ? wasi.Run(instance) : run(instance, wasi);
        return (code, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Fact]
    public void A_module_writes_to_stdout_and_exits_with_the_count_it_wrote()
    {
        var (exitCode, stdout) = Run(Hello);
        Assert.Equal("hello, wasi\n", stdout);
        Assert.Equal(12, exitCode);
    }

    [Fact]
    public void Proc_exit_reaches_the_embedder_as_WasiExitException_not_as_a_trap()
    {
        var (exitCode, _) = Run(Hello, (instance, wasi) =>
        {
            var exit = Assert.Throws<WasiExitException>(() => instance.GetFunction("_start")!.Invoke());
            Assert.Equal(wasi.ExitCode, exit.ExitCode);
            return exit.ExitCode;
        });
        Assert.Equal(12, exitCode);
    }

    [Fact]
    public void Returning_from_start_is_exit_code_zero_and_traps_propagate()
    {
        Assert.Equal(0, Run("""(module (memory (export "memory") 1) (func (export "_start")))""").ExitCode);
        var trap = Assert.Throws<TrapException>(() => Run("""(module (memory (export "memory") 1) (func (export "_start") unreachable))"""));
        Assert.Equal(TrapCode.Unreachable, trap.Code);
        Assert.Throws<ArgumentException>(() => Run("""(module (func (export "main")))"""));
    }

    [Fact]
    public void A_guest_pointer_out_of_bounds_is_an_errno_the_guest_sees()
    {
        const string wat = """
            (module
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 1)
              (func (export "_start") (result i32)
                (call $fd_write (i32.const 1) (i32.const 65530) (i32.const 1) (i32.const 0))))
            """;
        var (result, _) = Run(wat, (instance, _) => instance.GetFunction("_start")!.Invoke()[0].AsInt32());
        Assert.Equal((int)Errno.Fault, result);
    }

    [Fact]
    public void Every_wasi_preview1_function_is_defined_with_its_signature()
    {
        var engine = new Engine();
        var linker = new Linker(engine);
        using var wasi = linker.DefineWasi(new WasiConfiguration().WithStdout(new MemoryStream()));
        var store = new Store(engine);
        string[] names =
        [
            "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
            "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
            "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
            "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
            "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
            "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
            "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get", "sock_accept",
            "sock_recv", "sock_send", "sock_shutdown",
        ];
        foreach (var name in names)
        {
            var function = Assert.IsType<Function>(linker.Get(store, WasiContext.ModuleName, name));
            Assert.Equal(name == "proc_exit" ? 0 : 1, function.Type.Results.Count);
        }
        var open = (Function)linker.Get(store, WasiContext.ModuleName, "path_open")!;
        Assert.Equal([ValueType.I32, ValueType.I32, ValueType.I32, ValueType.I32, ValueType.I32, ValueType.I64, ValueType.I64, ValueType.I32, ValueType.I32],
            open.Type.Parameters);
    }
}
