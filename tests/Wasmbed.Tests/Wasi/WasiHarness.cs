using System.Buffers.Binary;
using System.Text;
using Wasmbed.Wasi;

namespace Wasmbed.Tests.Wasi;

/// <summary>
/// Calls WASI functions directly, as a guest would, against a plain byte array standing in for linear memory. Data the
/// test places goes from <see cref="Scratch"/> upwards; results are read back with the Read helpers.
/// </summary>
internal sealed class WasiHarness : IDisposable
{
    public const int MemorySize = 65536;
    public const uint Scratch = 1024;

    private uint _next = Scratch;

    public WasiHarness(Func<WasiConfiguration, WasiConfiguration>? configure = null)
    {
        Root = Directory.CreateTempSubdirectory("wasmbed-wasi-").FullName;
        Sandbox = Path.Combine(Root, "sandbox");
        Directory.CreateDirectory(Sandbox);
        Directory.CreateDirectory(Path.Combine(Root, "outside"));
        File.WriteAllText(Path.Combine(Root, "outside", "secret.txt"), "secret");
        var configuration = new WasiConfiguration()
            .WithStdin(Stdin)
            .WithStdout(Stdout)
            .WithStderr(new MemoryStream())
            .WithPreopenedDirectory(Sandbox, "/sandbox");
        Context = new WasiContext(configure is null ? configuration : configure(configuration));
    }

    /// <summary>The preopened directory is fd 3.</summary>
    public const int SandboxFd = 3;

    public string Root { get; }

    public string Sandbox { get; }

    public MemoryStream Stdin { get; } = new();

    public MemoryStream Stdout { get; } = new();

    public WasiContext Context { get; }

    public byte[] Memory { get; } = new byte[MemorySize];

    public Errno Call(string name, params long[] arguments) => Context.Invoke(name, Memory, arguments);

    /// <summary>Reserves <paramref name="size"/> bytes (8-aligned) and returns their address.</summary>
    public uint Allocate(uint size)
    {
        uint address = _next;
        _next += (size + 7) & ~7u;
        return address;
    }

    /// <summary>Places <paramref name="bytes"/> in memory and returns (address, length).</summary>
    public (uint Pointer, uint Length) Put(byte[] bytes)
    {
        uint address = Allocate((uint)Math.Max(1, bytes.Length));
        bytes.CopyTo(Memory, address);
        return (address, (uint)bytes.Length);
    }

    public (uint Pointer, uint Length) Put(string text) => Put(Encoding.UTF8.GetBytes(text));

    /// <summary>An iovec array of one buffer.</summary>
    public uint IoVector(uint pointer, uint length)
    {
        uint address = Allocate(8);
        WriteU32(address, pointer);
        WriteU32(address + 4, length);
        return address;
    }

    public void WriteU32(uint address, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Memory.AsSpan((int)address), value);

    public uint ReadU32(uint address) => BinaryPrimitives.ReadUInt32LittleEndian(Memory.AsSpan((int)address));

    public ulong ReadU64(uint address) => BinaryPrimitives.ReadUInt64LittleEndian(Memory.AsSpan((int)address));

    public ushort ReadU16(uint address) => BinaryPrimitives.ReadUInt16LittleEndian(Memory.AsSpan((int)address));

    public string ReadString(uint address, uint length) => Encoding.UTF8.GetString(Memory, (int)address, (int)length);

    /// <summary>path_open relative to <paramref name="directoryFd"/>; returns the errno and the new fd.</summary>
    public (Errno Errno, int Fd) Open(string path, int directoryFd = SandboxFd, uint oflags = 0, Rights rights = (Rights)ulong.MaxValue,
        uint fdflags = 0, uint lookupFlags = 1)
    {
        var (pointer, length) = Put(path);
        uint result = Allocate(4);
        var errno = Call("path_open", directoryFd, lookupFlags, pointer, length, oflags, (long)rights, (long)rights, fdflags, result);
        return (errno, errno == Errno.Success ? (int)ReadU32(result) : -1);
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="fd"/> with fd_write; returns the errno and the count.</summary>
    public (Errno Errno, uint Count) Write(int fd, string text)
    {
        var (pointer, length) = Put(text);
        uint result = Allocate(4);
        var errno = Call("fd_write", fd, IoVector(pointer, length), 1, result);
        return (errno, ReadU32(result));
    }

    /// <summary>Reads up to <paramref name="max"/> bytes from <paramref name="fd"/> with fd_read.</summary>
    public (Errno Errno, string Text) Read(int fd, uint max = 256)
    {
        uint buffer = Allocate(max);
        uint result = Allocate(4);
        var errno = Call("fd_read", fd, IoVector(buffer, max), 1, result);
        return (errno, errno == Errno.Success ? ReadString(buffer, ReadU32(result)) : "");
    }

    /// <summary>Calls a path function of the shape (fd, path, path_len).</summary>
    public Errno PathCall(string name, string path, int directoryFd = SandboxFd)
    {
        var (pointer, length) = Put(path);
        return Call(name, directoryFd, pointer, length);
    }

    public void Dispose()
    {
        Context.Dispose();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
