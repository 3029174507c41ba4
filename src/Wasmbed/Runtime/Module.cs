namespace Wasmbed;

using Wasmbed.Format;
using Wasmbed.Runtime;
using Wasmbed.Validation;

/// <summary>
/// Step 2 of embedding: a decoded and validated module, ready to be instantiated any number of times
/// in any store of its engine. Translated code is cached here and shared by all instances.
/// </summary>
/// <remarks>This class reads the binary format only; the <c>wasmbed</c> command and Wasmbed.Text turn <c>.wat</c> text into it.</remarks>
public sealed partial class Module : IDisposable
{
    private bool _disposed;
    private IReadOnlyList<ImportType>? _imports;
    private IReadOnlyList<ExportType>? _exports;

    internal Module(Engine engine, ModuleDescription description)
    {
        Engine = engine;
        Description = description;
        Translations = new object?[description.Codes.Count];
        var exports = new Dictionary<string, ExportDescription>(description.Exports.Count, StringComparer.Ordinal);
        foreach (var export in description.Exports) exports.TryAdd(export.Name, export);
        ExportsByName = exports;
    }

    /// <summary>The engine the module was compiled for; it can only be instantiated in that engine's stores.</summary>
    public Engine Engine { get; }

    internal ModuleDescription Description { get; }

    /// <summary>Per defined function: the execution tier's translated code, filled lazily (Interlocked) or eagerly.</summary>
    internal object?[] Translations { get; }

    /// <summary>The code generator's compiled code for the whole module, filled on first use (Interlocked) and shared by all instances.</summary>
    internal object? CompiledCode;

    internal IReadOnlyDictionary<string, ExportDescription> ExportsByName { get; }

    /// <summary>The module's name from the name section, if it has one.</summary>
    public string? Name => Description.Names?.ModuleName;

    /// <summary>What the module imports, in order, with the type each import must have.</summary>
    public IReadOnlyList<ImportType> Imports => _imports ??= DescribeImports();

    /// <summary>What the module exports, in order, with their types.</summary>
    public IReadOnlyList<ExportType> Exports => _exports ??= DescribeExports();

    /// <summary>Decodes and validates a module from its binary form. The bytes are copied.</summary>
    /// <exception cref="WasmFormatException">The bytes are not a well-formed module.</exception>
    /// <exception cref="WasmValidationException">The module is not valid.</exception>
    public static Module FromBytes(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.ThrowIfDisposed();
        return Compile(engine, bytes.ToArray());
    }

    /// <inheritdoc cref="FromBytes(Engine, ReadOnlySpan{byte})"/>
    public static Module FromBytes(Engine engine, byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        return FromBytes(engine, bytes.AsSpan());
    }

    /// <summary>Reads, decodes and validates a module from a binary <c>.wasm</c> file.</summary>
    /// <exception cref="WasmFormatException">The file is larger than <see cref="EngineOptions.MaxModuleSize"/> or not a well-formed module.</exception>
    public static Module FromFile(Engine engine, string path)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(path);
        engine.ThrowIfDisposed();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        return Compile(engine, ModuleStreamReader.ReadAll(stream, engine.Options.MaxModuleSize));
    }

    /// <summary>
    /// Reads a module from <paramref name="stream"/> to its end, refusing more than
    /// <see cref="EngineOptions.MaxModuleSize"/> bytes, then decodes and validates it. The stream is not closed.
    /// </summary>
    public static Module FromStream(Engine engine, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(stream);
        engine.ThrowIfDisposed();
        return Compile(engine, ModuleStreamReader.ReadAll(stream, engine.Options.MaxModuleSize));
    }

    /// <summary>Decodes and validates <paramref name="bytes"/> without keeping a module; throws on the first problem.</summary>
    /// <exception cref="WasmFormatException">The bytes are not a well-formed module.</exception>
    /// <exception cref="WasmValidationException">The module is not valid.</exception>
    public static void Validate(Engine engine, ReadOnlySpan<byte> bytes)
    {
        ArgumentNullException.ThrowIfNull(engine);
        engine.ThrowIfDisposed();
        var description = ModuleReader.Read(bytes.ToArray());
        ModuleValidator.Validate(description);
    }

    private static Module Compile(Engine engine, byte[] bytes)
    {
        var description = ModuleReader.Read(bytes);
        ModuleValidator.Validate(description);
        var module = new Module(engine, description);
        if (engine.Options.Translation == TranslationMode.Eager)
        {
            if (engine.CodeGenerator is { } generator) generator.Prepare(module);
            else Interpreter.Translator.TranslateAll(module);
        }
        return module;
    }

    private ImportType[] DescribeImports()
    {
        var imports = new ImportType[Description.Imports.Count];
        for (int i = 0; i < imports.Length; i++)
        {
            var import = Description.Imports[i];
            var type = import.Kind switch
            {
                ExternalKind.Function => ExternType.Of(Description.Types[(int)import.TypeIndex]),
                ExternalKind.Table => ExternType.Of(import.Table!),
                ExternalKind.Memory => ExternType.Of(import.Memory!),
                _ => ExternType.Of(import.Global),
            };
            imports[i] = new ImportType(import.ModuleName, import.Name, type);
        }
        return imports;
    }

    private ExportType[] DescribeExports()
    {
        var exports = new ExportType[Description.Exports.Count];
        for (int i = 0; i < exports.Length; i++)
        {
            var export = Description.Exports[i];
            var type = export.Kind switch
            {
                ExternalKind.Function => ExternType.Of(Description.GetFunctionType(export.Index)),
                ExternalKind.Table => ExternType.Of(Description.GetTableType(export.Index)),
                ExternalKind.Memory => ExternType.Of(Description.GetMemoryType(export.Index)),
                _ => ExternType.Of(Description.GetGlobalType(export.Index)),
            };
            exports[i] = new ExportType(export.Name, type);
        }
        return exports;
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    /// <summary>Marks the module disposed: it can no longer be instantiated. Existing instances keep working.</summary>
    public void Dispose()
    {
        _disposed = true;
    }

    public override string ToString() => Name is { } name ? $"module {name}" : "module";
}
