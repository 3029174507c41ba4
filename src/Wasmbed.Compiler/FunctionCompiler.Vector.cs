using System.Reflection.Emit;
using Wasmbed.Compiler.Emit;
using Wasmbed.Format;

namespace Wasmbed.Compiler;

// Vector instructions that are one Vector128 operation (see VectorRecipe). The v128 operands are moved to their spill
// locals and read as `local.Bytes` (a field of a local: no copy, no address taken), reinterpreted as Vector128<lane>,
// the JIT intrinsic is called, and the result is stored back into a V128 local's field. Every step is an intrinsic or
// a field access, so no call survives to machine code and the JIT needs no temporaries of its own, however large the
// function. (Unsafe.BitCast between V128 and Vector128 costs the JIT a temporary per use; in functions with many
// vector instructions it then runs out of locals and stops expanding intrinsics altogether.)
internal sealed partial class FunctionCompiler
{
    private LocalBuilder? _vectorResult;

    /// <summary>Emits <paramref name="instruction"/> as a Vector128 intrinsic when it has a recipe; false otherwise.</summary>
    private bool EmitVectorIntrinsic(in Instruction instruction)
    {
        if (!VectorRecipe.TryGet(instruction.Opcode, out var recipe)) return false;
        var inputs = instruction.Info.Inputs!;
        int bottom = _height - inputs.Count;
        // Operands into their spill locals, top first.
        var operands = new LocalBuilder[inputs.Count];
        for (int k = inputs.Count - 1; k >= 0; k--)
        {
            operands[k] = SpillLocal(bottom + k, inputs[k]);
            _il.Emit(OpCodes.Stloc, operands[k]);
        }
        switch (recipe.Shape)
        {
            case VectorShape.Unary:
            case VectorShape.Binary:
                foreach (var operand in operands) LoadVector(operand, recipe.Lane);
                break;
            case VectorShape.Shift:
                LoadVector(operands[0], recipe.Lane);
                _il.Emit(OpCodes.Ldloc, operands[1]);
                EmitShiftCount(recipe.ShiftMask);
                break;
            case VectorShape.Splat:
                _il.Emit(OpCodes.Ldloc, operands[0]);
                EmitNarrowScalar(recipe.Lane);
                break;
            case VectorShape.ExtractLane:
                LoadVector(operands[0], recipe.Lane);
                LoadInt(instruction.Lane);
                break;
            case VectorShape.ReplaceLane:
                LoadVector(operands[0], recipe.Lane);
                LoadInt(instruction.Lane);
                _il.Emit(OpCodes.Ldloc, operands[1]);
                EmitNarrowScalar(recipe.Lane);
                break;
            case VectorShape.Bitselect:
                // bitselect(a, b, c) = ConditionalSelect(c, a, b).
                LoadVector(operands[2], recipe.Lane);
                LoadVector(operands[0], recipe.Lane);
                LoadVector(operands[1], recipe.Lane);
                break;
        }
        _il.Emit(OpCodes.Call, recipe.Method);
        if (recipe.Complement) _il.Emit(OpCodes.Call, VectorRecipe.OnesComplement(recipe.Method.ReturnType));
        if (recipe.Shape != VectorShape.ExtractLane) StoreVectorResult(recipe.Method.ReturnType, bottom);
        return true;
    }

    /// <summary>Pushes <c>operand.Bytes</c> as a Vector128 of <paramref name="lane"/>.</summary>
    private void LoadVector(LocalBuilder operand, Type lane)
    {
        _il.Emit(OpCodes.Ldloca, operand);
        _il.Emit(OpCodes.Ldfld, VectorRecipe.BytesField);
        if (lane != typeof(byte)) _il.Emit(OpCodes.Call, VectorRecipe.As(typeof(byte), lane));
    }

    /// <summary>With the scalar read by a v128 load transform on the stack, builds the vector (at the current stack top).</summary>
    private void EmitVectorFromLoad(Opcode op)
    {
        VectorRecipe.TryGetLoad(op, out var factory, out var widenFrom);
        _il.Emit(OpCodes.Call, factory);
        var vector = factory.ReturnType;
        if (widenFrom is { } lane)
        {
            _il.Emit(OpCodes.Call, VectorRecipe.As(vector.GetGenericArguments()[0], lane));
            var widen = VectorRecipe.WidenLower(lane);
            _il.Emit(OpCodes.Call, widen);
            vector = widen.ReturnType;
        }
        StoreVectorResult(vector, _height);
    }

    /// <summary>v128.const: the constant built by Vector128.Create(low, high), which the JIT folds.</summary>
    private void CompileVectorConstant(in Instruction instruction)
    {
        _il.Emit(OpCodes.Ldc_I8, (long)instruction.Value);
        _il.Emit(OpCodes.Ldc_I8, (long)instruction.Value2);
        _il.Emit(OpCodes.Call, VectorRecipe.CreateFromHalves);
        StoreVectorResult(VectorRecipe.CreateFromHalves.ReturnType, _height);
        Push(ValueType.V128);
    }

    /// <summary>Turns the Vector128 on the stack into the V128 result at stack position <paramref name="position"/>.</summary>
    private void StoreVectorResult(Type vector, int position)
    {
        var lane = vector.GetGenericArguments()[0];
        if (lane != typeof(byte)) _il.Emit(OpCodes.Call, VectorRecipe.As(lane, typeof(byte)));
        _vectorResult ??= _il.DeclareLocal(typeof(System.Runtime.Intrinsics.Vector128<byte>));
        _il.Emit(OpCodes.Stloc, _vectorResult);
        var result = SpillLocal(position, ValueType.V128);
        _il.Emit(OpCodes.Ldloca, result);
        _il.Emit(OpCodes.Ldloc, _vectorResult);
        _il.Emit(OpCodes.Stfld, VectorRecipe.BytesField);
        _il.Emit(OpCodes.Ldloc, result);
    }

    /// <summary>An i32 operand becomes the 8- or 16-bit lane value (its low bits, as splat and replace_lane take them).</summary>
    private void EmitNarrowScalar(Type lane)
    {
        if (lane == typeof(byte)) _il.Emit(OpCodes.Conv_U1);
        else if (lane == typeof(ushort)) _il.Emit(OpCodes.Conv_U2);
    }
}
