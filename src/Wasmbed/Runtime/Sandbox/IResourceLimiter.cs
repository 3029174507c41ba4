namespace Wasmbed;

/// <summary>
/// Lets the embedder allow or refuse each creation and growth of a memory or table in a store, on top of the
/// fixed caps of <see cref="StoreLimits"/> (like wasmtime's <c>ResourceLimiter</c>). Set it with
/// <see cref="StoreLimits.ResourceLimiter"/>.
/// </summary>
/// <remarks>
/// Called on the thread running the store, before any memory is allocated. A refused <c>memory.grow</c> or
/// <c>table.grow</c> returns -1 inside WebAssembly; a refused creation (instantiation or a host-created memory or
/// table) fails with <see cref="WasmLinkException"/>. An exception thrown here inside a call surfaces as a
/// <see cref="TrapCode.HostError"/> trap of that call.
/// </remarks>
public interface IResourceLimiter
{
    /// <summary>
    /// A memory is about to grow from <paramref name="currentBytes"/> to <paramref name="desiredBytes"/>
    /// (<paramref name="currentBytes"/> is 0 when it is being created). <paramref name="maximumBytes"/> is the
    /// memory's declared maximum, if it has one. Return false to refuse.
    /// </summary>
    bool MemoryGrowing(long currentBytes, long desiredBytes, long? maximumBytes);

    /// <summary>
    /// A table is about to grow from <paramref name="currentElements"/> to <paramref name="desiredElements"/>
    /// (<paramref name="currentElements"/> is 0 when it is being created). Return false to refuse.
    /// </summary>
    bool TableGrowing(uint currentElements, uint desiredElements, uint? maximumElements);
}
