namespace Wasmbed.Bench;

/// <summary>One line of bench/workloads: a program, its arguments, and whether it counts in the geometric mean.</summary>
sealed record Workload(string Name, string Program, bool InGeometricMean, IReadOnlyList<string> Arguments)
{
    /// <summary>Reads bench/workloads: "name program yes|no arguments...", '#' starts a comment line.</summary>
    public static IReadOnlyList<Workload> ReadAll(string path)
    {
        var workloads = new List<Workload>();
        foreach (var (line, number) in File.ReadLines(path).Select((line, index) => (line.Trim(), index + 1)))
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 3 || fields[2] is not ("yes" or "no"))
                throw new FormatException($"{path}:{number}: expected 'name program yes|no arguments...'");
            workloads.Add(new Workload(fields[0], fields[1], fields[2] == "yes", fields[3..]));
        }
        return workloads;
    }
}
