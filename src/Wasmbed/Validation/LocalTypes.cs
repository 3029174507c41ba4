using Wasmbed.Format;

namespace Wasmbed.Validation;

/// <summary>
/// The types of a function's locals: its parameters, then its declared locals (spec 3.4.1). Declared
/// locals stay as the runs the binary gives (a run may declare millions of locals), so a lookup is a
/// binary search over run boundaries instead of an index into an expanded array. Reused across functions.
/// </summary>
internal sealed class LocalTypes
{
    private IReadOnlyList<ValueType> _parameters = Array.Empty<ValueType>();
    private long[] _runEnds = new long[16];       // exclusive end index of each run, counting parameters
    private ValueType[] _runTypes = new ValueType[16];
    private int _runCount;

    /// <summary>Number of locals, parameters included.</summary>
    public long Count { get; private set; }

    public void Reset(IReadOnlyList<ValueType> parameters, LocalRun[] runs)
    {
        _parameters = parameters;
        if (_runEnds.Length < runs.Length)
        {
            _runEnds = new long[runs.Length];
            _runTypes = new ValueType[runs.Length];
        }
        long end = parameters.Count;
        _runCount = 0;
        foreach (var run in runs)
        {
            if (run.Count == 0) continue;
            end += run.Count;
            _runEnds[_runCount] = end;
            _runTypes[_runCount] = run.Type;
            _runCount++;
        }
        Count = end;
    }

    /// <summary>The type of local <paramref name="index"/>, or false when there is no such local.</summary>
    public bool TryGet(uint index, out ValueType type)
    {
        if (index < (uint)_parameters.Count)
        {
            type = _parameters[(int)index];
            return true;
        }
        if (index >= Count)
        {
            type = default;
            return false;
        }
        // First run whose end lies beyond the index.
        int low = 0, high = _runCount - 1;
        while (low < high)
        {
            int mid = (low + high) >>> 1;
            if (_runEnds[mid] > index) high = mid;
            else low = mid + 1;
        }
        type = _runTypes[low];
        return true;
    }
}
