using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Sandbox checks (docs/sandbox.md), at the same points and with the same amounts as the interpreter: fuel charges
// from the shared FuelPlan and FuelCosts (EngineOptions.ConsumeFuel), interruption checks at function entry and loop
// headers (EngineOptions.Interruptible). Code compiled without them has no trace of either.
internal sealed partial class FunctionCompiler
{
    private bool _fuelChecks;
    private bool _interruptChecks;
    private FuelPlan.Cursor _fuel;

    private void ResetSandboxChecks(int definedIndex)
    {
        var options = _scope.Options;
        _fuelChecks = options.ConsumeFuel;
        _interruptChecks = options.Interruptible;
        if (_fuelChecks) _fuel = new FuelPlan.Cursor(FuelPlan.Compute(_module, definedIndex));
    }

    /// <summary>
    /// Before <paramref name="instruction"/>: its segment's charge if it starts one, then its dynamic charge if its
    /// cost grows with its count operand (the topmost one, left on the evaluation stack).
    /// </summary>
    private void EmitFuelCharges(in Instruction instruction)
    {
        int cost = _fuel.ChargeAt(instruction.Offset);
        if (cost > 0)
        {
            _il.Emit(OpCodes.Ldc_I8, (long)cost);
            LoadContext();
            _il.Emit(OpCodes.Call, Members.Runtime("ChargeFuel"));
        }
        if (FuelCosts.HasDynamicCost(instruction.Opcode, out int scale))
        {
            Need(1);
            _il.Emit(OpCodes.Dup);
            LoadInt(scale);
            LoadContext();
            _il.Emit(OpCodes.Call, Members.Runtime("ChargeDynamicFuel"));
        }
    }

    /// <summary>At function entry and loop headers (where the evaluation stack is empty).</summary>
    private void EmitInterruptCheck()
    {
        if (!_interruptChecks) return;
        LoadContext();
        _il.Emit(OpCodes.Call, Members.Runtime("CheckInterrupt"));
    }
}
