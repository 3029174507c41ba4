using Wasmbed.Format;
using static Wasmbed.Tests.Format.ModuleBytes;

namespace Wasmbed.Tests.Format;

/// <summary>Writes instruction sequences by mnemonic, with the opcode encodings taken from <see cref="OpcodeTable"/>.</summary>
internal sealed class CodeBytes
{
    private readonly List<byte> _bytes = [];

    public CodeBytes Op(string name, params byte[] immediates)
    {
        if (!OpcodeTable.TryGetByName(name, out var info)) throw new ArgumentException($"unknown instruction {name}", nameof(name));
        OpcodeTable.WriteOpcode(info.Opcode, _bytes);
        _bytes.AddRange(immediates);
        return this;
    }

    public CodeBytes Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public CodeBytes I32(int value) => Op("i32.const", S64(value));

    public CodeBytes I64(long value) => Op("i64.const", S64(value));

    public CodeBytes End() => Op("end");

    public byte[] ToArray() => [.. _bytes];

    /// <summary>
    /// Every instruction with a fixed stack signature (numeric, conversion, memory and SIMD), each fed
    /// zero operands and its results dropped: a valid body (given a memory) that touches most opcodes.
    /// </summary>
    public static byte[] EveryFixedSignatureInstruction()
    {
        var code = new CodeBytes();
        foreach (var info in OpcodeTable.All)
        {
            if (info.Inputs is null || info.Outputs is null) continue;
            byte[]? immediates = info.Immediate switch
            {
                ImmediateKind.None => [],
                ImmediateKind.MemArg => [(byte)Math.Max(info.NaturalAlignment, 0), 0x00],
                ImmediateKind.MemArgAndLane => [(byte)Math.Max(info.NaturalAlignment, 0), 0x00, 0x00],
                ImmediateKind.Lane => [0x00],
                ImmediateKind.Shuffle or ImmediateKind.V128 => new byte[16],
                ImmediateKind.I32 or ImmediateKind.I64 => [0x7F],
                ImmediateKind.F32 => new byte[4],
                ImmediateKind.F64 => new byte[8],
                ImmediateKind.Memory => [0x00],
                _ => null,
            };
            if (immediates is null) continue;
            foreach (var input in info.Inputs) code.ZeroOf(input);
            OpcodeTable.WriteOpcode(info.Opcode, code._bytes);
            code._bytes.AddRange(immediates);
            foreach (var _ in info.Outputs) code.Op("drop");
        }
        return code.ToArray();
    }

    private void ZeroOf(ValueType type)
    {
        switch (type)
        {
            case ValueType.I32: I32(0); break;
            case ValueType.I64: I64(0); break;
            case ValueType.F32: Op("f32.const", new byte[4]); break;
            case ValueType.F64: Op("f64.const", new byte[8]); break;
            case ValueType.V128: Op("v128.const", new byte[16]); break;
            default: Op("ref.null", (byte)type); break;
        }
    }
}
