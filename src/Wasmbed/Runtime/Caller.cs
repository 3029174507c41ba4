namespace Wasmbed;

using Wasmbed.Runtime;

/// <summary>
/// What a host function sees of the WebAssembly code that called it: the calling instance's exports
/// (its memory in particular) and the store.
/// </summary>
public readonly struct Caller
{
    internal Caller(Store store, ModuleInstance? instance)
    {
        Store = store;
        InstanceData = instance;
    }

    public Store Store { get; }

    internal ModuleInstance? InstanceData { get; }
}
