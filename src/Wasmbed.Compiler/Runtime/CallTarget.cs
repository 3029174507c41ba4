namespace Wasmbed.Compiler.Runtime;

/// <summary>
/// Where a compiled call goes when the callee is not known when the caller is compiled (imports, call_indirect):
/// a typed function pointer and the object passed as its context argument. For a compiled function that is its
/// instance's <see cref="CompiledInstance"/>; for anything else it is a <see cref="SlotsCallTarget"/> and the pointer
/// is the caller module's adapter for the signature, which packs the arguments into slots.
/// </summary>
internal class CallTarget
{
    public CallTarget(object? context, nint pointer)
    {
        Context = context ?? this;
        Pointer = pointer;
    }

    public readonly object Context;

    public readonly nint Pointer;
}
