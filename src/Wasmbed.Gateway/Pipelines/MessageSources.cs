using System.Globalization;
using Wasmbed.Device.Hardware;
using Wasmbed.Gateway.Messages;

namespace Wasmbed.Gateway.Pipelines;

/// <summary>Something that feeds a pipeline on its own (a camera, a sensor), on a timer, until disposed.</summary>
internal interface IMessageSource : IDisposable
{
    string Name { get; }
}

/// <summary>
/// A simulated camera: frames at a fixed rate showing a bright square moving over a gradient, so vision stages have
/// something to find. A frame that the pipeline cannot take (full, over rate) is dropped and counted there.
/// </summary>
internal sealed class CameraSource : IMessageSource
{
    private readonly Timer _timer;
    private readonly uint _format, _width, _height;
    private long _frame;

    public CameraSource(Pipeline pipeline, int width, int height, double fps, uint format)
    {
        if (width is < 1 or > 4096 || height is < 1 or > 4096) throw new GatewayException(GatewayError.BadRequest, $"camera size {width}x{height} is out of range");
        if (fps is <= 0 or > 1000) throw new GatewayException(GatewayError.BadRequest, $"camera rate {fps} fps is out of range");
        (_width, _height, _format) = ((uint)width, (uint)height, format);
        var period = TimeSpan.FromSeconds(1 / fps);
        _timer = new Timer(_ => pipeline.TryAccept(NextFrame()), null, period, period);
    }

    public string Name => "camera";

    /// <summary>Frame N: gradient background, a 1/5-size square that moves one pixel per frame, bouncing.</summary>
    internal Message NextFrame()
    {
        long n = Interlocked.Increment(ref _frame);
        int pixel = MessageFormat.BytesPerPixel(_format);
        var data = new byte[_width * _height * pixel];
        int size = (int)Math.Max(2, Math.Min(_width, _height) / 5);
        int spanX = (int)_width - size, spanY = (int)_height - size;
        int x = Bounce(n, spanX), y = Bounce(n / 2, spanY);
        for (int row = 0; row < _height; row++)
        {
            for (int col = 0; col < _width; col++)
            {
                bool inSquare = col >= x && col < x + size && row >= y && row < y + size;
                byte value = inSquare ? (byte)250 : (byte)(20 + 60 * col / _width);
                int offset = (int)((row * _width + col) * pixel);
                for (int c = 0; c < pixel; c++) data[offset + c] = c == 3 ? (byte)255 : value;
            }
        }
        var meta = MessageMetadata.Empty.With(("source", "camera"), ("frame", n.ToString(CultureInfo.InvariantCulture)));
        return Message.Frame(_format, _width, _height, data, meta);
    }

    private static int Bounce(long n, int span) => span <= 0 ? 0 : (int)(n % (2 * span) is var p && p < span ? p : 2 * span - p);

    public void Dispose() => _timer.Dispose();
}

/// <summary>A sensor read every period; each reading (all channels, f64) becomes a message.</summary>
internal sealed class SensorSource : IMessageSource
{
    private readonly Timer _timer;

    public SensorSource(ISensor sensor, int periodMs, Action<Message> deliver)
    {
        if (periodMs < 1) throw new GatewayException(GatewayError.BadRequest, $"sensor period {periodMs} ms is out of range");
        Sensor = sensor;
        _timer = new Timer(_ =>
        {
            if (Read(sensor) is { } reading) deliver(reading);
        }, null, periodMs, periodMs);
    }

    public ISensor Sensor { get; }

    public string Name => "sensor";

    /// <summary>A reading of every channel, or null when the sensor reports a failure.</summary>
    public static Message? Read(ISensor sensor)
    {
        Span<double> values = stackalloc double[Math.Max(1, sensor.Channels)];
        if (sensor.Read(values, out _) != Device.DeviceError.None) return null;
        var meta = MessageMetadata.Empty.With(("source", "sensor"), ("sensor", sensor.Name), ("unit", sensor.Unit.ToString().ToLowerInvariant()));
        return Message.Reading(values, meta);
    }

    public void Dispose() => _timer.Dispose();
}
