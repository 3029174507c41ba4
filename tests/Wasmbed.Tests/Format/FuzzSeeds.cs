using static Wasmbed.Tests.Format.ModuleBytes;

namespace Wasmbed.Tests.Format;

/// <summary>
/// Valid modules the robustness test mutates. Together they use every section (custom and name
/// included), every import/export kind, element segments of all eight encodings, data segments of all
/// three, multi-value types, bulk-memory, reference-type and table instructions, and every fixed-signature
/// numeric and SIMD instruction.
/// </summary>
internal static class FuzzSeeds
{
    private const byte I32 = 0x7F, I64 = 0x7E, F32 = 0x7D, F64 = 0x7C, V128 = 0x7B, FuncRef = 0x70, ExternRef = 0x6F;

    public static IReadOnlyList<(string Name, byte[] Bytes)> All { get; } =
    [
        ("kitchen-sink", KitchenSink()),
        ("every-instruction", EveryInstruction()),
        ("control-flow", ControlFlow()),
        ("tiny", Tiny()),
        ("custom-and-names", CustomAndNames()),
    ];

    /// <summary>Every section, all import kinds, all element and data encodings, bulk memory and table instructions.</summary>
    private static byte[] KitchenSink()
    {
        byte[][] types =
        [
            [0x60, 0x00, 0x00],                                   // 0: [] -> []
            [0x60, 0x01, I32, 0x01, I32],                         // 1: [i32] -> [i32]
            [0x60, 0x04, I32, I64, F32, F64, 0x02, F64, I32],     // 2: multi-value
            [0x60, 0x01, V128, 0x01, V128],                       // 3
            [0x60, 0x02, FuncRef, ExternRef, 0x00],               // 4
        ];
        byte[][] imports =
        [
            [.. Name("env"), .. Name("imported"), 0x00, 0x01],                 // func 0
            [.. Name("env"), .. Name("table"), 0x01, FuncRef, 0x01, 0x04, 0x0A], // table 0
            [.. Name("env"), .. Name("memory"), 0x02, 0x01, 0x01, 0x02],       // memory 0
            [.. Name("env"), .. Name("g"), 0x03, I32, 0x00],                   // global 0
        ];
        byte[][] globals =
        [
            [I64, 0x01, .. new CodeBytes().I64(-5).End().ToArray()],
            [F32, 0x00, .. new CodeBytes().Op("f32.const", 0x00, 0x00, 0xC0, 0x3F).End().ToArray()],
            [F64, 0x00, .. new CodeBytes().Op("f64.const", 0, 0, 0, 0, 0, 0, 0xF0, 0x3F).End().ToArray()],
            [V128, 0x00, .. new CodeBytes().Op("v128.const", [.. Enumerable.Range(1, 16).Select(i => (byte)i)]).End().ToArray()],
            [FuncRef, 0x00, .. new CodeBytes().Op("ref.func", 0x02).End().ToArray()],
            [ExternRef, 0x01, .. new CodeBytes().Op("ref.null", ExternRef).End().ToArray()],
            [I32, 0x00, .. new CodeBytes().Op("global.get", 0x00).End().ToArray()],
        ];
        byte[] i32Zero = new CodeBytes().I32(0).End().ToArray();
        byte[][] elements =
        [
            [0x00, .. i32Zero, .. Vector([0x01], [0x02])],
            [0x01, 0x00, .. Vector([0x03])],
            [0x02, 0x00, .. new CodeBytes().I32(2).End().ToArray(), 0x00, .. Vector([0x04])],
            [0x03, 0x00, .. Vector([0x05])],
            [0x04, .. new CodeBytes().Op("global.get", 0x00).End().ToArray(),
                .. Vector(new CodeBytes().Op("ref.func", 0x01).End().ToArray(), new CodeBytes().Op("ref.null", FuncRef).End().ToArray())],
            [0x05, ExternRef, .. Vector(new CodeBytes().Op("ref.null", ExternRef).End().ToArray())],
            [0x06, 0x01, .. i32Zero, ExternRef, .. Vector(new CodeBytes().Op("ref.null", ExternRef).End().ToArray())],
            [0x07, FuncRef, .. Vector(new CodeBytes().Op("ref.func", 0x02).End().ToArray())],
        ];
        byte[] bulk = new CodeBytes()
            .I32(0).I32(0).I32(0).Op("memory.init", 0x01, 0x00)
            .Op("data.drop", 0x01)
            .I32(0).I32(0).I32(0).Op("table.init", 0x01, 0x00)
            .Op("elem.drop", 0x01)
            .I32(0).I32(0).I32(0).Op("table.copy", 0x00, 0x00)
            .I32(0).I32(0).I32(0).Op("memory.copy", 0x00, 0x00)
            .I32(0).I32(0).I32(0).Op("memory.fill", 0x00)
            .Op("ref.null", FuncRef).I32(1).Op("table.grow", 0x00).Op("drop")
            .Op("table.size", 0x01).Op("drop")
            .I32(0).Op("ref.null", FuncRef).I32(0).Op("table.fill", 0x00)
            .I32(0).Op("table.get", 0x00).Op("drop")
            .I32(0).Op("ref.func", 0x02).Op("table.set", 0x00)
            .End().ToArray();
        byte[] structured = new CodeBytes()
            .Op("block", I32)
                .Op("local.get", 0x00)
                .Op("if", I32).Op("local.get", 0x00).I32(1).Op("i32.add")
                .Op("else").Op("local.get", 0x00).Op("call", 0x00)
                .End()
                .Op("loop", 0x40)
                    .Op("local.get", 0x01).I64(1).Op("i64.add").Op("local.set", 0x01)
                    .Op("local.get", 0x01).I64(10).Op("i64.lt_s").Op("br_if", 0x00)
                .End()
                .Op("local.get", 0x00).Op("br_table", 0x01, 0x00, 0x00)
            .End()
            .I32(0).Op("i32.load", 0x02, 0x00).Op("i32.add")
            .I32(4).I32(7).Op("i32.store", 0x02, 0x04)
            .Op("global.get", 0x00).Op("i32.add")
            .Op("ref.func", 0x02).Op("ref.is_null").Op("drop")
            .I32(1).I32(2).Op("local.get", 0x00).Op("select").Op("drop")
            .I64(0).I64(1).I32(1).Raw(0x1C, 0x01, I64).Op("drop")
            .Op("memory.size", 0x00).Op("drop")
            .I32(0).Op("memory.grow", 0x00).Op("drop")
            .End().ToArray();
        byte[] multiValue = new CodeBytes()
            .Op("local.get", 0x03).Op("local.get", 0x02).Op("f64.promote_f32").Op("f64.add")
            .Op("local.get", 0x01).Op("i32.wrap_i64").Op("local.get", 0x00).Op("i32.add")
            .Op("local.get", 0x02).Op("i32.trunc_sat_f32_s").Op("drop")
            .Op("local.get", 0x00).Op("i32.extend8_s").Op("drop")
            .End().ToArray();
        byte[] simd = new CodeBytes()
            .Op("local.get", 0x00).Op("v128.const", new byte[16]).Op("i8x16.add")
            .Op("local.get", 0x00).Op("i8x16.shuffle", [.. Enumerable.Range(0, 16).Select(i => (byte)(i * 2))])
            .I32(7).Op("i32x4.splat").Op("i32x4.add")
            .Op("local.get", 0x00).Op("i8x16.extract_lane_s", 0x03).Op("drop")
            .I32(0).Op("local.get", 0x00).Op("v128.load8_lane", 0x00, 0x00, 0x05).Op("v128.xor")
            .I32(0).Op("local.get", 0x00).Op("v128.store", 0x04, 0x00)
            .End().ToArray();
        byte[] references = new CodeBytes()
            .Op("local.get", 0x00).Op("ref.is_null").Op("drop")
            .Op("local.get", 0x01).Op("ref.is_null").Op("drop")
            .End().ToArray();
        byte[] names = [
            .. Subsection(0, Name("kitchen")),
            .. Subsection(1, Vector([0x00, .. Name("imported")], [0x01, .. Name("start")], [0x02, .. Name("structured")])),
            .. Subsection(2, Vector([0x02, .. Vector([0x00, .. Name("n")], [0x01, .. Name("counter")])])),
        ];

        return Module()
            .Section(1, Vector(types))
            .Section(2, Vector(imports))
            .Section(3, Vector([0x00], [0x01], [0x02], [0x03], [0x04]))
            .Section(4, Vector([ExternRef, 0x00, 0x02]))
            .Section(6, Vector(globals))
            .Section(7, Vector(
                [.. Name("run"), 0x00, 0x02], [.. Name("mem"), 0x02, 0x00],
                [.. Name("tab"), 0x01, 0x01], [.. Name("g1"), 0x03, 0x01]))
            .Section(8, 0x01)
            .Section(9, Vector(elements))
            .CustomSection("between", 0xDE, 0xAD)
            .Section(12, 0x03)
            .Section(10, Vector(
                Body([0x00], bulk),
                Body([0x01, 0x01, I64], structured),
                Body([0x00], multiValue),
                Body([0x00], simd),
                Body([0x00], references)))
            .Section(11, Vector(
                [0x00, .. i32Zero, .. Name("hi")],
                [0x01, .. Name("abc")],
                [0x02, 0x00, .. new CodeBytes().Op("global.get", 0x00).End().ToArray(), .. Name("xyz")]))
            .CustomSection("name", names)
            .ToArray();
    }

    /// <summary>A defined memory and one long function using every fixed-signature instruction (numeric, memory, SIMD).</summary>
    private static byte[] EveryInstruction() =>
        Module()
            .Section(1, Vector([0x60, 0x00, 0x00]))
            .Section(3, Vector([0x00]))
            .Section(5, Vector([0x01, 0x01, 0x01]))
            .Section(7, Vector([.. Name("all"), 0x00, 0x00]))
            .Section(10, Vector(Body([0x00], [.. CodeBytes.EveryFixedSignatureInstruction(), 0x0B])))
            .ToArray();

    /// <summary>Nested blocks, a wide br_table, calls and call_indirect, typed blocks by type index, many locals.</summary>
    private static byte[] ControlFlow()
    {
        var body = new CodeBytes()
            .Op("block", 0x40).Op("block", 0x40).Op("block", 0x40).Op("block", 0x40)
                .Op("local.get", 0x00)
                .Op("br_table", 0x05, 0x00, 0x01, 0x02, 0x03, 0x00, 0x03)
            .End().End().End().End()
            .Op("local.get", 0x00)
            .Op("block", 0x01).Op("i32.const", 0x01).Op("i32.add").End()       // block with type index 1: [i32] -> [i32]
            .Op("local.get", 0x00).Op("call_indirect", 0x01, 0x00)
            .Op("call", 0x00)
            .Op("local.tee", 0x01).Op("local.get", 0x01)
            .Op("if", 0x40).Op("unreachable").End()
            .Op("local.get", 0x02).Op("drop")
            .Op("nop")
            .Op("return")
            .End().ToArray();
        return Module()
            .Section(1, Vector([0x60, 0x00, 0x00], [0x60, 0x01, I32, 0x01, I32]))
            .Section(3, Vector([0x01], [0x01]))
            .Section(4, Vector([FuncRef, 0x01, 0x02, 0x02]))
            .Section(9, Vector([0x00, .. new CodeBytes().I32(0).End().ToArray(), .. Vector([0x00], [0x01])]))
            .Section(10, Vector(
                Body([0x02, 0x01, I32, 0x80, 0x01, V128], body),
                Body([0x00], [0x20, 0x00, 0x0B])))
            .ToArray();
    }

    /// <summary>Small enough that most mutations hit section structure rather than code.</summary>
    private static byte[] Tiny() =>
        Module()
            .Section(1, Vector([0x60, 0x01, I32, 0x01, I32]))
            .Section(3, Vector([0x00]))
            .Section(4, Vector([FuncRef, 0x00, 0x01]))
            .Section(5, Vector([0x01, 0x00, 0x01]))
            .Section(6, Vector([I32, 0x01, 0x41, 0x2A, 0x0B]))
            .Section(7, Vector([.. Name("f"), 0x00, 0x00]))
            .Section(9, Vector([0x00, 0x41, 0x00, 0x0B, 0x01, 0x00]))
            .Section(10, Vector(Body([0x00], 0x20, 0x00, 0x23, 0x00, 0x6A, 0x0B)))
            .Section(11, Vector([0x00, 0x41, 0x00, 0x0B, 0x02, 0x68, 0x69]))
            .ToArray();

    /// <summary>Custom sections everywhere and a name section with every subsection.</summary>
    private static byte[] CustomAndNames()
    {
        byte[] names = [
            .. Subsection(0, Name("named")),
            .. Subsection(1, Vector([0x00, .. Name("first")], [0x01, .. Name("second")])),
            .. Subsection(2, Vector([0x00, .. Vector([0x00, .. Name("a")], [0x01, .. Name("b")])], [0x01, .. Vector()])),
        ];
        return Module()
            .CustomSection("a", 1, 2, 3)
            .Section(1, Vector([0x60, 0x01, F64, 0x00]))
            .CustomSection("b")
            .Section(3, Vector([0x00], [0x00]))
            .CustomSection("producers", [.. Name("language"), 0x01, .. Name("C#")])
            .Section(10, Vector(Body([0x01, 0x01, F32], 0x0B), Body([0x00], 0x0B)))
            .CustomSection("name", names)
            .CustomSection("ünïcödé", 0xFF)
            .ToArray();
    }

    private static byte[] Subsection(byte id, byte[] content) => [id, .. U32(content.Length), .. content];
}
