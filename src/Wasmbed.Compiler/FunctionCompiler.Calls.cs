using System.Reflection;
using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Calls (spec 4.4.8). A call to a function of the same module is a direct static call with typed arguments; an
// imported function and call_indirect go through a CallTarget (context object + function pointer) with calli.
// Arguments are already on the evaluation stack; the out references for extra results, the context and the depth
// are pushed after them.
internal sealed partial class FunctionCompiler
{
    private LocalBuilder? _callTarget;

    private void CompileCall(uint functionIndex)
    {
        var callee = TypeOfFunction(functionIndex);
        int imported = _module.ImportedFunctionCount;
        Need(callee.Parameters.Count);
        int resultBase = _height - callee.Parameters.Count;
        PushResultReferences(callee, resultBase);
        if (functionIndex >= imported)
        {
            LoadContext();
            LoadCalleeDepth();
            _il.Emit(OpCodes.Call, _scope.Functions[functionIndex - imported]);
            // (MayGrowMemory is empty without a memory; _usesMemory is false then.)
            FinishCall(callee, resultBase, mayGrowMemory: _usesMemory && _scope.MayGrowMemory[functionIndex - imported]);
        }
        else
        {
            LoadContext();
            _il.Emit(OpCodes.Ldfld, _scope.ImportContexts[functionIndex]);
            LoadCalleeDepth();
            LoadContext();
            _il.Emit(OpCodes.Ldfld, _scope.ImportPointers[functionIndex]);
            EmitCalli(callee);
            // The host, or another instance sharing the memory, may grow it.
            FinishCall(callee, resultBase, mayGrowMemory: true);
        }
    }

    /// <summary>spec 4.4.8 call_indirect: the table element is resolved and its type checked in <see cref="Runtime.CompiledRuntime.ResolveIndirect"/>.</summary>
    private void CompileCallIndirect(uint typeIndex, uint tableIndex)
    {
        var callee = _module.Types[(int)typeIndex];
        Need(callee.Parameters.Count + 1);
        Pop();
        var target = _callTarget ??= _il.DeclareLocal(typeof(Runtime.CallTarget));
        LoadInt((int)tableIndex);
        LoadInt((int)typeIndex);
        LoadContext();
        _il.Emit(OpCodes.Call, Members.ResolveIndirect);
        _il.Emit(OpCodes.Stloc, target);

        int resultBase = _height - callee.Parameters.Count;
        PushResultReferences(callee, resultBase);
        _il.Emit(OpCodes.Ldloc, target);
        _il.Emit(OpCodes.Ldfld, Members.CallTargetContext);
        LoadCalleeDepth();
        _il.Emit(OpCodes.Ldloc, target);
        _il.Emit(OpCodes.Ldfld, Members.CallTargetPointer);
        EmitCalli(callee);
        FinishCall(callee, resultBase, mayGrowMemory: true);
    }

    /// <summary>Results after the first come back through references to the spill locals of the positions they will occupy.</summary>
    private void PushResultReferences(FunctionType callee, int resultBase)
    {
        for (int k = 1; k < callee.Results.Count; k++) _il.Emit(OpCodes.Ldloca, SpillLocal(resultBase + k, callee.Results[k]));
    }

    private void FinishCall(FunctionType callee, int resultBase, bool mayGrowMemory)
    {
        Pop(callee.Parameters.Count);
        if (callee.Results.Count > 0) Push(callee.Results[0]);
        for (int k = 1; k < callee.Results.Count; k++)
        {
            _il.Emit(OpCodes.Ldloc, SpillLocal(resultBase + k, callee.Results[k]));
            Push(callee.Results[k]);
        }
        // The callee may have grown memory (itself, or through the host or another instance).
        if (mayGrowMemory) ReloadMemoryIfUsed();
    }

    private void EmitCalli(FunctionType callee) =>
        _il.EmitCalli(OpCodes.Calli, CallingConventions.Standard, ClrTypes.ReturnOf(callee), ClrTypes.ParametersOf(callee, typeof(object)), null);
}
