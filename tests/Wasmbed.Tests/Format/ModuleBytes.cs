using System.Text;

namespace Wasmbed.Tests.Format;

/// <summary>Builds module binaries byte by byte for decoder tests: LEB128 numbers, names, vectors and sections.</summary>
internal sealed class ModuleBytes
{
    private readonly List<byte> _bytes = [];

    public static ModuleBytes Module() => new ModuleBytes().Raw(0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00);

    public ModuleBytes Raw(params byte[] bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    public ModuleBytes Raw(IEnumerable<byte> bytes)
    {
        _bytes.AddRange(bytes);
        return this;
    }

    /// <summary>Appends a section with its id and exact size.</summary>
    public ModuleBytes Section(byte id, params byte[] content) => Raw(id).Raw(U32(content.Length)).Raw(content);

    public ModuleBytes Section(byte id, ModuleBytes content) => Section(id, content.ToArray());

    public ModuleBytes CustomSection(string name, params byte[] payload) => Section(0, [.. Name(name), .. payload]);

    public byte[] ToArray() => [.. _bytes];

    public static byte[] U32(long value)
    {
        var result = new List<byte>();
        ulong v = (ulong)value;
        do
        {
            byte b = (byte)(v & 0x7F);
            v >>= 7;
            if (v != 0) b |= 0x80;
            result.Add(b);
        } while (v != 0);
        return [.. result];
    }

    public static byte[] S64(long value)
    {
        var result = new List<byte>();
        while (true)
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bool done = (value == 0 && (b & 0x40) == 0) || (value == -1 && (b & 0x40) != 0);
            result.Add(done ? b : (byte)(b | 0x80));
            if (done) return [.. result];
        }
    }

    public static byte[] Name(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        return [.. U32(utf8.Length), .. utf8];
    }

    /// <summary>A vector: the element count then the concatenated elements.</summary>
    public static byte[] Vector(params byte[][] items) => [.. U32(items.Length), .. items.SelectMany(i => i)];

    /// <summary>A code entry: size, then the locals runs and instruction bytes (which should end with 0x0B).</summary>
    public static byte[] Body(byte[] locals, params byte[] instructions)
    {
        byte[] content = [.. locals, .. instructions];
        return [.. U32(content.Length), .. content];
    }
}
