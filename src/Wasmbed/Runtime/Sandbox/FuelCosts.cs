using System.Runtime.CompilerServices;
using Wasmbed.Format;

namespace Wasmbed.Runtime;

/// <summary>
/// The fuel cost model (docs/sandbox.md), the one place every tier takes its costs from, so the same call
/// consumes exactly the same fuel on every tier.
/// </summary>
/// <remarks>
/// <para>Static part: each WebAssembly instruction of the original code costs 1, except the ones that only give
/// the code its structure (<c>nop</c>, <c>block</c>, <c>loop</c>, <c>else</c>, <c>end</c>), which cost 0. A call
/// costs 1 in the caller; the callee's instructions are charged in the callee. The costs are summed per
/// straight-line segment by <see cref="FuelPlan"/> and charged when a segment is entered.</para>
/// <para>Dynamic part: instructions whose work grows with an operand are charged again, just before they run,
/// in proportion to that operand: 1 per 64 bytes for <c>memory.fill</c>/<c>copy</c>/<c>init</c>, 1024 per page for
/// <c>memory.grow</c> (a page is 64 KiB of zeroed memory), 1 per 8 elements for <c>table.grow</c>/<c>fill</c>/
/// <c>copy</c>/<c>init</c>. The count is always the instruction's last (topmost) operand.</para>
/// </remarks>
internal static class FuelCosts
{
    /// <summary>The static cost of <paramref name="opcode"/>.</summary>
    public static int Of(Opcode opcode) => opcode switch
    {
        Opcode.Nop or Opcode.Block or Opcode.Loop or Opcode.Else or Opcode.End => 0,
        _ => 1,
    };

    /// <summary>
    /// Whether <paramref name="opcode"/> has a dynamic cost, and its scale: the charge is
    /// <see cref="Dynamic(uint, int)"/> of the instruction's topmost operand and <paramref name="scale"/>.
    /// </summary>
    public static bool HasDynamicCost(Opcode opcode, out int scale)
    {
        scale = opcode switch
        {
            Opcode.MemoryFill or Opcode.MemoryCopy or Opcode.MemoryInit => 6,   // count >> 6: per 64 bytes
            Opcode.TableGrow or Opcode.TableFill or Opcode.TableCopy or Opcode.TableInit => 3,   // per 8 elements
            Opcode.MemoryGrow => -10,   // pages << 10: 1024 per 64 KiB page
            _ => int.MinValue,
        };
        return scale != int.MinValue;
    }

    /// <summary>The dynamic charge for <paramref name="count"/>: shifted right by a positive <paramref name="scale"/>, left by a negative one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static long Dynamic(uint count, int scale) => scale >= 0 ? count >> scale : (long)count << -scale;
}
