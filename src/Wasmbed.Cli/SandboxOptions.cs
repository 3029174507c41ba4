using System.CommandLine;
using System.Globalization;

namespace Wasmbed.Cli;

/// <summary>
/// The sandbox limits of <c>wasmbed run</c> (docs/sandbox.md): <c>--fuel N</c>, <c>--max-memory BYTES</c>,
/// <c>--timeout DURATION</c>, <c>--max-stack DEPTH</c>.
/// </summary>
internal sealed class SandboxOptions
{
    public Option<ulong?> Fuel { get; } = new("--fuel") { Description = "run with this much fuel (docs/sandbox.md); running out traps with \"out of fuel\"" };
    public Option<string?> MaxMemory { get; } = new("--max-memory") { Description = "most linear-memory bytes, per memory and for all together (e.g. 65536, 16M, 1G)" };
    public Option<string?> Timeout { get; } = new("--timeout") { Description = "wall-clock limit of the run, start function included (e.g. 500ms, 2s, 1m, 1h); traps with \"interrupted\"" };
    public Option<int?> MaxStack { get; } = new("--max-stack") { Description = "deepest chain of nested WebAssembly calls before \"call stack exhausted\"" };

    public IEnumerable<Option> All => [Fuel, MaxMemory, Timeout, MaxStack];

    /// <summary>The store for a run with these options (fuel given, timeout armed).</summary>
    public Store CreateStore(ParseResult result, Engine engine)
    {
        var defaults = new StoreLimits();
        long? maxMemory = result.GetValue(MaxMemory) is { } memoryText ? ParseBytes(memoryText) : null;
        var limits = new StoreLimits
        {
            MaxCallDepth = result.GetValue(MaxStack) is { } depth
                ? (depth > 0 ? depth : throw new CommandException("--max-stack: the depth must be positive"))
                : defaults.MaxCallDepth,
            MaxMemoryPages = maxMemory is { } bytes ? (uint)Math.Min(bytes / MemoryType.PageSize, defaults.MaxMemoryPages) : defaults.MaxMemoryPages,
            MaxStoreMemoryBytes = maxMemory ?? defaults.MaxStoreMemoryBytes,
        };
        var store = new Store(engine, limits);
        if (result.GetValue(Fuel) is { } fuel) store.Fuel = fuel;
        if (result.GetValue(Timeout) is { } timeoutText) store.Timeout = ParseDuration(timeoutText);
        return store;
    }

    public bool ConsumesFuel(ParseResult result) => result.GetValue(Fuel) is not null;

    public bool Interruptible(ParseResult result) => result.GetValue(Timeout) is not null;

    /// <summary>A byte count: digits with an optional K, M or G suffix (powers of 1024).</summary>
    internal static long ParseBytes(string text)
    {
        string digits = text.Trim();
        long scale = 1;
        if (digits.Length > 0 && char.ToUpperInvariant(digits[^1]) is 'K' or 'M' or 'G')
        {
            scale = char.ToUpperInvariant(digits[^1]) switch { 'K' => 1L << 10, 'M' => 1L << 20, _ => 1L << 30 };
            digits = digits[..^1];
        }
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value > long.MaxValue / scale)
            throw new CommandException($"--max-memory {text}: expected a byte count such as 65536, 64K, 16M or 1G");
        return value * scale;
    }

    /// <summary>A duration: a number with a unit, ms, s, m or h (500ms, 2s, 1.5m, 1h); a bare number is seconds.</summary>
    internal static TimeSpan ParseDuration(string text)
    {
        string trimmed = text.Trim();
        (string number, double seconds) = trimmed switch
        {
            _ when trimmed.EndsWith("ms", StringComparison.Ordinal) => (trimmed[..^2], 0.001),
            _ when trimmed.EndsWith('s') => (trimmed[..^1], 1.0),
            _ when trimmed.EndsWith('m') => (trimmed[..^1], 60.0),
            _ when trimmed.EndsWith('h') => (trimmed[..^1], 3600.0),
            _ => (trimmed, 1.0),
        };
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double value) || value <= 0 || double.IsInfinity(value * seconds))
            throw new CommandException($"--timeout {text}: expected a positive duration such as 500ms, 2s or 1m");
        return TimeSpan.FromSeconds(value * seconds);
    }
}
