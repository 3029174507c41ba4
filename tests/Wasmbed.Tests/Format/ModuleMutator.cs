using static Wasmbed.Tests.Format.ModuleBytes;

namespace Wasmbed.Tests.Format;

/// <summary>
/// Deterministic mutations of a module binary for the robustness test: bit flips, byte replacements,
/// truncations, insertions, deletions, duplications, splices with another module, and LEB128 edits
/// (over-long encodings, huge values, inflated section sizes and counts) aimed at real fields.
/// </summary>
internal sealed class ModuleMutator(Random random)
{
    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x0B, 0x40, 0x60, 0x6F, 0x70, 0x7B, 0x7F, 0x80, 0xFC, 0xFD, 0xFF];

    public byte[] Mutate(byte[] seed, byte[] other)
    {
        var bytes = new List<byte>(seed);
        int steps = 1 + (random.Next(4) == 0 ? random.Next(3) : 0);
        for (int i = 0; i < steps; i++) MutateOnce(bytes, other);
        return [.. bytes];
    }

    private void MutateOnce(List<byte> bytes, byte[] other)
    {
        if (bytes.Count == 0)
        {
            bytes.Add(RandomByte());
            return;
        }
        // Mostly past the 8-byte header: a broken header stops decoding before anything interesting.
        int at = bytes.Count > 8 && random.Next(10) != 0 ? 8 + random.Next(bytes.Count - 8) : random.Next(bytes.Count);
        switch (random.Next(12))
        {
            case 0:
            case 1:
                bytes[at] ^= (byte)(1 << random.Next(8));
                break;
            case 2:
                bytes[at] = RandomByte();
                break;
            case 3:
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case 4:
                bytes.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => RandomByte()));
                break;
            case 5:
                bytes.RemoveRange(at, Math.Min(1 + random.Next(16), bytes.Count - at));
                break;
            case 6:
                {
                    int length = Math.Min(1 + random.Next(32), bytes.Count - at);
                    var chunk = bytes.GetRange(at, length);
                    bytes.InsertRange(random.Next(bytes.Count + 1), chunk);
                    break;
                }
            case 7:
                {
                    // splice: our head, the other module's tail
                    int cut = random.Next(other.Length + 1);
                    bytes.RemoveRange(at, bytes.Count - at);
                    bytes.AddRange(other.AsSpan(cut).ToArray());
                    break;
                }
            case 8:
            case 9:
                EditSectionField(bytes);
                break;
            default:
                EditLeb128(bytes, at);
                break;
        }
    }

    private byte RandomByte() => random.Next(2) == 0 ? InterestingBytes[random.Next(InterestingBytes.Length)] : (byte)random.Next(256);

    /// <summary>Rewrites the LEB128 number starting at <paramref name="at"/> (wherever that lands).</summary>
    private void EditLeb128(List<byte> bytes, int at)
    {
        int length = 1;
        while (at + length - 1 < bytes.Count - 1 && (bytes[at + length - 1] & 0x80) != 0 && length < 10) length++;
        ulong value = 0;
        for (int i = 0; i < length && i < 9; i++) value |= (ulong)(bytes[at + i] & 0x7F) << (7 * i);
        byte[] replacement = random.Next(6) switch
        {
            0 => OverLong(value, length + 1 + random.Next(5)),
            1 => U32(uint.MaxValue),
            2 => U32((long)(value + 1)),
            3 => U32((long)(value == 0 ? 0 : value - 1)),
            4 => [0xFF, 0xFF, 0xFF, 0xFF, 0x7F],       // unused bits set
            _ => U32((long)random.Next() << random.Next(8)),
        };
        bytes.RemoveRange(at, length);
        bytes.InsertRange(at, replacement);
    }

    /// <summary>Finds the sections of the (possibly already mutated) module and edits a section size or the count that opens it.</summary>
    private void EditSectionField(List<byte> bytes)
    {
        var sections = new List<(int SizeAt, int ContentAt)>();
        int position = 8;
        while (position < bytes.Count && sections.Count < 64)
        {
            int sizeAt = position + 1;
            if (!TryReadU32(bytes, sizeAt, out uint size, out int sizeLength)) break;
            sections.Add((sizeAt, sizeAt + sizeLength));
            position = sizeAt + sizeLength + (int)Math.Min(size, int.MaxValue / 2);
        }
        if (sections.Count == 0)
        {
            EditLeb128(bytes, random.Next(bytes.Count));
            return;
        }
        var (sizeField, content) = sections[random.Next(sections.Count)];
        int target = random.Next(2) == 0 || content >= bytes.Count ? sizeField : content;
        EditLeb128(bytes, target);
    }

    private static bool TryReadU32(List<byte> bytes, int at, out uint value, out int length)
    {
        value = 0;
        for (length = 1; length <= 5 && at + length - 1 < bytes.Count; length++)
        {
            byte b = bytes[at + length - 1];
            value |= (uint)(b & 0x7F) << (7 * (length - 1));
            if ((b & 0x80) == 0) return true;
        }
        return false;
    }

    /// <summary>The value in exactly <paramref name="length"/> bytes (longer than needed), possibly past the 5/10-byte limit.</summary>
    private static byte[] OverLong(ulong value, int length)
    {
        var result = new byte[length];
        for (int i = 0; i < length; i++)
        {
            result[i] = (byte)((value >> Math.Min(7 * i, 63)) & 0x7F);
            if (7 * i >= 64) result[i] = 0;
            if (i < length - 1) result[i] |= 0x80;
        }
        return result;
    }
}
