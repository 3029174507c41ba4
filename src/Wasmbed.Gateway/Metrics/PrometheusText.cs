using System.Globalization;
using System.Text;
using Wasmbed.Gateway.Api;
using Wasmbed.Gateway.Pipelines;
using Wasmbed.Gateway.Rules;

namespace Wasmbed.Gateway.Metrics;

/// <summary>The metrics in the Prometheus text exposition format 0.0.4.</summary>
internal static class PrometheusText
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    public static string Write(IReadOnlyList<AppMetricsModel> apps, IEnumerable<Pipeline> pipelines, IEnumerable<Rule> rules)
    {
        var text = new StringBuilder();
        Family(text, "wasmbed_app_calls_total", "counter", "Event deliveries and rule calls per app.", apps, a => a.Calls);
        Family(text, "wasmbed_app_traps_total", "counter", "Failed deliveries and calls (traps, non-zero status) per app.", apps, a => a.Traps);
        Family(text, "wasmbed_app_fuel_total", "counter", "Fuel consumed per app (docs/sandbox.md has the cost model).", apps, a => a.Fuel);
        Family(text, "wasmbed_app_memory_bytes", "gauge", "Linear memory of the serving version.", apps, a => a.MemoryBytes);
        Family(text, "wasmbed_app_queued", "gauge", "Events queued or in flight per app.", apps, a => a.Queued);
        text.Append("# HELP wasmbed_app_latency_seconds Latency from entering the app's queue to the end of its handler (recent window).\n");
        text.Append("# TYPE wasmbed_app_latency_seconds summary\n");
        foreach (var a in apps)
        {
            text.Append($"wasmbed_app_latency_seconds{{tenant=\"{Escape(a.Tenant)}\",app=\"{Escape(a.App)}\",quantile=\"0.5\"}} {Number(a.LatencyP50Ms / 1000)}\n");
            text.Append($"wasmbed_app_latency_seconds{{tenant=\"{Escape(a.Tenant)}\",app=\"{Escape(a.App)}\",quantile=\"0.99\"}} {Number(a.LatencyP99Ms / 1000)}\n");
        }
        text.Append("# HELP wasmbed_pipeline_messages_total Messages per pipeline by outcome.\n# TYPE wasmbed_pipeline_messages_total counter\n");
        foreach (var p in pipelines)
        {
            var labels = $"tenant=\"{Escape(p.Tenant)}\",pipeline=\"{Escape(p.Name)}\"";
            text.Append($"wasmbed_pipeline_messages_total{{{labels},outcome=\"completed\"}} {p.Completed}\n");
            text.Append($"wasmbed_pipeline_messages_total{{{labels},outcome=\"failed\"}} {p.Failed}\n");
            text.Append($"wasmbed_pipeline_messages_total{{{labels},outcome=\"dropped\"}} {p.Dropped}\n");
        }
        text.Append("# HELP wasmbed_rule_firings_total Times each rule's action ran.\n# TYPE wasmbed_rule_firings_total counter\n");
        foreach (var r in rules) text.Append($"wasmbed_rule_firings_total{{tenant=\"{Escape(r.Tenant)}\",rule=\"{Escape(r.Config.Name)}\"}} {r.Firings}\n");
        return text.ToString();
    }

    private static void Family(StringBuilder text, string name, string type, string help, IReadOnlyList<AppMetricsModel> apps, Func<AppMetricsModel, long> value)
    {
        text.Append($"# HELP {name} {help}\n# TYPE {name} {type}\n");
        foreach (var a in apps) text.Append($"{name}{{tenant=\"{Escape(a.Tenant)}\",app=\"{Escape(a.App)}\"}} {value(a)}\n");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("\n", "\\n");
}
