using System.Diagnostics;
using Xunit.Abstractions;

namespace Wasmbed.Tests.Format;

/// <summary>
/// Acceptance criterion: hostile input never escapes the error family. Valid seed modules are mutated
/// deterministically and each result goes through decode + validate, which must either succeed or throw
/// <see cref="WasmFormatException"/> / <see cref="WasmValidationException"/>, each within a time bound.
/// </summary>
public sealed class ModuleReaderRobustnessTests(ITestOutputHelper output)
{
    private const int Seed = 20250101;
    private const int MutationsPerSeed = 4_000;
    private static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(1);

    [Fact]
    public void SeedModulesAreValid()
    {
        foreach (var (name, bytes) in FuzzSeeds.All)
        {
            var module = DecodePipeline.DecodeAndValidate(bytes);
            Assert.True(module.Bytes.Length > 8, name);
        }
    }

    [Fact]
    public void MutatedModulesEndInSuccessOrWasmErrors()
    {
        var random = new Random(Seed);
        var mutator = new ModuleMutator(random);
        var seeds = FuzzSeeds.All;
        int total = 0, succeeded = 0, formatErrors = 0, validationErrors = 0;
        var reasons = new Dictionary<string, int>();
        var failures = new List<string>();
        var slowest = TimeSpan.Zero;
        var clock = new Stopwatch();

        for (int s = 0; s < seeds.Count; s++)
        {
            var (name, seed) = seeds[s];
            var other = seeds[(s + 1) % seeds.Count].Bytes;
            for (int i = 0; i < MutationsPerSeed; i++)
            {
                byte[] input = mutator.Mutate(seed, other);
                total++;
                clock.Restart();
                try
                {
                    DecodePipeline.DecodeAndValidate(input);
                    succeeded++;
                }
                catch (WasmFormatException e)
                {
                    formatErrors++;
                    Count(reasons, "format: " + e.Reason);
                    if (e.Offset < 0 || e.Offset > input.Length)
                        failures.Add($"{name} #{i}: offset {e.Offset} outside the input: {Convert.ToHexString(input)}");
                }
                catch (WasmValidationException e)
                {
                    validationErrors++;
                    Count(reasons, "invalid: " + e.Reason);
                }
                catch (Exception e)
                {
                    failures.Add($"{name} #{i}: {e.GetType().Name}: {e.Message}\n  input {Convert.ToHexString(input)}\n{e.StackTrace}");
                }
                clock.Stop();
                if (clock.Elapsed > slowest) slowest = clock.Elapsed;
                if (clock.Elapsed > PerInputLimit)
                    failures.Add($"{name} #{i}: took {clock.Elapsed.TotalMilliseconds:F0} ms: {Convert.ToHexString(input)}");
            }
        }

        output.WriteLine($"{total} mutated inputs from {seeds.Count} seeds (random seed {Seed}): " +
                         $"{succeeded} accepted, {formatErrors} malformed, {validationErrors} invalid, {failures.Count} failures; " +
                         $"slowest {slowest.TotalMilliseconds:F1} ms");
        foreach (var (reason, count) in reasons.OrderByDescending(r => r.Value).Take(25))
            output.WriteLine($"  {count,6}  {reason}");

        Assert.True(total >= 10_000);
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(10)));
        // a mutator that never breaks anything, or never leaves anything intact, is not testing much
        Assert.InRange(formatErrors, total / 10, total - 1);
        Assert.True(succeeded + validationErrors > 0);
    }

    private static void Count(Dictionary<string, int> counts, string key) =>
        counts[key] = counts.TryGetValue(key, out int n) ? n + 1 : 1;
}
