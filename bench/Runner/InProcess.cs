using System.Text.Json;

namespace Wasmbed.Bench;

/// <summary>
/// In-process numbers of one engine (and tier): loading the large module, its first call, and the cost of
/// single calls across the host boundary. Produced as JSON lines by bench/node/embed.mjs and by the
/// bench/Embedding project; a field is null when it was not measured.
/// </summary>
sealed record InProcessResult(
    string Engine, double? LoadSeconds, double? FirstCallSeconds, string? LargeResult, double? HostToWasmNs, double? WasmToHostNs, string? Error)
{
    /// <summary>Runs a measuring program and reads its JSON lines; a failure becomes one result carrying the reason.</summary>
    public static IReadOnlyList<InProcessResult> Measure(string title, string file, IReadOnlyList<string> arguments, double timeoutSeconds)
    {
        var run = TimedProcess.Run(file, arguments, timeoutSeconds);
        if (!run.Succeeded) return [Failed(title, run.Describe(timeoutSeconds))];
        var results = new List<InProcessResult>();
        foreach (var line in run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                using var json = JsonDocument.Parse(line);
                var root = json.RootElement;
                var engine = root.TryGetProperty("tier", out var tier) ? $"{title} {tier.GetString()?.ToLowerInvariant()}" : title;
                results.Add(new InProcessResult(engine, Number(root, "loadSeconds"), Number(root, "firstCallSeconds"),
                    Text(root, "largeResult"), Number(root, "hostToWasmNs"), Number(root, "wasmToHostNs"), Text(root, "error")));
            }
            catch (JsonException)
            {
                results.Add(Failed(title, $"unreadable output line '{line}'"));
            }
        }
        return results.Count > 0 ? results : [Failed(title, "printed no results")];
    }

    public static InProcessResult Failed(string engine, string reason) => new(engine, null, null, null, null, null, reason);

    static double? Number(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;

    static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
