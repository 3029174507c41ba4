using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Hosting;

namespace Wasmbed.Gateway.Tenants;

public sealed partial class Tenant
{
    /// <summary>Installs a package after the tenant's quota checks (the app manager then checks signature, policy, module).</summary>
    public AppInfo Install(Package package)
    {
        CheckQuotas(package);
        if (_apps.List().Any(a => a.Name == package.Manifest.Name))
            throw new GatewayException(GatewayError.Conflict, $"app \"{package.Manifest.Name}\" is already installed in tenant {Name}; update it");
        if (_apps.List().Count >= Quotas.Instances)
            throw new GatewayException(GatewayError.BadRequest, $"tenant {Name} has {Quotas.Instances} apps, its quota");
        var info = _apps.Install(package);
        Observe(info.Name);
        _log.Info(Name, info.Name, $"installed {info.ActiveVersion}");
        return info;
    }

    /// <summary>Hot-swaps an installed app to a newer package (or any, with <paramref name="allowDowngrade"/>).</summary>
    public AppInfo Update(string app, Package package, bool allowDowngrade)
    {
        if (package.Manifest.Name != app)
            throw new GatewayException(GatewayError.BadRequest, $"the package is app \"{package.Manifest.Name}\", not \"{app}\"");
        CheckQuotas(package);
        try
        {
            var info = _apps.Update(package, allowDowngrade);
            _log.Info(Name, app, $"updated to {info.ActiveVersion}");
            return info;
        }
        catch (AppException e) when (e.RolledBack)
        {
            _log.Warn(Name, app, e.Message);
            throw;
        }
    }

    public AppInfo Rollback(string app)
    {
        var info = _apps.Rollback(app);
        _log.Info(Name, app, $"rolled back to {info.ActiveVersion}");
        return info;
    }

    public AppInfo StartApp(string app) => _apps.Start(app);

    public AppInfo StopApp(string app) => _apps.Stop(app);

    public void Remove(string app)
    {
        var users = _pipelines.Values.Where(p => p.Stages.Any(s => s.App == app)).Select(p => p.Name)
            .Concat(Rules.Where(r => r.Config.App == app).Select(r => $"rule {r.Config.Name}")).ToList();
        if (users.Count > 0)
            throw new GatewayException(GatewayError.Conflict, $"app \"{app}\" is used by {string.Join(", ", users)}; it cannot be removed while they run");
        _apps.Remove(app);
        _log.Info(Name, app, "removed");
    }

    /// <summary>Queues a raw event for an app that is not a pipeline stage (a stage takes messages through its pipeline).</summary>
    public long PostEvent(string app, ReadOnlyMemory<byte> payload)
    {
        lock (_lock)
        {
            if (_stagesByApp.ContainsKey(app))
                throw new GatewayException(GatewayError.Conflict, $"app \"{app}\" is a pipeline stage; post messages to its pipeline");
        }
        if (!Admit()) throw new GatewayException(GatewayError.TooManyRequests, $"tenant {Name} is over its event rate");
        return _apps.Post(app, payload);
    }

    public IReadOnlyList<AppInfo> ListApps() => _apps.List();

    public AppInfo GetApp(string app) => _apps.Get(app);

    /// <summary>The manifest of an app's active version (for its capabilities and limits).</summary>
    public PackageManifest? ActiveManifest(string app)
    {
        var file = _apps.State(app).GetMeta("active.package");
        if (file is null) return null;
        var path = Path.Combine(Directory, "apps", app, file);
        return File.Exists(path) ? Package.Read(path).Manifest : null;
    }

    /// <summary>The tenant's quotas on a manifest: memory pages, fuel per event.</summary>
    private void CheckQuotas(Package package)
    {
        var limits = package.Manifest.Limits;
        if (limits.MemoryPages > Quotas.MemoryPages)
            throw new GatewayException(GatewayError.BadRequest,
                $"package {package.Manifest} asks for {limits.MemoryPages} memory pages; tenant {Name} allows {Quotas.MemoryPages}");
        if (limits.FuelPerCall is { } fuel && fuel > Quotas.FuelPerEvent)
            throw new GatewayException(GatewayError.BadRequest,
                $"package {package.Manifest} asks for {fuel} fuel per call; tenant {Name} allows {Quotas.FuelPerEvent}");
    }

    /// <summary>Installs each configured app that is absent, and updates one whose package is newer.</summary>
    private void InstallConfiguredApps(string baseDirectory, SigningKey? devKey)
    {
        foreach (var source in Config.Apps)
        {
            Package package;
            if (source.Package is { } file) package = Package.Read(Path.GetFullPath(file, baseDirectory));
            else if (source.Module is { } module && source.Manifest is { } manifest)
            {
                if (devKey is null)
                    throw new GatewayException(GatewayError.BadRequest, $"tenant {Name}: app {module} is not a package; set \"devSigning\": true to sign it at start");
                package = TenantKeys.PackAndSign(Path.GetFullPath(module, baseDirectory), Path.GetFullPath(manifest, baseDirectory), devKey, _engine);
            }
            else throw new GatewayException(GatewayError.BadRequest, $"tenant {Name}: an app needs \"package\", or \"module\" and \"manifest\"");
            var installed = _apps.List().FirstOrDefault(a => a.Name == package.Manifest.Name);
            if (installed is null) Install(package);
            else if (package.Manifest.SemanticVersion > SemanticVersion.Parse(installed.ActiveVersion)) Update(installed.Name, package, false);
        }
    }
}
