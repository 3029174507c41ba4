using System.Text;
using Wasmbed.Device.Capabilities;
using Wasmbed.Device.Hardware;

namespace Wasmbed.Device.HostApi;

/// <summary>
/// The <c>wasmbed:sensor/1</c> functions. An app sees only the sensors it was granted, numbered 0..count-1 in the
/// device's order; sensors it was not granted do not exist for it.
/// </summary>
internal sealed class SensorApi
{
    /// <summary>Bytes of <c>struct wb_sensor_info</c>: kind, unit, channels, reserved (four u32).</summary>
    private const int InfoSize = 16;

    private readonly ISensor[] _sensors;
    private readonly byte[][] _names;
    private readonly double[] _values;

    private SensorApi(DeviceContext context)
    {
        _sensors = [.. context.Hardware.Sensors.Where(s => context.Granted.AllowsSensor(s.Name))];
        _names = [.. _sensors.Select(s => Encoding.UTF8.GetBytes(s.Name))];
        _values = new double[Math.Max(1, _sensors.Length == 0 ? 1 : _sensors.Max(s => s.Channels))];
    }

    public static void Define(Linker linker, DeviceContext context)
    {
        var api = new SensorApi(context);
        string m = HostApiNames.ImportModule(HostApiNames.Sensor);
        linker.Define(m, "count", () => api._sensors.Length);
        linker.Define<int, int, int>(m, "info", api.Info);
        linker.Define<int, int, int, int>(m, "name", api.Name);
        linker.Define<int, int, int>(m, "find", api.Find);
        linker.Define<int, int, int, int>(m, "read", api.Read);
        linker.Define<int, int, int, int, int>(m, "read_channels", api.ReadChannels);
    }

    private int Info(Caller caller, int id, int pointer)
    {
        if ((uint)id >= (uint)_sensors.Length) return Status.Fail(DeviceError.NotFound);
        if (!GuestMemory.TryGetSpan(caller, pointer, InfoSize, out var info)) return Status.Fail(DeviceError.Fault);
        var sensor = _sensors[id];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(info, (int)sensor.Kind);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(info[4..], (int)sensor.Unit);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(info[8..], sensor.Channels);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(info[12..], 0);
        return 0;
    }

    private int Name(Caller caller, int id, int pointer, int capacity)
    {
        if ((uint)id >= (uint)_sensors.Length) return Status.Fail(DeviceError.NotFound);
        return GuestMemory.WriteResult(caller, pointer, capacity, _names[id]);
    }

    private int Find(Caller caller, int pointer, int length)
    {
        if (!GuestMemory.TryGetSpan(caller, pointer, length, out var name)) return Status.Fail(DeviceError.Fault);
        for (int id = 0; id < _names.Length; id++)
            if (name.SequenceEqual(_names[id])) return id;
        return Status.Fail(DeviceError.NotFound);
    }

    private int Read(Caller caller, int id, int valuePointer, int timestampPointer)
    {
        if ((uint)id >= (uint)_sensors.Length) return Status.Fail(DeviceError.NotFound);
        // Check every pointer before touching the sensor, so a bad call has no effect.
        if (!GuestMemory.IsValid(caller, valuePointer, 8)) return Status.Fail(DeviceError.Fault);
        if (timestampPointer != 0 && !GuestMemory.IsValid(caller, timestampPointer, 8)) return Status.Fail(DeviceError.Fault);
        var error = TakeReading(_sensors[id], out long timestamp);
        if (error != DeviceError.None) return Status.Fail(error);
        GuestMemory.TryWriteDouble(caller, valuePointer, _values[0]);
        if (timestampPointer != 0) GuestMemory.TryWriteInt64(caller, timestampPointer, timestamp);
        return 0;
    }

    private int ReadChannels(Caller caller, int id, int valuesPointer, int capacity, int timestampPointer)
    {
        if ((uint)id >= (uint)_sensors.Length) return Status.Fail(DeviceError.NotFound);
        if (capacity < 0 || capacity > int.MaxValue / 8) return Status.Fail(DeviceError.InvalidArgument);
        if (!GuestMemory.IsValid(caller, valuesPointer, capacity * 8)) return Status.Fail(DeviceError.Fault);
        if (timestampPointer != 0 && !GuestMemory.IsValid(caller, timestampPointer, 8)) return Status.Fail(DeviceError.Fault);
        var sensor = _sensors[id];
        if (capacity < sensor.Channels) return sensor.Channels; // the ABI's rule: written only when it fits whole
        var error = TakeReading(sensor, out long timestamp);
        if (error != DeviceError.None) return Status.Fail(error);
        for (int i = 0; i < sensor.Channels; i++) GuestMemory.TryWriteDouble(caller, valuesPointer + i * 8, _values[i]);
        if (timestampPointer != 0) GuestMemory.TryWriteInt64(caller, timestampPointer, timestamp);
        return sensor.Channels;
    }

    private DeviceError TakeReading(ISensor sensor, out long timestamp)
    {
        try
        {
            return sensor.Read(_values.AsSpan(0, sensor.Channels), out timestamp);
        }
        catch (Exception)
        {
            timestamp = 0;
            return DeviceError.IOError;
        }
    }
}
