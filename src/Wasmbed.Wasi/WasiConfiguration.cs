using System.Net.Sockets;
using System.Security.Cryptography;

namespace Wasmbed.Wasi;

/// <summary>
/// What a WASI program is given: its arguments and environment, its standard streams, and the only host resources it
/// can reach — the directories (and listening sockets) preopened here. Nothing else of the host is visible to it.
/// Methods return the configuration so calls chain, as with wasmtime's <c>WasiCtxBuilder</c>.
/// </summary>
/// <example>
/// <code>
/// var config = new WasiConfiguration()
///     .WithArgs("prog.wasm", "--verbose")
///     .WithEnvironment("HOME", "/data")
///     .WithPreopenedDirectory("/tmp/sandbox", "/data")
///     .WithStdout(outputStream);
/// </code>
/// </example>
public sealed class WasiConfiguration
{
    private readonly List<string> _arguments = [];
    private readonly List<KeyValuePair<string, string>> _environment = [];
    private readonly List<PreopenedDirectory> _directories = [];
    // Created when first needed: the socket and cryptography assemblies are then loaded only by programs that use them.
    private List<Socket>? _sockets;
    private Action<Span<byte>>? _randomSource;

    /// <summary>The program's argv, the program name first.</summary>
    public IReadOnlyList<string> Arguments => _arguments;

    /// <summary>The environment variables, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Environment => _environment;

    /// <summary>Standard input; null means the process's own.</summary>
    public Stream? Stdin { get; private set; }

    /// <summary>Standard output; null means the process's own.</summary>
    public Stream? Stdout { get; private set; }

    /// <summary>Standard error; null means the process's own.</summary>
    public Stream? Stderr { get; private set; }

    internal IReadOnlyList<PreopenedDirectory> Directories => _directories;

    internal IReadOnlyList<Socket>? Sockets => _sockets;

    internal Action<Span<byte>> RandomSource => _randomSource ?? RandomNumberGenerator.Fill;

    /// <summary>Replaces the arguments (argv[0] is conventionally the program name).</summary>
    public WasiConfiguration WithArgs(params IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var list = arguments.ToList();
        foreach (var argument in list) CheckNoNul(argument, nameof(arguments));
        _arguments.Clear();
        _arguments.AddRange(list);
        return this;
    }

    /// <summary>Adds one environment variable.</summary>
    public WasiConfiguration WithEnvironment(string name, string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(value);
        if (name.Contains('=')) throw new ArgumentException("an environment variable name cannot contain '='", nameof(name));
        CheckNoNul(name, nameof(name));
        CheckNoNul(value, nameof(value));
        _environment.Add(new(name, value));
        return this;
    }

    /// <summary>Adds environment variables.</summary>
    public WasiConfiguration WithEnvironment(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        foreach (var (name, value) in variables) WithEnvironment(name, value);
        return this;
    }

    /// <summary>Adds every environment variable of the host process (in ordinal order of names).</summary>
    public WasiConfiguration InheritEnvironment()
    {
        var variables = System.Environment.GetEnvironmentVariables();
        var names = variables.Keys.Cast<string>().Where(n => n.Length > 0 && !n.Contains('=')).Order(StringComparer.Ordinal);
        foreach (var name in names) WithEnvironment(name, (string)variables[name]!);
        return this;
    }

    public WasiConfiguration WithStdin(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException("stdin must be readable", nameof(stream));
        Stdin = stream;
        return this;
    }

    public WasiConfiguration WithStdout(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("stdout must be writable", nameof(stream));
        Stdout = stream;
        return this;
    }

    public WasiConfiguration WithStderr(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("stderr must be writable", nameof(stream));
        Stderr = stream;
        return this;
    }

    /// <summary>
    /// Gives the guest the host directory <paramref name="hostPath"/> under the name <paramref name="guestPath"/>
    /// (e.g. "/data" or "."). The guest can reach what is inside it and nothing outside. With
    /// <paramref name="readOnly"/> it can read but not create, change, rename or delete anything there.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The host directory does not exist.</exception>
    public WasiConfiguration WithPreopenedDirectory(string hostPath, string guestPath, bool readOnly = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(hostPath);
        ArgumentException.ThrowIfNullOrEmpty(guestPath);
        CheckNoNul(guestPath, nameof(guestPath));
        var full = Path.GetFullPath(hostPath);
        if (!Directory.Exists(full)) throw new DirectoryNotFoundException($"the directory to preopen does not exist: {full}");
        _directories.Add(new PreopenedDirectory(full, guestPath, readOnly));
        return this;
    }

    /// <summary>
    /// Gives the guest a listening TCP socket (bound and listening already); it gets the next descriptor number after
    /// the preopened directories and can accept connections on it (<c>sock_accept</c>). The context owns it from now on.
    /// </summary>
    public WasiConfiguration WithPreopenedSocket(Socket listeningSocket)
    {
        ArgumentNullException.ThrowIfNull(listeningSocket);
        if (listeningSocket.SocketType != SocketType.Stream) throw new ArgumentException("only stream (TCP) sockets are supported", nameof(listeningSocket));
        (_sockets ??= []).Add(listeningSocket);
        return this;
    }

    /// <summary>Replaces the source of <c>random_get</c> (a cryptographic generator by default), e.g. for reproducible runs.</summary>
    public WasiConfiguration WithRandomSource(Action<Span<byte>> fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        _randomSource = fill;
        return this;
    }

    private static void CheckNoNul(string text, string parameter)
    {
        if (text.Contains('\0')) throw new ArgumentException("WASI strings cannot contain NUL characters", parameter);
    }
}
