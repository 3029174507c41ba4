namespace Wasmbed.Wasi;

public sealed partial class WasiContext
{
    /// <summary>
    /// Defines every function of <c>wasi_snapshot_preview1</c> in <paramref name="linker"/>, bound to this context.
    /// Each call works on the calling instance's memory (its export "memory", else its memory 0).
    /// </summary>
    public void AddTo(Linker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        foreach (var import in WasiImports.All)
        {
            linker.DefineFunction(ModuleName, import.Name, import.Type, (caller, arguments, results) =>
            {
                Span<long> raw = stackalloc long[arguments.Length];
                for (int i = 0; i < arguments.Length; i++)
                    raw[i] = import.Parameters[i] == ValueType.I64 ? arguments[i].AsInt64() : arguments[i].AsInt32();
                var memory = caller.GetMemory("memory") ?? caller.Memory
                    ?? throw new InvalidOperationException($"{ModuleName}.{import.Name} was called by a module without a memory");
                var errno = Invoke(import, memory.GetSpan(), raw);
                if (import.ReturnsErrno) results[0] = Value.I32((int)errno);
            });
        }
    }

    /// <summary>
    /// Runs the WASI command <paramref name="instance"/> (its <c>_start</c> export) and returns its exit code: the
    /// value given to <c>proc_exit</c>, or 0 when <c>_start</c> returns. Traps propagate as <see cref="TrapException"/>.
    /// </summary>
    /// <exception cref="ArgumentException">The instance exports no <c>_start</c> function.</exception>
    public int Run(Instance instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        var start = instance.GetFunction("_start")
            ?? throw new ArgumentException("the instance exports no _start function (is it a WASI command?)", nameof(instance));
        try
        {
            start.Invoke();
            return 0;
        }
        catch (Exception exception) when (WasiExitException.Find(exception) is { } exit)
        {
            return exit.ExitCode;
        }
    }
}
