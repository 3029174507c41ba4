namespace Wasmbed.Text;

/// <summary>One top-level command of a WAST script (spec interpreter script format).</summary>
public abstract class WastCommand
{
    private protected WastCommand(int line) => Line = line;

    /// <summary>1-based line of the command's opening parenthesis.</summary>
    public int Line { get; }
}

/// <summary><c>(module ...)</c>: define and instantiate a module; it becomes the current module.</summary>
public sealed class WastModuleCommand(int line, WastModule module) : WastCommand(line)
{
    public WastModule Module { get; } = module;
}

/// <summary><c>(register "name" $id?)</c>: make a module's exports importable under <see cref="As"/>.</summary>
public sealed class WastRegisterCommand(int line, string @as, string? moduleId) : WastCommand(line)
{
    /// <summary>The module name other modules import from.</summary>
    public string As { get; } = @as;

    /// <summary>The registered module's <c>$id</c> (without <c>$</c>), or null for the current module.</summary>
    public string? ModuleId { get; } = moduleId;
}

/// <summary>A bare <c>(invoke ...)</c> or <c>(get ...)</c>: run it; it must not trap.</summary>
public sealed class WastActionCommand(int line, WastAction action) : WastCommand(line)
{
    public WastAction Action { get; } = action;
}

/// <summary><c>(assert_return action result*)</c>.</summary>
public sealed class WastAssertReturn(int line, WastAction action, IReadOnlyList<WastExpectedResult> expected) : WastCommand(line)
{
    public WastAction Action { get; } = action;

    public IReadOnlyList<WastExpectedResult> Expected { get; } = expected;
}

/// <summary>
/// <c>(assert_trap action "message")</c>, or <c>(assert_trap (module ...) "message")</c> where
/// instantiation (e.g. the start function) must trap. Exactly one of <see cref="Action"/> and <see cref="Module"/> is set.
/// </summary>
public sealed class WastAssertTrap(int line, WastAction? action, WastModule? module, string message) : WastCommand(line)
{
    public WastAction? Action { get; } = action;

    public WastModule? Module { get; } = module;

    public string Message { get; } = message;
}

/// <summary><c>(assert_exhaustion action "message")</c>: the action must exhaust a resource (call stack).</summary>
public sealed class WastAssertExhaustion(int line, WastAction action, string message) : WastCommand(line)
{
    public WastAction Action { get; } = action;

    public string Message { get; } = message;
}

/// <summary>Which failure a module assertion expects.</summary>
public enum WastModuleAssertionKind
{
    /// <summary><c>assert_malformed</c>: decoding (binary) or parsing (text) fails — <see cref="WastModule.Encode"/> throws for text.</summary>
    Malformed,

    /// <summary><c>assert_invalid</c>: decodes but fails validation.</summary>
    Invalid,

    /// <summary><c>assert_unlinkable</c>: valid, but imports cannot be resolved or do not match.</summary>
    Unlinkable,

    /// <summary><c>assert_uninstantiable</c>: links, but instantiation traps (segment out of bounds, start traps).</summary>
    Uninstantiable,
}

/// <summary><c>(assert_malformed|assert_invalid|assert_unlinkable|assert_uninstantiable module "message")</c>.</summary>
public sealed class WastAssertModule(int line, WastModuleAssertionKind kind, WastModule module, string message) : WastCommand(line)
{
    public WastModuleAssertionKind Kind { get; } = kind;

    public WastModule Module { get; } = module;

    /// <summary>The expected error text of the reference interpreter.</summary>
    public string Message { get; } = message;
}

/// <summary>Whether an action calls a function or reads a global.</summary>
public enum WastActionKind
{
    /// <summary><c>(invoke $id? "name" arg*)</c>.</summary>
    Invoke,

    /// <summary><c>(get $id? "name")</c>.</summary>
    Get,
}

/// <summary>An action on an exported function or global.</summary>
public sealed class WastAction(WastActionKind kind, string? moduleId, string name, IReadOnlyList<WastValue> arguments)
{
    public WastActionKind Kind { get; } = kind;

    /// <summary>The target module's <c>$id</c> (without <c>$</c>), or null for the current module.</summary>
    public string? ModuleId { get; } = moduleId;

    /// <summary>The export name.</summary>
    public string Name { get; } = name;

    /// <summary>Arguments of <see cref="WastActionKind.Invoke"/>; empty for <see cref="WastActionKind.Get"/>.</summary>
    public IReadOnlyList<WastValue> Arguments { get; } = arguments;

    public override string ToString() =>
        $"({(Kind == WastActionKind.Invoke ? "invoke" : "get")}{(ModuleId is null ? "" : " $" + ModuleId)} \"{Name}\"{string.Concat(Arguments.Select(a => " " + a))})";
}
