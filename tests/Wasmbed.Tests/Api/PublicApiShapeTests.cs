namespace Wasmbed.Tests.Api;

/// <summary>Checks the shape of the public API by reflection: sealed where not designed for inheritance.</summary>
public sealed class PublicApiShapeTests
{
    private static readonly Type[] EmbeddingTypes =
    [
        typeof(Engine), typeof(EngineOptions), typeof(Module), typeof(Store), typeof(StoreLimits), typeof(Linker),
        typeof(Instance), typeof(Function), typeof(Memory), typeof(Table), typeof(Global), typeof(ExternType),
        typeof(ImportType), typeof(ExportType),
    ];

    [Fact]
    public void EmbeddingClassesAreSealed()
    {
        Assert.All(EmbeddingTypes, type => Assert.True(type.IsSealed, $"{type.Name} should be sealed"));
    }

    [Fact]
    public void ExternIsTheOnlyOpenBaseAndCannotBeExtendedOutsideWasmbed()
    {
        Assert.True(typeof(Extern).IsAbstract);
        var constructors = typeof(Extern).GetConstructors(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic);
        Assert.All(constructors, c => Assert.False(c.IsPublic || c.IsFamily, "Extern's constructor must not be visible to other assemblies"));
    }

    [Fact]
    public void ValueAndCallerAreReadOnlyStructs()
    {
        foreach (var type in new[] { typeof(Value), typeof(Caller) })
        {
            Assert.True(type.IsValueType);
            Assert.Contains(type.CustomAttributes, a => a.AttributeType.Name == "IsReadOnlyAttribute");
        }
    }
}
