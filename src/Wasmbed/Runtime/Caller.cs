namespace Wasmbed;

using Wasmbed.Runtime;

/// <summary>
/// What a host function sees of the WebAssembly code that called it: the calling instance's exports
/// (its memory in particular) and the store. When the host calls a host function directly there is no
/// calling instance, and the lookups return null.
/// </summary>
/// <example>
/// <code>
/// linker.Define("env", "log", (Caller caller, int offset, int length) =>
///     Console.WriteLine(caller.Memory!.ReadString(offset, length)));
/// </code>
/// </example>
public readonly struct Caller
{
    internal Caller(Store store, ModuleInstance? instance)
    {
        Store = store;
        InstanceData = instance;
    }

    /// <summary>The store the call runs in.</summary>
    public Store Store { get; }

    internal ModuleInstance? InstanceData { get; }

    /// <summary>Memory 0 of the calling instance (imported or defined, exported or not), or null.</summary>
    public Memory? Memory =>
        InstanceData is { Memories.Length: > 0 } instance ? Wasmbed.Memory.Wrap(instance.Store, instance.Memories[0]) : null;

    /// <summary>The calling instance's export called <paramref name="name"/>, or null.</summary>
    public Extern? GetExport(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return InstanceData?.GetExport(name);
    }

    /// <summary>The calling instance's exported memory called <paramref name="name"/>, or null.</summary>
    public Memory? GetMemory(string name) => GetExport(name) as Memory;

    /// <summary>The calling instance's exported function called <paramref name="name"/>, or null.</summary>
    public Function? GetFunction(string name) => GetExport(name) as Function;

    /// <summary>The calling instance's exported table called <paramref name="name"/>, or null.</summary>
    public Table? GetTable(string name) => GetExport(name) as Table;

    /// <summary>The calling instance's exported global called <paramref name="name"/>, or null.</summary>
    public Global? GetGlobal(string name) => GetExport(name) as Global;
}
