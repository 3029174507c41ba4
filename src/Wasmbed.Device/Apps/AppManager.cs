using System.Collections.Concurrent;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;
using Wasmbed.Device.HostApi;
using Wasmbed.Device.Packages;
using Wasmbed.Device.Storage;

namespace Wasmbed.Device.Apps;

/// <summary>
/// Installs, updates, rolls back, removes, starts and stops apps from signed packages, and delivers their
/// events. Everything it knows lives in a state directory (layout in docs/packages.md): the trust store,
/// each app's packages and its state journal. One manager owns a state directory at a time (a lock file).
/// </summary>
/// <remarks>
/// Crash safety rests on one rule: a package file is written durably before any record names it, and every
/// change of what is installed or active is one batch of the app's state journal, which also holds the app's
/// kv data. So a power cut leaves each app at one complete version, with the kv data of that moment.
/// </remarks>
public sealed partial class AppManager : IDisposable
{
    private const string AppsFolder = "apps", PackagesFolder = "packages", RemovingSuffix = ".removing";

    // Changed only under _operations; read without it by Post and WaitUntilIdle, so events keep flowing during an update.
    private readonly ConcurrentDictionary<string, AppRuntime> _apps = new(StringComparer.Ordinal);
    private readonly Lock _operations = new();
    private readonly FileStream _lock;
    private readonly Engine _engine;
    private readonly bool _ownsEngine;
    private readonly Lazy<Engine> _meteredEngine = new(() => new Engine(new EngineOptions { ConsumeFuel = true }));
    private readonly AppManagerOptions _options;
    private readonly DevicePolicy _policy;
    private readonly DeviceHardware _hardware;
    private readonly PackageVerifier _verifier;

    private AppManager(string root, FileStream lockFile, AppManagerOptions options)
    {
        StateDirectory = root;
        _lock = lockFile;
        _options = options;
        _ownsEngine = options.Engine is null;
        _engine = options.Engine ?? new Engine();
        _hardware = options.Hardware ?? new DeviceHardware { Clock = SystemClock.Instance };
        Trust = TrustStore.Open(Path.Combine(root, "trust"));
        _verifier = new PackageVerifier(Trust);
        _policy = options.Policy ?? ReadPolicy(Path.Combine(root, "policy"));
    }

    /// <summary>The state directory.</summary>
    public string StateDirectory { get; }

    /// <summary>The device's trusted publisher keys (<c>STATE/trust</c>).</summary>
    public TrustStore Trust { get; }

    private string AppsDirectory => Path.Combine(StateDirectory, AppsFolder);

    /// <summary>
    /// Opens (creating if absent) the state directory, takes its lock, and recovers from any interrupted
    /// operation. Apps are not started: call <see cref="BootAll"/> for those recorded as running.
    /// </summary>
    public static AppManager Open(string stateDirectory, AppManagerOptions? options = null)
    {
        var root = Path.GetFullPath(stateDirectory);
        Directory.CreateDirectory(Path.Combine(root, AppsFolder));
        FileStream lockFile;
        try
        {
            lockFile = new FileStream(Path.Combine(root, "lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new AppException($"state directory {root} is in use by another process", e);
        }
        try
        {
            var manager = new AppManager(root, lockFile, options ?? new AppManagerOptions());
            manager.Recover();
            return manager;
        }
        catch
        {
            lockFile.Dispose();
            throw;
        }
    }

    /// <summary>The installed apps, by name.</summary>
    public IReadOnlyList<AppInfo> List()
    {
        lock (_operations) return [.. _apps.Values.OrderBy(a => a.Name, StringComparer.Ordinal).Select(Describe)];
    }

    /// <summary>One installed app; throws <see cref="AppException"/> when it is not installed.</summary>
    public AppInfo Get(string name)
    {
        lock (_operations) return Describe(Find(name));
    }

    /// <summary>The app's state store (its kv data and the manager's record), for inspection.</summary>
    public AppStateStore State(string name)
    {
        lock (_operations) return Find(name).State;
    }

    /// <summary>Queues an event for the app; it is delivered once the app runs. Returns its sequence number.</summary>
    public long Post(string name, ReadOnlyMemory<byte> payload) => Find(name).Post(payload);

    /// <summary>Blocks until the app has no event queued or in flight; false when the timeout passed first.</summary>
    public bool WaitUntilIdle(string name, TimeSpan timeout) => Find(name).WaitUntilIdle(timeout);

    /// <summary>Sets a callback made after each event delivery (event, version that handled it, failure or null).</summary>
    public void ObserveDeliveries(string name, Action<AppEvent, string, Exception?>? observer) => Find(name).Delivered = observer;

    /// <summary>
    /// Runs <paramref name="call"/> on the serving version's instance between two event deliveries (for calls to
    /// exports other than the entry points, e.g. the gateway's rule conditions). Serialized with deliveries and with
    /// install, update and rollback; throws <see cref="AppException"/> when the app is not installed or not running.
    /// </summary>
    public T Invoke<T>(string name, Func<Instance, T> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        lock (_operations)
        {
            var runtime = Find(name);
            using (runtime.Pause())
            {
                var current = runtime.Current ?? throw new AppException($"app \"{name}\" is not running");
                return call(current.Instance);
            }
        }
    }

    /// <summary>
    /// Apps whose manifest sets <c>limits.fuelPerCall</c> run on an engine that meters fuel, so each call is bounded;
    /// the others run without metering, which costs nothing.
    /// </summary>
    private Engine EngineFor(PackageManifest manifest) =>
        manifest.Limits.FuelPerCall is null || _engine.Options.ConsumeFuel ? _engine : _meteredEngine.Value;

    private AppRuntime Find(string name) =>
        _apps.GetValueOrDefault(name) ?? throw new AppException($"app \"{name}\" is not installed");

    private static AppInfo Describe(AppRuntime app) => new(
        app.Name,
        app.State.GetMeta(AppRecord.ActiveVersion)!,
        app.State.GetMeta(AppRecord.PreviousVersion),
        app.State.GetMeta(AppRecord.RunState) == AppRecord.Running,
        app.Current?.Version,
        app.LastHandledEvent,
        app.PendingEvents,
        app.FailedEvents,
        app.LastError);

    /// <summary>
    /// Finishes or undoes whatever a crash interrupted: removals are completed, installs that never committed
    /// are deleted, temporary files and packages no record names are removed.
    /// </summary>
    private void Recover()
    {
        DurableFile.DeleteLeftovers(StateDirectory);
        foreach (var directory in Directory.EnumerateDirectories(AppsDirectory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(directory);
            if (name.EndsWith(RemovingSuffix, StringComparison.Ordinal))
            {
                Directory.Delete(directory, recursive: true);
                continue;
            }
            if (!ManifestRules.IsValidAppName(name)) continue; // not ours: leave it alone
            DurableFile.DeleteLeftovers(directory);
            DurableFile.DeleteLeftovers(Path.Combine(directory, PackagesFolder));
            var state = AppStateStore.Open(Path.Combine(directory, AppStateStore.JournalFileName));
            if (state.GetMeta(AppRecord.ActiveVersion) is null)
            {
                state.Dispose(); // an install that never committed
                Directory.Delete(directory, recursive: true);
                continue;
            }
            var runtime = new AppRuntime(name, directory, state);
            DeleteUnreferencedPackages(runtime);
            _apps.TryAdd(name, runtime);
        }
        DurableFile.SyncDirectory(AppsDirectory);
    }

    private void DeleteUnreferencedPackages(AppRuntime app)
    {
        var keep = new[] { app.State.GetMeta(AppRecord.ActivePackage), app.State.GetMeta(AppRecord.PreviousPackage) };
        var folder = Path.Combine(app.Directory, PackagesFolder);
        if (!Directory.Exists(folder)) return;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (!keep.Contains(Path.Combine(PackagesFolder, Path.GetFileName(file)))) File.Delete(file);
        }
    }

    private static DevicePolicy ReadPolicy(string path)
    {
        if (!File.Exists(path)) return DevicePolicy.Parse($"{HostApiNames.System};{HostApiNames.Kv}");
        var lines = File.ReadAllLines(path).Select(l => l.Split('#')[0].Trim()).Where(l => l.Length > 0);
        try
        {
            return DevicePolicy.Parse(string.Join(";", lines));
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"device policy {path}: {e.Message}", e);
        }
    }

    public void Dispose()
    {
        lock (_operations)
        {
            foreach (var app in _apps.Values) app.Dispose();
            _apps.Clear();
            if (_ownsEngine) _engine.Dispose();
            if (_meteredEngine.IsValueCreated) _meteredEngine.Value.Dispose();
            _lock.Dispose();
        }
    }
}
