namespace Wasmbed.Wasi;

/// <summary>The wasmtime-style shortcut: <c>linker.DefineWasi(config)</c>.</summary>
public static class WasiLinkerExtensions
{
    /// <summary>
    /// Creates a <see cref="WasiContext"/> for <paramref name="configuration"/>, defines its imports in
    /// <paramref name="linker"/> and returns it (dispose it when the program is done, to close its files).
    /// </summary>
    /// <example>
    /// <code>
    /// using var wasi = linker.DefineWasi(new WasiConfiguration().WithArgs("app").WithPreopenedDirectory(".", "/"));
    /// int exitCode = wasi.Run(linker.Instantiate(store, module));
    /// </code>
    /// </example>
    public static WasiContext DefineWasi(this Linker linker, WasiConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(linker);
        var context = new WasiContext(configuration);
        context.AddTo(linker);
        return context;
    }
}
