namespace Wasmbed.Text.Binary;

/// <summary>One section being built: its entries already encoded, and how many there are.</summary>
internal sealed class Section(byte id)
{
    public byte Id { get; } = id;

    public uint Count { get; set; }

    public ByteWriter Body { get; } = new(256);

    /// <summary>Starts a new entry and returns the buffer to write it into.</summary>
    public ByteWriter Add()
    {
        Count++;
        return Body;
    }
}

/// <summary>The content of a module as the text parser produces it, section by section (spec 5.5).</summary>
internal sealed class ModuleSections
{
    public Section Imports { get; } = new(2);
    public Section Functions { get; } = new(3);
    public Section Tables { get; } = new(4);
    public Section Memories { get; } = new(5);
    public Section Globals { get; } = new(6);
    public Section Exports { get; } = new(7);
    public Section Elements { get; } = new(9);
    public Section Code { get; } = new(10);
    public Section Data { get; } = new(11);

    public uint? Start { get; set; }

    /// <summary>For the name section (spec 7.4.2).</summary>
    public string? ModuleName { get; set; }

    /// <summary>Local names per defined function, by function index (spec 7.4.2.3).</summary>
    public List<(uint Function, List<(uint Local, string Name)> Locals)> LocalNames { get; } = [];
}
