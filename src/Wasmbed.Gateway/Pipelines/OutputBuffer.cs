using Wasmbed.Gateway.Messages;

namespace Wasmbed.Gateway.Pipelines;

/// <summary>The last <see cref="Capacity"/> messages a pipeline produced, numbered in output order from 1.</summary>
internal sealed class OutputBuffer
{
    public const int Capacity = 256;

    private readonly (long Number, Message Message)[] _ring = new (long, Message)[Capacity];
    private readonly Lock _lock = new();
    private long _next = 1;

    public long Count
    {
        get { lock (_lock) return _next - 1; }
    }

    public void Add(Message message)
    {
        lock (_lock)
        {
            _ring[_next % Capacity] = (_next, message);
            _next++;
        }
    }

    /// <summary>Output numbers above <paramref name="after"/>, oldest first, at most the newest <paramref name="limit"/>.</summary>
    public List<(long Number, Message Message)> Read(long after, int limit)
    {
        var result = new List<(long, Message)>();
        lock (_lock)
        {
            for (long n = Math.Max(after + 1, _next - Capacity); n < _next; n++) result.Add(_ring[n % Capacity]);
        }
        return result.Count > limit ? result[^limit..] : result;
    }
}
