using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Text;

namespace Wasmbed.Interpreter;

/// <summary>
/// A dynamic histogram of executed ops and of adjacent op pairs, for finding where interpreted time goes
/// and which pairs are worth fusing. Calls to <see cref="Record"/> exist only in builds with
/// <c>-p:WasmbedOpProfile=true</c> (the symbol <c>WASMBED_OP_PROFILE</c>); ordinary builds pay nothing.
/// Single-threaded by design: a profiling build runs one program at a time.
/// </summary>
internal static class OpProfile
{
    private static readonly long[] Counts = new long[(int)Op.Count];
    private static readonly long[] Pairs = new long[(int)Op.Count * (int)Op.Count];
    private static int s_previous = -1;
    private static unsafe int* s_fallThrough;

    /// <summary>
    /// Counts the op at <paramref name="ip"/>, and the pair it forms with the op executed before it when it is
    /// that op's static successor (fell through to it): the pairs a fused instruction could replace.
    /// </summary>
    [Conditional("WASMBED_OP_PROFILE")]
    public static unsafe void Record(ref int ip)
    {
        int op = ip;
        Counts[op]++;
        int* at = (int*)Unsafe.AsPointer(ref ip);
        if (s_previous >= 0 && at == s_fallThrough) Pairs[s_previous * (int)Op.Count + op]++;
        s_previous = op;
        s_fallThrough = at + OpTable.Length(new ReadOnlySpan<int>(at, 64));
    }

    /// <summary>The <paramref name="top"/> most frequent ops and pairs, with their share of all executed ops.</summary>
    public static string Report(int top = 40)
    {
        long total = 0;
        foreach (long count in Counts) total += count;
        var text = new StringBuilder();
        text.Append($"ops executed: {total:N0}\n");
        Append(text, "op", Counts, top, total, i => ((Op)i).ToString());
        Append(text, "pair", Pairs, top, total, i => $"{(Op)(i / (int)Op.Count)} -> {(Op)(i % (int)Op.Count)}");
        return text.ToString();
    }

    private static void Append(StringBuilder text, string title, long[] counts, int top, long total, Func<int, string> name)
    {
        var order = Enumerable.Range(0, counts.Length).Where(i => counts[i] > 0).OrderByDescending(i => counts[i]).Take(top);
        foreach (int i in order)
            text.Append($"{title,-5} {100.0 * counts[i] / Math.Max(total, 1),6:F2}%  {counts[i],15:N0}  {name(i)}\n");
    }
}
