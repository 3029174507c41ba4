using System.Text;

namespace Wasmbed.Wasi;

/// <summary>
/// The state of one WASI program: its descriptor table (stdio, preopens, what it opened), arguments, environment and
/// clocks. <see cref="AddTo"/> defines the <c>wasi_snapshot_preview1</c> imports in a linker; <see cref="Run"/> runs a
/// command's <c>_start</c> and turns <c>proc_exit</c> into an exit code.
/// </summary>
/// <example>
/// <code>
/// using var wasi = new WasiContext(new WasiConfiguration().WithArgs("hello").WithPreopenedDirectory(dir, "/"));
/// var linker = new Linker(engine);
/// wasi.AddTo(linker);
/// int exitCode = wasi.Run(linker.Instantiate(store, module));
/// </code>
/// </example>
public sealed partial class WasiContext : IDisposable
{
    /// <summary>The module name of the imports.</summary>
    public const string ModuleName = "wasi_snapshot_preview1";

    public WasiContext(WasiConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        Configuration = configuration;
        Arguments = new byte[configuration.Arguments.Count][];
        for (int i = 0; i < Arguments.Length; i++) Arguments[i] = NulTerminated(configuration.Arguments[i]);
        Environment = new byte[configuration.Environment.Count][];
        for (int i = 0; i < Environment.Length; i++) Environment[i] = NulTerminated($"{configuration.Environment[i].Key}={configuration.Environment[i].Value}");
        Clocks = new WasiClocks();

        Descriptors = new FdTable();
        Descriptors.Add(new StdioDescriptor(configuration.Stdin ?? ProcessStdioStream.Stdin(), forReading: true));
        Descriptors.Add(new StdioDescriptor(configuration.Stdout ?? ProcessStdioStream.Stdout(), forReading: false));
        Descriptors.Add(new StdioDescriptor(configuration.Stderr ?? ProcessStdioStream.Stderr(), forReading: false));
        foreach (var directory in configuration.Directories)
        {
            var (rightsBase, rightsInheriting) = directory.ReadOnly
                ? (RightSets.ReadOnlyDirectory, RightSets.ReadOnlyDirectory | RightSets.ReadOnlyFile)
                : (RightSets.Directory, RightSets.Directory | RightSets.RegularFile);
            Descriptors.Add(new DirectoryDescriptor(directory, [], isPreopen: true, rightsBase, rightsInheriting));
        }
        if (configuration.Sockets is { } sockets) AddSockets(sockets);
    }

    public WasiConfiguration Configuration { get; }

    /// <summary>The code the program passed to <c>proc_exit</c>, once it has called it.</summary>
    public int? ExitCode { get; private set; }

    internal FdTable Descriptors { get; }

    /// <summary>Each argument as UTF-8 with its terminating NUL.</summary>
    internal byte[][] Arguments { get; }

    /// <summary>Each "NAME=value" as UTF-8 with its terminating NUL.</summary>
    internal byte[][] Environment { get; }

    internal WasiClocks Clocks { get; }

    internal void Exit(int code)
    {
        ExitCode = code;
        throw new WasiExitException(code);
    }

    public void Dispose() => Descriptors.Dispose();

    /// <summary>In a method of its own, so that programs without sockets never load the socket assemblies.</summary>
    private void AddSockets(IReadOnlyList<System.Net.Sockets.Socket> sockets)
    {
        foreach (var socket in sockets) Descriptors.Add(new SocketDescriptor(socket, listening: true));
    }

    private static byte[] NulTerminated(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }
}
