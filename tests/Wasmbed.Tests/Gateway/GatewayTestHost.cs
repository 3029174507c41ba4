using System.Net.Http.Json;
using Wasmbed.Device.Packages;
using Wasmbed.Gateway.Hosting;
using Wasmbed.Text;

namespace Wasmbed.Tests.Gateway;

/// <summary>
/// A real gateway for a test: its own temporary state, real HTTP on 127.0.0.1 with an ephemeral port, and helpers
/// that build signed packages from WAT with the package API.
/// </summary>
internal sealed class GatewayTestHost : IAsyncDisposable
{
    private GatewayTestHost(string directory, GatewayServer server)
    {
        Directory = directory;
        Server = server;
        Http = new HttpClient { BaseAddress = new Uri(server.DashboardUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string Directory { get; }

    public GatewayServer Server { get; }

    public HttpClient Http { get; }

    /// <summary>Starts a gateway with <paramref name="config"/>; <paramref name="prepare"/> may write files (keys, packages) into the directory first.</summary>
    public static async Task<GatewayTestHost> StartAsync(GatewayConfig config, string directory)
    {
        var options = new GatewayLaunchOptions(config, directory, Path.Combine(directory, "state"), "http://127.0.0.1:0");
        var server = await GatewayServer.StartAsync(options);
        return new GatewayTestHost(directory, server);
    }

    public static string NewDirectory()
    {
        var directory = Path.Combine(Path.GetTempPath(), "wasmbed-gateway-" + Guid.NewGuid().ToString("N")[..12]);
        System.IO.Directory.CreateDirectory(directory);
        return directory;
    }

    /// <summary>Writes a key's public half as <c>NAME.pub.pem</c> in <paramref name="directory"/>; returns the file name.</summary>
    public static string WritePublicKey(string directory, string name, SigningKey key)
    {
        var file = name + ".pub.pem";
        File.WriteAllText(Path.Combine(directory, file), key.PublicKey.ToPem());
        return file;
    }

    /// <summary>A package of the WAT module, signed by <paramref name="key"/>.</summary>
    public static Package Pack(string wat, string name, string version, SigningKey key, IReadOnlyList<string>? capabilities = null, uint memoryPages = 1)
    {
        var bytes = Wat.ToBinary(wat);
        using var engine = new Engine();
        using var module = Module.FromBytes(engine, bytes);
        var manifest = new PackageManifest
        {
            Name = name,
            Version = version,
            AbiVersion = 1,
            Capabilities = capabilities ?? ["pipeline"],
            Limits = new ResourceLimits { MemoryPages = memoryPages },
        };
        return Package.Create(EntryPointRules.Resolve(manifest, module), bytes).SignWith(key);
    }

    public async Task<HttpResponseMessage> UploadAsync(HttpMethod method, string path, Package package)
    {
        var content = new ByteArrayContent(package.ToBytes());
        content.Headers.ContentType = new("application/octet-stream");
        return await Http.SendAsync(new HttpRequestMessage(method, path) { Content = content });
    }

    public async Task<T> GetAsync<T>(string path) => (await Http.GetFromJsonAsync<T>(path))!;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // a stuck app's thread may still hold a file; the temp folder is left behind
        }
    }
}

/// <summary>WAT guests for the gateway tests.</summary>
internal static class GatewayGuests
{
    /// <summary>
    /// A pass-through stage: for each message it emits an envelope with no data and metadata <c>ver=TAG</c>, so the
    /// output carries the input's metadata (seq) plus which version handled it. <paramref name="spinIfByte"/>: when the
    /// input's first data byte equals it, loop for ever (a runaway guest).
    /// </summary>
    public static string Stage(string tag, int? spinIfByte = null)
    {
        var meta = $"ver={tag}\n";
        int metaLength = meta.Length, padded = (metaLength + 7) & ~7;
        string header = Bytes(0) + Bytes(metaLength) + Bytes(0) + Bytes(0) + Bytes(0) + Bytes(0) + Bytes(0) + Bytes(0);
        string spin = spinIfByte is { } b
            ? $$"""
                ;; data starts at ptr + 32 + align8(meta_len); spin for ever when its first byte is {{b}}
                (if (i32.and (i32.gt_u (i32.load offset=8 (local.get 0)) (i32.const 0))
                             (i32.eq (i32.load8_u (i32.add (i32.add (local.get 0) (i32.const 32))
                                        (i32.and (i32.add (i32.load offset=4 (local.get 0)) (i32.const 7)) (i32.const -8))))
                                     (i32.const {{b}})))
                  (then (loop $forever (br $forever))))
              """
            : "";
        return $$"""
            (module
              (import "wasmbed:pipeline/1" "emit" (func $emit (param i32 i32) (result i32)))
              (memory (export "memory") 1)
              (data (i32.const 1024) "{{header}}{{Escape(meta)}}{{new string('\0', padded - metaLength).Replace("\0", "\\00")}}")
              (func (export "event_buffer") (param i32) (result i32) (i32.const 4096))
              (func (export "on_event") (param i32 i32) (result i32)
                {{spin}}
                (call $emit (i32.const 1024) (i32.const {{32 + padded}}))))
            """;
    }

    /// <summary>A stage whose memory grows a page per message until its limit, then keeps trying (a memory bomb).</summary>
    public const string MemoryBomb = """
        (module
          (import "wasmbed:pipeline/1" "emit" (func $emit (param i32 i32) (result i32)))
          (memory (export "memory") 1)
          (func (export "event_buffer") (param i32) (result i32) (i32.const 4096))
          (func (export "on_event") (param i32 i32) (result i32)
            (loop $grow (br_if $grow (i32.ne (memory.grow (i32.const 1)) (i32.const -1))))
            (i32.const 0)))
        """;

    private static string Bytes(int value) =>
        string.Concat(BitConverter.GetBytes(value).Select(b => $"\\{b:x2}"));

    private static string Escape(string text) => text.Replace("\n", "\\0a");
}
