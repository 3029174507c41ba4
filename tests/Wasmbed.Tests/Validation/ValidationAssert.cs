using Wasmbed.Format;
using Wasmbed.Validation;

namespace Wasmbed.Tests.Validation;

internal static class ValidationAssert
{
    public static WasmValidationException Invalid(TestModuleBuilder builder, string expectedMessage)
    {
        var module = builder.Build();
        var error = Assert.Throws<WasmValidationException>(() => ModuleValidator.Validate(module));
        Assert.StartsWith(expectedMessage, error.Reason);
        return error;
    }

    public static WasmFormatException Malformed(TestModuleBuilder builder, string expectedMessage)
    {
        var module = builder.Build();
        var error = Assert.Throws<WasmFormatException>(() => ModuleValidator.Validate(module));
        Assert.Equal(expectedMessage, error.Reason);
        return error;
    }

    public static void Valid(TestModuleBuilder builder) => ModuleValidator.Validate(builder.Build());

    /// <summary>A module with one function of type <paramref name="parameters"/> -> <paramref name="results"/>.</summary>
    public static TestModuleBuilder Function(ValueType[] parameters, ValueType[] results, byte[] code, params LocalRun[] locals)
    {
        var builder = new TestModuleBuilder();
        uint type = (uint)builder.AddType(parameters, results);
        return builder.AddFunction(type, code, locals);
    }

    public static TestModuleBuilder Function(byte[] code, params LocalRun[] locals) => Function([], [], code, locals);
}
