using System.Text.RegularExpressions;

namespace Wasmbed.Bench;

/// <summary>
/// Finds the execution tiers the `wasmbed` command offers by asking it: the tiers listed after
/// "--tier" in `wasmbed run --help` (as in "--tier &lt;Interpreter|Compiler&gt;"), plus "interpreter",
/// which always exists. Each tier is then tried on hello.wasm; one that cannot run it is kept with the
/// reason, so the report says why its column is empty.
/// </summary>
static partial class WasmbedTiers
{
    /// <summary>
    /// The sandbox variants of every tier (bench/run --sandbox): with fuel that never runs out, and with a deadline
    /// that never passes, so their columns show what fuel accounting and interruption checks cost.
    /// </summary>
    public static IReadOnlyList<BenchEngine> SandboxVariants(string cli, IReadOnlyList<BenchEngine> tiers, string outDirectory)
    {
        var variants = new List<BenchEngine>();
        foreach (var engine in tiers)
        {
            var tier = engine.Title["Wasmbed ".Length..];
            variants.Add(BenchEngine.Wasmbed(cli, tier, outDirectory, engine.UnavailableReason, " +fuel", ["--fuel", ulong.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)]));
            variants.Add(BenchEngine.Wasmbed(cli, tier, outDirectory, engine.UnavailableReason, " +deadline", ["--timeout", "1h"]));
        }
        return variants;
    }

    public static IReadOnlyList<BenchEngine> Detect(string cli, string outDirectory, double timeoutSeconds)
    {
        var help = TimedProcess.Run(cli, ["run", "--help"], timeoutSeconds);
        var tiers = new List<string> { "interpreter" };
        foreach (Match match in TierList().Matches(help.Output + "\n" + help.Error))
            foreach (var name in match.Groups["tiers"].Value.Split('|', ',', ' '))
                if (name.ToLowerInvariant() is { Length: > 0 } tier && !tiers.Contains(tier)) tiers.Add(tier);

        var engines = new List<BenchEngine>();
        foreach (var tier in tiers)
        {
            var engine = BenchEngine.Wasmbed(cli, tier, outDirectory, null);
            engines.Add(engine.Unavailable(engine.ProbeHello(timeoutSeconds)));
        }
        return engines;
    }

    // "--tier <A>", "--tier <a|b>", "--tier {a,b}", "--tier (a|b)", "--tier=a|b" on one line.
    [GeneratedRegex(@"--tier[ =]+(?:[<{(\[](?<tiers>\w[\w-]*(?:\s*[|,]\s*\w[\w-]*)*)[>})\]]|(?<tiers>\w[\w-]*(?:\s*[|,]\s*\w[\w-]*)+))")]
    private static partial Regex TierList();
}
