using System.Security.Cryptography;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.HostApi;
using Wasmbed.Device.Packages;
using Wasmbed.Device.Storage;

namespace Wasmbed.Device.Apps;

public sealed partial class AppManager
{
    /// <summary>A package that passed every check, its module compiled and its grants decided.</summary>
    private sealed record Admitted(Package Package, Module Module, GrantedCapabilities Granted);

    /// <summary>
    /// Installs a new app and starts it: the package is verified, instantiated, started and health-checked
    /// before anything is committed. Throws <see cref="PackageException"/> or <see cref="AppException"/>.
    /// </summary>
    public AppInfo Install(Package package)
    {
        lock (_operations)
        {
            var name = package.Manifest.Name;
            if (_apps.ContainsKey(name))
                throw new AppException($"app \"{name}\" is already installed (version {_apps[name].State.GetMeta(AppRecord.ActiveVersion)}); use update");
            var admitted = Admit(package);
            var directory = Path.Combine(AppsDirectory, name);
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
            Directory.CreateDirectory(Path.Combine(directory, PackagesFolder));
            DurableFile.SyncDirectory(AppsDirectory);
            var packageFile = WritePackage(directory, package);
            var state = AppStateStore.Open(Path.Combine(directory, AppStateStore.JournalFileName), package.Manifest.Limits.StorageBytes);
            var runtime = new AppRuntime(name, directory, state);
            AppInstance? instance = null;
            state.BeginBatch();
            try
            {
                instance = Launch(admitted, runtime);
                instance.CheckHealth();
                state.SetMeta(AppRecord.ActiveVersion, package.Manifest.Version);
                state.SetMeta(AppRecord.ActivePackage, packageFile);
                state.SetMeta(AppRecord.RunState, AppRecord.Running);
                state.Commit(); // the install's commit point
            }
            catch (Exception e)
            {
                if (state.InBatch) state.Rollback();
                instance?.Dispose();
                runtime.Dispose();
                Directory.Delete(directory, recursive: true);
                throw new AppException($"install of {package.Manifest} refused: {e.Message}", e);
            }
            _apps.TryAdd(name, runtime);
            runtime.Run(instance);
            return Describe(runtime);
        }
    }

    /// <summary>
    /// Replaces an installed app's version with <paramref name="package"/>, which must be newer unless
    /// <paramref name="allowDowngrade"/>. The new version is instantiated beside the running one; between two
    /// event deliveries the old one exports its state, the new one starts, imports it and is health-checked, and
    /// only then is it committed and swapped in. If any step fails the update is undone (its kv writes too) and
    /// the old version keeps serving: <see cref="AppException.RolledBack"/> is true.
    /// </summary>
    public AppInfo Update(Package package, bool allowDowngrade = false)
    {
        lock (_operations)
        {
            var manifest = package.Manifest;
            if (!_apps.TryGetValue(manifest.Name, out var runtime))
                throw new AppException($"app \"{manifest.Name}\" is not installed; use install");
            var active = SemanticVersion.Parse(runtime.State.GetMeta(AppRecord.ActiveVersion)!);
            if (manifest.SemanticVersion <= active && !allowDowngrade)
                throw new PackageException(PackageRefusal.Downgrade,
                    $"package {manifest} is not newer than the installed version {active}; a downgrade needs an explicit rollback (`wasmbed app rollback`, or update --allow-downgrade)");
            var admitted = Admit(package);
            var packageFile = WritePackage(runtime.Directory, package);
            Activate(runtime, admitted, packageFile, "update");
            return Describe(runtime);
        }
    }

    /// <summary>Goes back to the version before the active one (kept on the device), with the same swap as an update.</summary>
    public AppInfo Rollback(string name)
    {
        lock (_operations)
        {
            var runtime = Find(name);
            var previousFile = runtime.State.GetMeta(AppRecord.PreviousPackage)
                ?? throw new AppException($"app \"{name}\" has no previous version to roll back to");
            var admitted = Admit(ReadPackage(runtime, previousFile));
            Activate(runtime, admitted, previousFile, "rollback");
            return Describe(runtime);
        }
    }

    /// <summary>Stops the app and deletes it with its packages and data.</summary>
    public void Remove(string name)
    {
        lock (_operations)
        {
            var runtime = Find(name);
            runtime.Dispose();
            _apps.TryRemove(name, out _);
            // Renaming first makes the removal atomic: after a crash, recovery finishes deleting it.
            var doomed = runtime.Directory + RemovingSuffix;
            Directory.Move(runtime.Directory, doomed);
            DurableFile.SyncDirectory(AppsDirectory);
            CrashPoints.Reached("app-remove-renamed");
            Directory.Delete(doomed, recursive: true);
        }
    }

    /// <summary>Starts the app's active version (instantiate, start, health check) and records it as running.</summary>
    public AppInfo Start(string name)
    {
        lock (_operations)
        {
            var runtime = Find(name);
            if (runtime.Current is null) StartRuntime(runtime);
            if (runtime.State.GetMeta(AppRecord.RunState) != AppRecord.Running)
                runtime.State.SetMeta(AppRecord.RunState, AppRecord.Running);
            return Describe(runtime);
        }
    }

    /// <summary>Stops the app after the event in flight and records it as stopped; queued events wait for the next start.</summary>
    public AppInfo Stop(string name)
    {
        lock (_operations)
        {
            var runtime = Find(name);
            runtime.Stop()?.Dispose();
            if (runtime.State.GetMeta(AppRecord.RunState) != AppRecord.Stopped)
                runtime.State.SetMeta(AppRecord.RunState, AppRecord.Stopped);
            return Describe(runtime);
        }
    }

    /// <summary>
    /// Starts every app recorded as running (what a device does at power-on). An app whose active version no
    /// longer starts falls back to its previous version when that one does; the error of each app that could not
    /// start is returned, and the others run.
    /// </summary>
    public IReadOnlyList<string> BootAll()
    {
        lock (_operations)
        {
            var errors = new List<string>();
            foreach (var runtime in _apps.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
            {
                if (runtime.Current is not null || runtime.State.GetMeta(AppRecord.RunState) != AppRecord.Running) continue;
                try
                {
                    StartRuntime(runtime);
                }
                catch (Exception e) when (e is AppException or PackageException or IOException)
                {
                    var previousFile = runtime.State.GetMeta(AppRecord.PreviousPackage);
                    if (previousFile is null)
                    {
                        errors.Add($"{runtime.Name}: {e.Message}");
                        continue;
                    }
                    try
                    {
                        Activate(runtime, Admit(ReadPackage(runtime, previousFile)), previousFile, "rollback at boot");
                        StartRuntime(runtime);
                        errors.Add($"{runtime.Name}: {e.Message}; rolled back to {runtime.State.GetMeta(AppRecord.ActiveVersion)}");
                    }
                    catch (Exception fallback) when (fallback is AppException or PackageException or IOException)
                    {
                        errors.Add($"{runtime.Name}: {e.Message}; the previous version failed too: {fallback.Message}");
                    }
                }
            }
            return errors;
        }
    }

    /// <summary>Instantiates the active version inside a state batch (start's kv writes commit only if it is healthy) and runs it.</summary>
    private void StartRuntime(AppRuntime runtime)
    {
        var admitted = Admit(ReadPackage(runtime, runtime.State.GetMeta(AppRecord.ActivePackage)!));
        runtime.State.MaxDataBytes = admitted.Package.Manifest.Limits.StorageBytes;
        AppInstance? instance = null;
        runtime.State.BeginBatch();
        try
        {
            instance = Launch(admitted, runtime);
            instance.CheckHealth();
            runtime.State.Commit();
        }
        catch
        {
            if (runtime.State.InBatch) runtime.State.Rollback();
            instance?.Dispose();
            throw;
        }
        runtime.Run(instance);
    }

    /// <summary>The hot swap shared by update and rollback (see <see cref="Update"/>).</summary>
    private void Activate(AppRuntime runtime, Admitted admitted, string packageFile, string operation)
    {
        var manifest = admitted.Package.Manifest;
        var state = runtime.State;
        string oldVersion = state.GetMeta(AppRecord.ActiveVersion)!, oldFile = state.GetMeta(AppRecord.ActivePackage)!;
        using (runtime.Pause())
        {
            AppInstance? next = null;
            long oldQuota = state.MaxDataBytes;
            state.BeginBatch();
            try
            {
                runtime.Current?.ExportState();
                state.MaxDataBytes = manifest.Limits.StorageBytes;
                next = Launch(admitted, runtime);
                next.ImportState();
                next.CheckHealth();
                state.SetMeta(AppRecord.PreviousVersion, oldVersion);
                state.SetMeta(AppRecord.PreviousPackage, oldFile);
                state.SetMeta(AppRecord.ActiveVersion, manifest.Version);
                state.SetMeta(AppRecord.ActivePackage, packageFile);
                CrashPoints.Reached("activate-before-commit");
                state.Commit(); // the commit point: migrated state and the new active version together
            }
            catch (Exception e)
            {
                if (state.InBatch) state.Rollback();
                state.MaxDataBytes = oldQuota;
                next?.Dispose();
                if (packageFile != oldFile && packageFile != state.GetMeta(AppRecord.PreviousPackage))
                    TryDelete(Path.Combine(runtime.Directory, packageFile));
                var serving = runtime.Current is null ? "it stays at" : "still serving:";
                throw new AppException($"{operation} of {runtime.Name} to {manifest.Version} failed and was rolled back, {serving} {oldVersion}: {e.Message}", e, rolledBack: true);
            }
            if (runtime.Current is not null) runtime.Swap(next)?.Dispose();
            else next.Dispose();
        }
        DeleteUnreferencedPackages(runtime);
    }

    /// <summary>Every check a package must pass before any of it runs on this device.</summary>
    private Admitted Admit(Package package)
    {
        var manifest = package.Manifest;
        _verifier.Verify(package);
        if (manifest.AbiVersion != _options.AbiVersion)
            throw new PackageException(PackageRefusal.UnsupportedAbi,
                $"package {manifest} targets host ABI version {manifest.AbiVersion}; this device provides version {_options.AbiVersion}");
        Module module;
        try
        {
            module = Module.FromBytes(EngineFor(manifest), package.Module.ToArray());
        }
        catch (WasmException e)
        {
            throw new PackageException(PackageRefusal.InvalidModule, $"package {manifest}: the module is not valid WebAssembly: {e.Message}", e);
        }
        try
        {
            EntryPointRules.Check(manifest, module);
            var granted = CapabilityChecker.Check(module, ManifestRules.RequestedCapabilities(manifest), _policy);
            return new Admitted(package, module, granted);
        }
        catch (CapabilityException e)
        {
            module.Dispose();
            throw new PackageException(PackageRefusal.CapabilityDenied, $"package {manifest}: {e.Message}", e);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    private AppInstance Launch(Admitted admitted, AppRuntime runtime)
    {
        var context = new DeviceContext(_hardware, admitted.Granted)
        {
            KeyValueStore = runtime.State,
            Log = _options.Log?.Invoke(runtime.Name),
            Options = _options.HostOptions,
        };
        var name = runtime.Name;
        return AppInstance.Create(admitted.Module.Engine, admitted.Package, admitted.Module, context,
            _options.DefineImports is { } define ? linker => define(name, linker) : null,
            _options.Instantiated is { } instantiated ? instance => instantiated(name, admitted.Package.Manifest.Version, instance) : null,
            _options.BeforeCall is { } beforeCall ? store => beforeCall(name, store) : null);
    }

    /// <summary>Writes the package file durably; returns its path relative to the app directory.</summary>
    private static string WritePackage(string appDirectory, Package package)
    {
        var bytes = package.ToBytes();
        var file = Path.Combine(PackagesFolder, $"{package.Manifest.Version}-{Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]}.wbpkg");
        var path = Path.Combine(appDirectory, file);
        if (!File.Exists(path)) DurableFile.WriteAllBytes(path, bytes);
        return file;
    }

    private static Package ReadPackage(AppRuntime runtime, string file)
    {
        var path = Path.Combine(runtime.Directory, file);
        if (!File.Exists(path)) throw new AppException($"app \"{runtime.Name}\": package file {file} is missing");
        return Package.Read(path);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Recovery deletes packages no record names.
        }
    }
}
