namespace Wasmbed.Cli;

/// <summary>A usage problem the command reports in one line (exit status 2).</summary>
internal sealed class CommandException(string message) : Exception(message);
