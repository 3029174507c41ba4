namespace Wasmbed.Tests.Text;

/// <summary>Splits a module binary into its sections, for asserting on the encoder's output.</summary>
internal static class BinarySections
{
    public static List<(byte Id, byte[] Payload)> Read(byte[] module)
    {
        Assert.Equal([0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00], module[..8]);
        var sections = new List<(byte, byte[])>();
        int i = 8;
        while (i < module.Length)
        {
            byte id = module[i++];
            uint size = ReadU32(module, ref i);
            sections.Add((id, module[i..(i + (int)size)]));
            i += (int)size;
        }
        return sections;
    }

    public static byte[] Get(byte[] module, byte id) => Read(module).Single(s => s.Id == id).Payload;

    public static bool Has(byte[] module, byte id) => Read(module).Any(s => s.Id == id);

    public static uint ReadU32(byte[] bytes, ref int i)
    {
        uint result = 0;
        int shift = 0;
        while (true)
        {
            byte b = bytes[i++];
            result |= (uint)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return result;
            shift += 7;
        }
    }

    /// <summary>The body of the only function, without its size and local declarations.</summary>
    public static byte[] OnlyFunctionBody(byte[] module)
    {
        var code = Get(module, 10);
        int i = 0;
        Assert.Equal(1u, ReadU32(code, ref i));
        uint size = ReadU32(code, ref i);
        int end = i + (int)size;
        uint runs = ReadU32(code, ref i);
        for (int r = 0; r < runs; r++)
        {
            ReadU32(code, ref i);
            i++;
        }
        return code[i..end];
    }
}
