namespace Wasmbed;

using Wasmbed.Format;

/// <summary>
/// Step 3 of embedding: a decoded and validated module, ready to be instantiated any number of times
/// in any store of its engine. Translated code is cached here and shared by all instances.
/// </summary>
public sealed partial class Module : IDisposable
{
    internal Module(Engine engine, ModuleDescription description)
    {
        Engine = engine;
        Description = description;
        Translations = new object?[description.Codes.Count];
    }

    public Engine Engine { get; }

    internal ModuleDescription Description { get; }

    /// <summary>Per defined function: the execution tier's translated code, filled lazily (Interlocked) or eagerly.</summary>
    internal object?[] Translations { get; }

    /// <summary>The code generator's compiled code for the whole module, filled on first use (Interlocked) and shared by all instances.</summary>
    internal object? CompiledCode;

    public void Dispose()
    {
    }
}
