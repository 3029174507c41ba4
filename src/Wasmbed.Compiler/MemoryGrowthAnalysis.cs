using Wasmbed.Format;

namespace Wasmbed.Compiler;

/// <summary>
/// Which defined functions may replace memory 0's bytes while they run. Compiled code caches the bytes' base and
/// length in locals and reloads them after every call that may have grown memory; a call to a function that cannot
/// keeps them (and the JIT keeps them in registers across it).
/// </summary>
/// <remarks>
/// Only <c>memory.grow</c> replaces the bytes (WebAssembly 2.0 has no shared memories). A function may run one if it
/// executes it itself, calls an import (the host, or another instance sharing the memory, may grow it), makes an
/// indirect call (any table element may be such a function), or calls a defined function that may: a fixed point
/// over the call graph, found backwards from the functions that grow memory themselves.
/// </remarks>
internal static class MemoryGrowthAnalysis
{
    public static bool[] MayGrowMemory(ModuleDescription description)
    {
        int count = description.FunctionTypeIndices.Count;
        int imported = description.ImportedFunctionCount;
        var mayGrow = new bool[count];
        var callers = new List<int>?[count];
        var pending = new Stack<int>();
        for (int f = 0; f < count; f++)
        {
            var body = description.Codes[f];
            var reader = new InstructionReader(description.Bytes.Span, body.CodeOffset, body.CodeOffset + body.CodeLength);
            while (!reader.AtEnd && !mayGrow[f])
            {
                var instruction = reader.Read();
                switch (instruction.Opcode)
                {
                    case Opcode.MemoryGrow or Opcode.CallIndirect:
                        mayGrow[f] = true;
                        break;
                    case Opcode.Call when instruction.Index < imported:
                        mayGrow[f] = true;
                        break;
                    case Opcode.Call:
                        (callers[(int)instruction.Index - imported] ??= []).Add(f);
                        break;
                }
            }
            if (mayGrow[f]) pending.Push(f);
        }
        while (pending.TryPop(out int grows))
        {
            foreach (int caller in callers[grows] ?? [])
            {
                if (mayGrow[caller]) continue;
                mayGrow[caller] = true;
                pending.Push(caller);
            }
        }
        return mayGrow;
    }
}
