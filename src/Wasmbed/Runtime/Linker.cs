using System.Runtime.CompilerServices;
using Wasmbed.Runtime;

namespace Wasmbed;

/// <summary>
/// Step 4 of embedding: names the things modules import — host functions, and items from stores and other
/// instances — and instantiates modules by resolving each import by its two names.
/// </summary>
/// <example>
/// <code>
/// var linker = new Linker(engine);
/// linker.Define("env", "add", (int a, int b) => a + b);
/// var instance = linker.Instantiate(store, module);
/// </code>
/// </example>
public sealed partial class Linker
{
    private readonly Dictionary<(string Module, string Name), Definition> _definitions = [];

    /// <summary>Creates an empty linker for modules and stores of <paramref name="engine"/>.</summary>
    public Linker(Engine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.ThrowIfDisposed();
        Engine = engine;
    }

    /// <summary>The engine whose stores this linker instantiates into.</summary>
    public Engine Engine { get; }

    /// <summary>When true, defining a name again replaces the earlier definition; when false (default) it throws.</summary>
    public bool AllowShadowing { get; set; }

    /// <summary>Defines <paramref name="module"/>.<paramref name="name"/> as <paramref name="item"/>, which can only be imported into its own store.</summary>
    /// <exception cref="InvalidOperationException">The name is already defined and <see cref="AllowShadowing"/> is off.</exception>
    public Linker Define(string module, string name, Extern item)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item.Store.Engine != Engine) throw new ArgumentException("the item belongs to a store of another engine", nameof(item));
        return Add(module, name, new Definition(item, null));
    }

    /// <summary>
    /// Defines <paramref name="module"/>.<paramref name="name"/> as a host function of any signature (including
    /// several results) that receives and returns untyped <see cref="Value"/>s.
    /// </summary>
    public Linker DefineFunction(string module, string name, FunctionType type, HostCallback callback)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(callback);
        return Add(module, name, new Definition(null, new CallbackHostFunction(Engine.Intern(type), name, callback)));
    }

    /// <summary>Defines every export of <paramref name="instance"/> under the module name <paramref name="moduleName"/>.</summary>
    public Linker DefineInstance(string moduleName, Instance instance)
    {
        ArgumentNullException.ThrowIfNull(moduleName);
        ArgumentNullException.ThrowIfNull(instance);
        var exports = instance.Exports;
        // All or nothing: check every name before defining any.
        if (!AllowShadowing && exports.FirstOrDefault(e => _definitions.ContainsKey((moduleName, e.Name))) is { Item: not null } taken)
            throw new InvalidOperationException($"\"{moduleName}\" \"{taken.Name}\" is already defined (set AllowShadowing to replace definitions)");
        foreach (var export in exports) Define(moduleName, export.Name, export.Item);
        return this;
    }

    /// <summary>
    /// The item defined as <paramref name="module"/>.<paramref name="name"/> as seen from <paramref name="store"/>
    /// (host functions get one function per store), or null when the name is not defined.
    /// </summary>
    public Extern? Get(Store store, string module, string name)
    {
        ArgumentNullException.ThrowIfNull(store);
        return _definitions.TryGetValue((module, name), out var definition) ? definition.Resolve(store) : null;
    }

    /// <summary>
    /// Instantiates <paramref name="module"/> in <paramref name="store"/>, resolving each import by its module and field
    /// names (spec 4.5.4), then applying active segments and running the start function.
    /// </summary>
    /// <exception cref="WasmLinkException">An import is not defined ("unknown import"), belongs to another store, or
    /// does not match the type the module expects ("incompatible import type").</exception>
    /// <exception cref="TrapException">An active segment is out of bounds, or the start function trapped.</exception>
    public Instance Instantiate(Store store, Module module)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(module);
        Instance.CheckInstantiable(store, module);
        var imports = module.Description.Imports;
        var resolved = new Extern[imports.Count];
        for (int i = 0; i < resolved.Length; i++)
        {
            var import = imports[i];
            resolved[i] = Get(store, import.ModuleName, import.Name)
                ?? throw new WasmLinkException($"unknown import: \"{import.ModuleName}\" \"{import.Name}\" is not defined");
        }
        return new Instance(store, module, Instantiator.Instantiate(store, module, resolved));
    }

    /// <summary>The common part of the typed <c>Define</c> overloads.</summary>
    private Linker DefineHostFunction(string module, string name, Delegate function,
        Func<FunctionType, HostFunction> create, ValueType[] parameters, ValueType[] results)
    {
        ArgumentNullException.ThrowIfNull(function);
        var type = Engine.Intern(new FunctionType(parameters, results));
        return Add(module, name, new Definition(null, create(type)));
    }

    private Linker Add(string module, string name, Definition definition)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(name);
        if (!AllowShadowing && _definitions.ContainsKey((module, name)))
            throw new InvalidOperationException($"\"{module}\" \"{name}\" is already defined (set AllowShadowing to replace definitions)");
        _definitions[(module, name)] = definition;
        return this;
    }

    /// <summary>
    /// A definition: either an item of one store, or a host function that is copied into each store that
    /// imports it (once per store, so its funcref identity is stable within the store).
    /// </summary>
    private sealed class Definition(Extern? item, HostFunction? hostFunction)
    {
        private readonly ConditionalWeakTable<Store, Function> _perStore = [];

        public Extern Resolve(Store store)
        {
            if (item is not null) return item;
            return _perStore.GetValue(store, s =>
            {
                var copy = hostFunction!.CopyForStore();
                s.Register(copy);
                return Function.Wrap(copy);
            });
        }
    }
}
