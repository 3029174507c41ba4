using Wasmbed.Device;
using Wasmbed.Gateway.Messages;

namespace Wasmbed.Gateway.Pipelines;

/// <summary>
/// The host module <c>wasmbed:pipeline/1</c> (docs/gateway.md, "Pipeline stages"): <c>emit(ptr, len) -> i32</c>
/// passes an output envelope on. Needs the capability <c>pipeline</c>.
/// </summary>
internal static class PipelineImports
{
    public const string Module = "wasmbed:pipeline/1", Capability = "pipeline";

    public static void Define(Linker linker, string app, StageCalls calls)
    {
        linker.Define(Module, "emit", (Caller caller, int pointer, int length) => Emit(caller, app, calls, pointer, length));
    }

    private static int Emit(Caller caller, string app, StageCalls calls, int pointer, int length)
    {
        var memory = caller.Memory;
        if (memory is null || pointer < 0 || length < 0 || (long)pointer + length > memory.Length) return -(int)DeviceError.Fault;
        if (calls.Current(app) is not { } call) return -(int)DeviceError.NotPermitted;
        if (call.Emitted.Count >= StageCall.MaxEmits || call.EmittedBytes + (long)length > Envelope.MaxDataBytes + Envelope.HeaderSize + MessageMetadata.MaxEncodedBytes)
            return -(int)DeviceError.NoSpace;
        Message emitted;
        try
        {
            emitted = Envelope.Decode(memory.GetSpan(pointer, length));
        }
        catch (FormatException)
        {
            return -(int)DeviceError.InvalidArgument;
        }
        call.Emitted.Add(emitted.WithMeta(call.Input.Meta.Overlay(emitted.Meta.Pairs.Select(p => p).ToList())));
        call.EmittedBytes += length;
        return 0;
    }
}
