using Wasmbed.Text;

namespace Wasmbed.Tests.Api;

/// <summary>Compiles the WAT snippets of the API tests.</summary>
internal static class WatModules
{
    public static Module Compile(Engine engine, string wat) => Module.FromBytes(engine, Wat.ToBinary(wat));
}
