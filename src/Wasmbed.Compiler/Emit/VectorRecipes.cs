using System.Reflection;
using System.Runtime.Intrinsics;
using Wasmbed.Format;

namespace Wasmbed.Compiler.Emit;

/// <summary>How a vector instruction's operands are arranged around its <see cref="Vector128"/> method.</summary>
internal enum VectorShape
{
    /// <summary><c>op(v)</c>.</summary>
    Unary,

    /// <summary><c>op(a, b)</c>.</summary>
    Binary,

    /// <summary><c>op(v, count &amp; mask)</c>: the i32 count is taken modulo the lane width.</summary>
    Shift,

    /// <summary><c>Vector128.Create(x)</c> from a scalar operand.</summary>
    Splat,

    /// <summary><c>GetElement(v, lane)</c>, a scalar result.</summary>
    ExtractLane,

    /// <summary><c>WithElement(v, lane, x)</c>.</summary>
    ReplaceLane,

    /// <summary><c>ConditionalSelect(c, a, b)</c> for v128.bitselect's operands a, b, c.</summary>
    Bitselect,
}

/// <summary>
/// A vector instruction that is exactly one <see cref="Vector128"/> operation on one lane type (and, for the
/// <c>ne</c> comparisons, a complement): the compiled code calls that JIT intrinsic directly instead of the
/// <see cref="Runtime.Numerics.SimdOps"/> method. The SimdOps methods have the same bodies, but reaching them needs
/// inlining, which the JIT stops doing in large functions (its inlining budget), and an out-of-line SIMD helper call
/// per instruction costs more than the instruction. The operands and the result stay <see cref="V128"/>, whose one
/// field is the Vector128 (see FunctionCompiler.Vector.cs).
/// </summary>
internal sealed record VectorRecipe(VectorShape Shape, Type Lane, MethodInfo Method, bool Complement = false, int ShiftMask = 0)
{
    public static bool TryGet(Opcode opcode, out VectorRecipe recipe)
    {
        // Every numeric instruction without inline IL asks; only SIMD ones (prefix 0xFD) can have a recipe. Answering the
        // others here keeps the table's construction (reflection over Vector128, ~20 ms) out of modules without SIMD.
        if ((int)opcode >> 12 != 0xFD)
        {
            recipe = null!;
            return false;
        }
        return Recipes.TryGetValue(opcode, out recipe!);
    }

    /// <summary>
    /// v128.load transforms, with the scalar read from memory on the stack: the Vector128 factory that builds the vector
    /// from it, and the lane type to widen from (null: no widening).
    /// </summary>
    public static bool TryGetLoad(Opcode opcode, out MethodInfo factory, out Type? widenFrom)
    {
        (string Factory, Type Scalar, Type? WidenFrom)? load = opcode switch
        {
            Opcode.V128Load8x8S => ("CreateScalar", typeof(ulong), typeof(sbyte)),
            Opcode.V128Load8x8U => ("CreateScalar", typeof(ulong), typeof(byte)),
            Opcode.V128Load16x4S => ("CreateScalar", typeof(ulong), typeof(short)),
            Opcode.V128Load16x4U => ("CreateScalar", typeof(ulong), typeof(ushort)),
            Opcode.V128Load32x2S => ("CreateScalar", typeof(ulong), typeof(int)),
            Opcode.V128Load32x2U => ("CreateScalar", typeof(ulong), typeof(uint)),
            Opcode.V128Load8Splat => ("Create", typeof(byte), null),
            Opcode.V128Load16Splat => ("Create", typeof(ushort), null),
            Opcode.V128Load32Splat => ("Create", typeof(uint), null),
            Opcode.V128Load64Splat => ("Create", typeof(ulong), null),
            Opcode.V128Load32Zero => ("CreateScalar", typeof(uint), null),
            Opcode.V128Load64Zero => ("CreateScalar", typeof(ulong), null),
            _ => null,
        };
        factory = null!;
        widenFrom = null;
        if (load is not { } found) return false;
        factory = Find(found.Factory, element => [element], found.Scalar);
        widenFrom = found.WidenFrom;
        return true;
    }

    /// <summary><c>Vector128.Create(ulong low, ulong high)</c>.</summary>
    public static readonly MethodInfo CreateFromHalves = typeof(Vector128).GetMethod(nameof(Vector128.Create), [typeof(ulong), typeof(ulong)])!;

    /// <summary><c>Vector128.WidenLower</c> of a lane type.</summary>
    public static MethodInfo WidenLower(Type lane) => Find(nameof(Vector128.WidenLower), element => [typeof(Vector128<>).MakeGenericType(element)], lane);

    /// <summary>The lane type of v128.loadN_lane / storeN_lane: 8 → byte ... 64 → ulong.</summary>
    public static Type LaneOfMemoryAccess(int bytes) => bytes switch { 1 => typeof(byte), 2 => typeof(ushort), 4 => typeof(uint), _ => typeof(ulong) };

    /// <summary><c>Vector128.GetElement</c> / <c>WithElement</c> of a lane type.</summary>
    public static MethodInfo GetElement(Type lane) => Find(nameof(Vector128.GetElement), element => [typeof(Vector128<>).MakeGenericType(element), typeof(int)], lane);

    public static MethodInfo WithElement(Type lane) => Find(nameof(Vector128.WithElement), element => [typeof(Vector128<>).MakeGenericType(element), typeof(int), element], lane);

    /// <summary>The bytes of a <see cref="V128"/>.</summary>
    public static readonly FieldInfo BytesField = typeof(V128).GetField(nameof(V128.Bytes), BindingFlags.NonPublic | BindingFlags.Instance)!;

    /// <summary><c>Vector128.As&lt;from, to&gt;</c>: a reinterpretation the JIT does in place.</summary>
    public static MethodInfo As(Type from, Type to) => AsMethod.MakeGenericMethod(from, to);

    /// <summary><c>Vector128.OnesComplement</c> for a <see cref="Vector128{T}"/> type.</summary>
    public static MethodInfo OnesComplement(Type vector) =>
        Find(nameof(Vector128.OnesComplement), element => [typeof(Vector128<>).MakeGenericType(element)], vector.GetGenericArguments()[0]);

    private static readonly Dictionary<string, string> Operators = new()
    {
        [nameof(Vector128.Add)] = "op_Addition",
        [nameof(Vector128.Subtract)] = "op_Subtraction",
        [nameof(Vector128.Multiply)] = "op_Multiply",
        [nameof(Vector128.Divide)] = "op_Division",
        [nameof(Vector128.BitwiseAnd)] = "op_BitwiseAnd",
        [nameof(Vector128.BitwiseOr)] = "op_BitwiseOr",
        [nameof(Vector128.Xor)] = "op_ExclusiveOr",
        [nameof(Vector128.OnesComplement)] = "op_OnesComplement",
        [nameof(Vector128.Negate)] = "op_UnaryNegation",
        [nameof(Vector128.ShiftLeft)] = "op_LeftShift",
        [nameof(Vector128.ShiftRightArithmetic)] = "op_RightShift",
        [nameof(Vector128.ShiftRightLogical)] = "op_UnsignedRightShift",
    };

    private static readonly MethodInfo AsMethod = typeof(Vector128).GetMethod(nameof(Vector128.As), BindingFlags.Public | BindingFlags.Static)!;

    private static Dictionary<Opcode, VectorRecipe> Build()
    {
        var recipes = new Dictionary<Opcode, VectorRecipe>();
        void Add(Opcode op, VectorShape shape, Type lane, string method, bool complement = false)
        {
            Type[] Parameters(Type element)
            {
                var vector = typeof(Vector128<>).MakeGenericType(element);
                return shape switch
                {
                    VectorShape.Unary => [vector],
                    VectorShape.Binary => [vector, vector],
                    VectorShape.Shift => [vector, typeof(int)],
                    VectorShape.Splat => [element],
                    VectorShape.ExtractLane => [vector, typeof(int)],
                    VectorShape.ReplaceLane => [vector, typeof(int), element],
                    VectorShape.Bitselect => [vector, vector, vector],
                    _ => throw new ArgumentOutOfRangeException(nameof(shape)),
                };
            }
            int mask = shape == VectorShape.Shift ? System.Runtime.InteropServices.Marshal.SizeOf(lane) * 8 - 1 : 0;
            recipes.Add(op, new VectorRecipe(shape, lane, Find(method, Parameters, lane), complement, mask));
        }
        void Binary(Opcode op, Type lane, string method) => Add(op, VectorShape.Binary, lane, method);

        // Bitwise.
        Add(Opcode.V128Not, VectorShape.Unary, typeof(ulong), nameof(Vector128.OnesComplement));
        Binary(Opcode.V128And, typeof(ulong), nameof(Vector128.BitwiseAnd));
        Binary(Opcode.V128Or, typeof(ulong), nameof(Vector128.BitwiseOr));
        Binary(Opcode.V128Xor, typeof(ulong), nameof(Vector128.Xor));
        Binary(Opcode.V128Andnot, typeof(ulong), nameof(Vector128.AndNot));
        Add(Opcode.V128Bitselect, VectorShape.Bitselect, typeof(ulong), nameof(Vector128.ConditionalSelect));

        // Integer arithmetic: wrapping, so the unsigned views.
        foreach (var (lane, add, sub, neg) in new[]
        {
            (typeof(byte), Opcode.I8x16Add, Opcode.I8x16Sub, Opcode.I8x16Neg),
            (typeof(ushort), Opcode.I16x8Add, Opcode.I16x8Sub, Opcode.I16x8Neg),
            (typeof(uint), Opcode.I32x4Add, Opcode.I32x4Sub, Opcode.I32x4Neg),
            (typeof(ulong), Opcode.I64x2Add, Opcode.I64x2Sub, Opcode.I64x2Neg),
        })
        {
            Binary(add, lane, nameof(Vector128.Add));
            Binary(sub, lane, nameof(Vector128.Subtract));
            Add(neg, VectorShape.Unary, lane, nameof(Vector128.Negate));
        }
        Binary(Opcode.I16x8Mul, typeof(ushort), nameof(Vector128.Multiply));
        Binary(Opcode.I32x4Mul, typeof(uint), nameof(Vector128.Multiply));
        Binary(Opcode.I64x2Mul, typeof(ulong), nameof(Vector128.Multiply));
        foreach (var (op, lane) in new[]
        {
            (Opcode.I8x16MinS, typeof(sbyte)), (Opcode.I8x16MinU, typeof(byte)), (Opcode.I16x8MinS, typeof(short)),
            (Opcode.I16x8MinU, typeof(ushort)), (Opcode.I32x4MinS, typeof(int)), (Opcode.I32x4MinU, typeof(uint)),
        }) Binary(op, lane, nameof(Vector128.Min));
        foreach (var (op, lane) in new[]
        {
            (Opcode.I8x16MaxS, typeof(sbyte)), (Opcode.I8x16MaxU, typeof(byte)), (Opcode.I16x8MaxS, typeof(short)),
            (Opcode.I16x8MaxU, typeof(ushort)), (Opcode.I32x4MaxS, typeof(int)), (Opcode.I32x4MaxU, typeof(uint)),
        }) Binary(op, lane, nameof(Vector128.Max));

        // Integer comparisons: all ones or all zeros per lane.
        foreach (var (prefix, signed, unsigned) in new[]
        {
            ("I8x16", typeof(sbyte), typeof(byte)), ("I16x8", typeof(short), typeof(ushort)),
            ("I32x4", typeof(int), typeof(uint)), ("I64x2", typeof(long), typeof(ulong)),
        })
        {
            Binary(Enum.Parse<Opcode>(prefix + "Eq"), unsigned, nameof(Vector128.Equals));
            Add(Enum.Parse<Opcode>(prefix + "Ne"), VectorShape.Binary, unsigned, nameof(Vector128.Equals), complement: true);
            foreach (var (suffix, method) in new[]
            {
                ("Lt", nameof(Vector128.LessThan)), ("Gt", nameof(Vector128.GreaterThan)),
                ("Le", nameof(Vector128.LessThanOrEqual)), ("Ge", nameof(Vector128.GreaterThanOrEqual)),
            })
            {
                Binary(Enum.Parse<Opcode>(prefix + suffix + "S"), signed, method);
                // i64x2 has no unsigned comparisons.
                if (Enum.TryParse<Opcode>(prefix + suffix + "U", out var unsignedOp)) Binary(unsignedOp, unsigned, method);
            }

            // Shifts: the count modulo the lane width, as SimdOps does.
            Add(Enum.Parse<Opcode>(prefix + "Shl"), VectorShape.Shift, unsigned, nameof(Vector128.ShiftLeft));
            Add(Enum.Parse<Opcode>(prefix + "ShrS"), VectorShape.Shift, signed, nameof(Vector128.ShiftRightArithmetic));
            Add(Enum.Parse<Opcode>(prefix + "ShrU"), VectorShape.Shift, unsigned, nameof(Vector128.ShiftRightLogical));
        }

        // Float arithmetic and comparisons: IEEE operations, exactly SimdOps' (NaN results are nondeterministic in
        // WebAssembly only in their payload, and SimdOps uses the same instructions).
        foreach (var (prefix, lane) in new[] { ("F32x4", typeof(float)), ("F64x2", typeof(double)) })
        {
            Binary(Enum.Parse<Opcode>(prefix + "Add"), lane, nameof(Vector128.Add));
            Binary(Enum.Parse<Opcode>(prefix + "Sub"), lane, nameof(Vector128.Subtract));
            Binary(Enum.Parse<Opcode>(prefix + "Mul"), lane, nameof(Vector128.Multiply));
            Binary(Enum.Parse<Opcode>(prefix + "Div"), lane, nameof(Vector128.Divide));
            Add(Enum.Parse<Opcode>(prefix + "Sqrt"), VectorShape.Unary, lane, nameof(Vector128.Sqrt));
            Binary(Enum.Parse<Opcode>(prefix + "Eq"), lane, nameof(Vector128.Equals));
            Add(Enum.Parse<Opcode>(prefix + "Ne"), VectorShape.Binary, lane, nameof(Vector128.Equals), complement: true);
            Binary(Enum.Parse<Opcode>(prefix + "Lt"), lane, nameof(Vector128.LessThan));
            Binary(Enum.Parse<Opcode>(prefix + "Gt"), lane, nameof(Vector128.GreaterThan));
            Binary(Enum.Parse<Opcode>(prefix + "Le"), lane, nameof(Vector128.LessThanOrEqual));
            Binary(Enum.Parse<Opcode>(prefix + "Ge"), lane, nameof(Vector128.GreaterThanOrEqual));
        }

        // Lanes. Integer lanes only: float lanes go through SimdOps, which keeps NaN payloads by moving bits.
        Add(Opcode.I8x16Splat, VectorShape.Splat, typeof(byte), nameof(Vector128.Create));
        Add(Opcode.I16x8Splat, VectorShape.Splat, typeof(ushort), nameof(Vector128.Create));
        Add(Opcode.I32x4Splat, VectorShape.Splat, typeof(int), nameof(Vector128.Create));
        Add(Opcode.I64x2Splat, VectorShape.Splat, typeof(long), nameof(Vector128.Create));
        Add(Opcode.I8x16ExtractLaneS, VectorShape.ExtractLane, typeof(sbyte), nameof(Vector128.GetElement));
        Add(Opcode.I8x16ExtractLaneU, VectorShape.ExtractLane, typeof(byte), nameof(Vector128.GetElement));
        Add(Opcode.I16x8ExtractLaneS, VectorShape.ExtractLane, typeof(short), nameof(Vector128.GetElement));
        Add(Opcode.I16x8ExtractLaneU, VectorShape.ExtractLane, typeof(ushort), nameof(Vector128.GetElement));
        Add(Opcode.I32x4ExtractLane, VectorShape.ExtractLane, typeof(int), nameof(Vector128.GetElement));
        Add(Opcode.I64x2ExtractLane, VectorShape.ExtractLane, typeof(long), nameof(Vector128.GetElement));
        Add(Opcode.I8x16ReplaceLane, VectorShape.ReplaceLane, typeof(byte), nameof(Vector128.WithElement));
        Add(Opcode.I16x8ReplaceLane, VectorShape.ReplaceLane, typeof(ushort), nameof(Vector128.WithElement));
        Add(Opcode.I32x4ReplaceLane, VectorShape.ReplaceLane, typeof(int), nameof(Vector128.WithElement));
        Add(Opcode.I64x2ReplaceLane, VectorShape.ReplaceLane, typeof(long), nameof(Vector128.WithElement));
        return recipes;
    }

    /// <summary>The <see cref="Vector128"/> method: a non-generic overload for the lane type if there is one, else the generic method.</summary>
    private static MethodInfo Find(string name, Func<Type, Type[]> parameters, Type lane)
    {
        const BindingFlags flags = BindingFlags.Public | BindingFlags.Static;
        // Some Vector128 methods (Add, ShiftLeft...) are plain wrappers around an operator of Vector128<T>: reaching
        // them takes inlining, which stops when a large function exhausts the JIT's inlining budget. The operators
        // themselves are intrinsics.
        if (Operators.TryGetValue(name, out var op)
            && typeof(Vector128<>).MakeGenericType(lane).GetMethod(op, flags, parameters(lane)) is { } operatorMethod)
            return operatorMethod;
        if (typeof(Vector128).GetMethod(name, flags, parameters(lane)) is { IsGenericMethodDefinition: false } concrete) return concrete;
        var generic = typeof(Vector128).GetMethod(name, 1, flags, null, parameters(Type.MakeGenericMethodParameter(0)), null)
            ?? throw new MissingMethodException(nameof(Vector128), name);
        return generic.MakeGenericMethod(lane);
    }

    // Last: static fields are initialized in order, and Build uses the ones above.
    private static readonly Dictionary<Opcode, VectorRecipe> Recipes = Build();
}
