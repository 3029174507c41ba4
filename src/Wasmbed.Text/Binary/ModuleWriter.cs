using System.Text;
using Wasmbed.Text.Parsing;

namespace Wasmbed.Text.Binary;

/// <summary>Assembles the sections into a module binary in the order spec 5.5.16 requires.</summary>
internal static class ModuleWriter
{
    private static readonly byte[] Preamble = [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00];

    public static byte[] Write(ModuleContext module, ModuleSections sections)
    {
        var output = new ByteWriter(1024);
        output.Bytes(Preamble);

        if (module.TypeList.Count > 0)
        {
            var types = new ByteWriter(module.TypeList.Count * 6);
            types.U32((uint)module.TypeList.Count);
            foreach (var type in module.TypeList)
            {
                types.Byte(0x60);
                types.U32((uint)type.Parameters.Count);
                foreach (var p in type.Parameters) types.Byte((byte)p);
                types.U32((uint)type.Results.Count);
                foreach (var r in type.Results) types.Byte((byte)r);
            }
            WriteSection(output, 1, types);
        }
        WriteVectorSection(output, sections.Imports);
        WriteVectorSection(output, sections.Functions);
        WriteVectorSection(output, sections.Tables);
        WriteVectorSection(output, sections.Memories);
        WriteVectorSection(output, sections.Globals);
        WriteVectorSection(output, sections.Exports);
        if (sections.Start is uint start)
        {
            var body = new ByteWriter(8);
            body.U32(start);
            WriteSection(output, 8, body);
        }
        WriteVectorSection(output, sections.Elements);
        // spec 5.5.14: the data count section lets memory.init/data.drop be validated in one pass
        if (module.Datas.Count > 0 || module.UsesDataCount)
        {
            var body = new ByteWriter(8);
            body.U32(module.Datas.Count);
            WriteSection(output, 12, body);
        }
        WriteVectorSection(output, sections.Code);
        WriteVectorSection(output, sections.Data);
        WriteNameSection(output, module, sections);
        return output.ToArray();
    }

    private static void WriteVectorSection(ByteWriter output, Section section)
    {
        if (section.Count == 0) return;
        var body = new ByteWriter(section.Body.Length + 5);
        body.U32(section.Count);
        body.Bytes(section.Body.WrittenSpan);
        WriteSection(output, section.Id, body);
    }

    private static void WriteSection(ByteWriter output, byte id, ByteWriter body)
    {
        output.Byte(id);
        output.Vector(body);
    }

    // spec 7.4.2: the name section, so that traces and tools can show the text's identifiers
    private static void WriteNameSection(ByteWriter output, ModuleContext module, ModuleSections sections)
    {
        bool anyFunctionName = module.Functions.Names.Any(n => n is not null);
        if (sections.ModuleName is null && !anyFunctionName && sections.LocalNames.Count == 0) return;

        var content = new ByteWriter(256);
        content.Vector("name"u8);
        var sub = new ByteWriter(256);
        if (sections.ModuleName is not null)
        {
            sub.Clear();
            sub.Vector(Encoding.UTF8.GetBytes(sections.ModuleName));
            content.Byte(0);
            content.Vector(sub);
        }
        if (anyFunctionName)
        {
            sub.Clear();
            var names = module.Functions.Names;
            sub.U32((uint)names.Count(n => n is not null));
            for (int i = 0; i < names.Count; i++)
            {
                if (names[i] is not { } name) continue;
                sub.U32((uint)i);
                sub.Vector(Encoding.UTF8.GetBytes(name));
            }
            content.Byte(1);
            content.Vector(sub);
        }
        if (sections.LocalNames.Count > 0)
        {
            sub.Clear();
            sub.U32((uint)sections.LocalNames.Count);
            foreach (var (function, locals) in sections.LocalNames)
            {
                sub.U32(function);
                sub.U32((uint)locals.Count);
                foreach (var (local, name) in locals)
                {
                    sub.U32(local);
                    sub.Vector(Encoding.UTF8.GetBytes(name));
                }
            }
            content.Byte(2);
            content.Vector(sub);
        }
        WriteSection(output, 0, content);
    }
}
