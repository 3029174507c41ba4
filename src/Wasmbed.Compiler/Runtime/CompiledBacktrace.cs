using System.Diagnostics;
using System.Globalization;

namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// The WebAssembly backtrace of a trap in compiled code, read from the .NET stack trace of its exception: every
/// frame of a compiled function (a static method named <c>f{index}</c> or <c>f{index}:{name}</c> on a generated
/// <see cref="CompiledInstance"/> type), innermost first, ending with the function the host called (its entry).
/// Functions the JIT inlined into their callers have no frame of their own and do not appear.
/// </summary>
/// <remarks>
/// Read only when asked for: a trap after deep recursion has a long stack, and most traps are just caught. When the
/// interpreter called the entry (tiered execution), the trace ends at the entry and continues with the
/// <c>interpreterFrames</c> below it.
/// </remarks>
internal sealed class CompiledBacktrace(Exception exception, ModuleInstance entered, TraceFrame[]? interpreterFrames = null)
    : IReadOnlyList<TraceFrame>
{
    private TraceFrame[]? _frames;

    private TraceFrame[] Frames => _frames ??= Read(exception, entered, interpreterFrames);

    public TraceFrame this[int index] => Frames[index];

    public int Count => Frames.Length;

    public IEnumerator<TraceFrame> GetEnumerator() => ((IEnumerable<TraceFrame>)Frames).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    private static TraceFrame[] Read(Exception exception, ModuleInstance entered, TraceFrame[]? interpreterFrames)
    {
        var frames = new List<TraceFrame>();
        foreach (var frame in new StackTrace(exception, false).GetFrames())
        {
            var method = frame.GetMethod();
            if (method?.DeclaringType is not { } type || !type.IsSubclassOf(typeof(CompiledInstance))) continue;
            string? moduleName = type == entered.CompiledState?.GetType() ? entered.Name : null;
            var name = method.Name;
            bool isEntry = name.StartsWith(ModuleScope.EntryPrefix, StringComparison.Ordinal);
            if (isEntry) name = name[ModuleScope.EntryPrefix.Length..];
            if (name.Length < 2 || name[0] != 'f' || !char.IsAsciiDigit(name[1])) continue;
            int colon = name.IndexOf(':');
            var digits = colon < 0 ? name.AsSpan(1) : name.AsSpan(1, colon - 1);
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int index)) continue;
            // The entry stands for the function the host called, unless that function has its own frame already.
            bool hasOwnFrame = isEntry && frames.Count > 0 && frames[^1].FunctionIndex == index && frames[^1].ModuleName == moduleName;
            if (!hasOwnFrame) frames.Add(new TraceFrame(moduleName, index, colon < 0 ? null : name[(colon + 1)..]));
            // Further out, frames belong to the interpreter.
            if (isEntry && interpreterFrames is not null) break;
        }
        if (interpreterFrames is not null) frames.AddRange(interpreterFrames);
        return [.. frames];
    }
}
