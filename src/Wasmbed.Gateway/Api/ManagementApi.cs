using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Wasmbed.Device.Apps;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Hosting;
using Wasmbed.Gateway.Messages;
using Wasmbed.Gateway.Metrics;
using static Wasmbed.Gateway.Api.ApiModelMapping;

namespace Wasmbed.Gateway.Api;

/// <summary>The management API routes (docs/gateway.md, "Management API"), as minimal APIs with source-generated JSON.</summary>
public static class ManagementApi
{
    /// <summary>Largest request body: a package (64 MiB module) plus its manifest.</summary>
    public const long MaxBodyBytes = Package.MaxModuleBytes + 128 * 1024;

    private static readonly ApiJsonContext Json = ApiJsonContext.Default;

    public static void Map(WebApplication web, GatewayRuntime gateway)
    {
        web.Use(ErrorsAsJson);
        var api = web.MapGroup("/api");
        api.MapGet("/health", () => Results.Json(new HealthResponse("ok", typeof(GatewayRuntime).Assembly.GetName().Version?.ToString(3) ?? "0.0.0", Math.Round(gateway.Uptime.TotalSeconds, 3)), Json.HealthResponse));
        api.MapGet("/tenants", () => Results.Json(gateway.Tenants.Select(ToModel).ToList(), Json.ListTenantModel));
        api.MapGet("/tenants/{t}", (string t) => Results.Json(ToModel(gateway.FindTenant(t)), Json.TenantModel));
        MapApps(api.MapGroup("/tenants/{t}/apps"), gateway);
        MapPipelines(api.MapGroup("/tenants/{t}/pipelines"), gateway);
        api.MapGet("/tenants/{t}/rules", (string t) => Results.Json(gateway.FindTenant(t).Rules.Select(ToModel).ToList(), Json.ListRuleModel));
        api.MapGet("/logs", (string? tenant, string? app, long? after, int? limit) =>
            Results.Json(gateway.Log.Read(after ?? 0, Math.Clamp(limit ?? 200, 1, GatewayLog.Capacity), tenant, app), Json.ListLogEntryModel));
        api.MapGet("/metrics", () => Results.Json(new MetricsModel(AllMetrics(gateway)), Json.MetricsModel));
        web.MapGet("/metrics", () => Results.Text(
            PrometheusText.Write(AllMetrics(gateway), gateway.Tenants.SelectMany(t => t.Pipelines.Values), gateway.Tenants.SelectMany(t => t.Rules)),
            PrometheusText.ContentType));
    }

    private static void MapApps(RouteGroupBuilder apps, GatewayRuntime gateway)
    {
        apps.MapGet("/", (string t) =>
        {
            var tenant = gateway.FindTenant(t);
            return Results.Json(tenant.ListApps().Select(a => ToModel(tenant, a)).ToList(), Json.ListAppModel);
        });
        apps.MapGet("/{a}", (string t, string a) => App(gateway, t, tenant => tenant.GetApp(a)));
        apps.MapGet("/{a}/versions", (string t, string a) =>
        {
            var info = gateway.FindTenant(t).GetApp(a);
            return Results.Json(new VersionsModel(info.ActiveVersion, info.PreviousVersion, info.ServingVersion), Json.VersionsModel);
        });
        apps.MapPost("/", async (string t, HttpRequest request) =>
        {
            var package = Package.Read(await ReadBody(request));
            var tenant = gateway.FindTenant(t);
            return Results.Json(ToModel(tenant, tenant.Install(package)), Json.AppModel, statusCode: StatusCodes.Status201Created);
        });
        apps.MapPut("/{a}", async (string t, string a, bool? allowDowngrade, HttpRequest request) =>
        {
            var package = Package.Read(await ReadBody(request));
            return App(gateway, t, tenant => tenant.Update(a, package, allowDowngrade ?? false));
        });
        apps.MapPost("/{a}/rollback", (string t, string a) => App(gateway, t, tenant => tenant.Rollback(a)));
        apps.MapPost("/{a}/start", (string t, string a) => App(gateway, t, tenant => tenant.StartApp(a)));
        apps.MapPost("/{a}/stop", (string t, string a) => App(gateway, t, tenant => tenant.StopApp(a)));
        apps.MapDelete("/{a}", (string t, string a) =>
        {
            gateway.FindTenant(t).Remove(a);
            return Results.NoContent();
        });
        apps.MapPost("/{a}/events", async (string t, string a, HttpRequest request) =>
        {
            var payload = await ReadBody(request);
            return Results.Json(new SequenceResponse(gateway.FindTenant(t).PostEvent(a, payload)), Json.SequenceResponse, statusCode: StatusCodes.Status202Accepted);
        });
    }

    private static void MapPipelines(RouteGroupBuilder pipelines, GatewayRuntime gateway)
    {
        pipelines.MapGet("/", (string t) => Results.Json(gateway.FindTenant(t).Pipelines.Values.Select(ToModel).ToList(), Json.ListPipelineModel));
        pipelines.MapGet("/{p}", (string t, string p) => Results.Json(ToModel(gateway.FindTenant(t).FindPipeline(p)), Json.PipelineModel));
        pipelines.MapPost("/{p}/messages", async (string t, string p, HttpRequest request, CancellationToken cancellation) =>
        {
            var pipeline = gateway.FindTenant(t).FindPipeline(p);
            var data = await ReadBody(request);
            if (data.Length > Envelope.MaxDataBytes) throw new GatewayException(GatewayError.TooLarge, $"message data is {data.Length} bytes, more than {Envelope.MaxDataBytes}");
            var meta = MessageMetadata.Empty.Overlay([.. request.Query
                .Where(q => q.Key.StartsWith("meta.", StringComparison.Ordinal))
                .Select(q => new KeyValuePair<string, string>(q.Key["meta.".Length..], q.Value.ToString()))]);
            long sequence = await pipeline.AcceptAsync(Message.Bytes(data, meta.With("source", "api")), TimeSpan.FromSeconds(1), cancellation);
            return Results.Json(new SequenceResponse(sequence), Json.SequenceResponse, statusCode: StatusCodes.Status202Accepted);
        });
        pipelines.MapGet("/{p}/output", (string t, string p, long? after, int? limit, bool? data) =>
        {
            var pipeline = gateway.FindTenant(t).FindPipeline(p);
            var messages = pipeline.Output.Read(after ?? 0, Math.Clamp(limit ?? 100, 1, Pipelines.OutputBuffer.Capacity));
            return Results.Json(messages.Select(m => ToModel(m.Number, m.Message, data ?? false)).ToList(), Json.ListOutputMessageModel);
        });
    }

    private static IResult App(GatewayRuntime gateway, string t, Func<Tenants.Tenant, AppInfo> act)
    {
        var tenant = gateway.FindTenant(t);
        return Results.Json(ToModel(tenant, act(tenant)), Json.AppModel);
    }

    private static List<AppMetricsModel> AllMetrics(GatewayRuntime gateway) =>
        [.. gateway.Tenants.SelectMany(t => t.ListApps().Select(a => ToMetrics(t, a)))];

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes) throw new GatewayException(GatewayError.TooLarge, $"request body is {request.ContentLength} bytes, more than {MaxBodyBytes}");
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) throw new GatewayException(GatewayError.TooLarge, $"request body is more than {MaxBodyBytes} bytes");
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    /// <summary>Every refusal becomes <c>{"error": …, "refusal": …}</c> with the status its kind calls for.</summary>
    private static async Task ErrorsAsJson(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Describe(e) is { } described)
        {
            context.Response.Clear();
            context.Response.StatusCode = described.Status;
            await context.Response.WriteAsJsonAsync(described.Body, Json.ErrorResponse);
        }
    }

    private static (int Status, ErrorResponse Body)? Describe(Exception e) => e switch
    {
        GatewayException g => ((int)g.Error, new ErrorResponse(g.Message)),
        PackageException p => (StatusCodes.Status400BadRequest, new ErrorResponse(p.Message, p.Refusal.ToString())),
        AppException a when a.Message.Contains("is not installed", StringComparison.Ordinal) => (StatusCodes.Status404NotFound, new ErrorResponse(a.Message)),
        AppException a => (StatusCodes.Status400BadRequest, new ErrorResponse(a.Message, a.RolledBack ? "RolledBack" : null)),
        CryptographicException c => (StatusCodes.Status400BadRequest, new ErrorResponse(c.Message)),
        FormatException f => (StatusCodes.Status400BadRequest, new ErrorResponse(f.Message)),
        BadHttpRequestException b => (b.StatusCode, new ErrorResponse(b.Message)),
        _ => null,
    };
}
