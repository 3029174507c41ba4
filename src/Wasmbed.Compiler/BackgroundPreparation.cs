using System.Reflection;
using System.Runtime.CompilerServices;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

/// <summary>
/// <see cref="IlCompiler.PrepareInBackground"/>: JIT-compiles a module's functions on a background thread while the
/// module starts running, so that its first calls find their machine code ready instead of waiting for the JIT.
/// </summary>
/// <remarks>
/// The order is the static call graph's, breadth first from the exported functions and the start function (the
/// functions a program calls first come first), except that the largest function comes before all (see
/// <see cref="LargestFirst"/>). Only functions optimized before their first call are prepared (the
/// others start as cheap tier-0 code and are meant to stay cold). When the running code reaches a function the thread
/// is compiling, the runtime lets it wait for that compilation rather than compile twice. A failure here (which the
/// call would meet again, and report) just ends the thread.
/// </remarks>
internal static class BackgroundPreparation
{
    public static void Start(ModuleDescription description, MethodInfo[] functions, Func<int, bool> optimizedBeforeFirstCall)
    {
        var thread = new Thread(() =>
        {
            try
            {
                // The walk over the module's code is part of the background work, not of the start.
                foreach (int f in LargestFirst(CallOrder(description), description, optimizedBeforeFirstCall))
                {
                    if (optimizedBeforeFirstCall(f)) RuntimeHelpers.PrepareMethod(functions[f].MethodHandle);
                }
            }
            catch (Exception)
            {
                // The call that needs the function compiles it again and reports what went wrong.
            }
        })
        {
            IsBackground = true,
            Name = "Wasmbed background JIT",
        };
        thread.Start();
    }

    /// <summary>
    /// The largest of the functions to prepare moves to the front: its compilation is the longest single one, so
    /// started first it is the least likely to hold up the running code, which compiles small functions itself as it
    /// reaches them. (For the CoreMark-style benchmark, whose 4.4 KB vector kernel takes the JIT 40 ms and is called
    /// within the first milliseconds, that took about 20 ms off the start-up.)
    /// </summary>
    internal static List<int> LargestFirst(List<int> order, ModuleDescription description, Func<int, bool> prepared)
    {
        int largest = -1;
        for (int i = 0; i < order.Count; i++)
        {
            if (prepared(order[i]) && (largest < 0 || description.Codes[order[i]].CodeLength > description.Codes[order[largest]].CodeLength)) largest = i;
        }
        if (largest > 0)
        {
            int function = order[largest];
            order.RemoveAt(largest);
            order.Insert(0, function);
        }
        return order;
    }

    /// <summary>Defined functions reachable by direct calls from the exports and the start function, breadth first.</summary>
    internal static List<int> CallOrder(ModuleDescription description)
    {
        int imported = description.ImportedFunctionCount;
        var seen = new bool[description.FunctionTypeIndices.Count];
        var order = new List<int>();
        void Visit(uint index)
        {
            if (index < imported || seen[index - imported]) return;
            seen[index - imported] = true;
            order.Add((int)(index - imported));
        }

        if (description.StartFunction is { } start) Visit(start);
        foreach (var export in description.Exports)
        {
            if (export.Kind == ExternalKind.Function) Visit(export.Index);
        }
        for (int next = 0; next < order.Count; next++)
        {
            var body = description.Codes[order[next]];
            var reader = new InstructionReader(description.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
            while (!reader.AtEnd)
            {
                var instruction = reader.Read();
                if (instruction.Opcode == Opcode.Call) Visit(instruction.Index);
            }
        }
        return order;
    }
}
