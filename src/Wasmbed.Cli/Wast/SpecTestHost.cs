namespace Wasmbed.Cli.Wast;

/// <summary>
/// The standard <c>spectest</c> host module the official test suite imports from (its README lists
/// the exports): print functions, four globals, a table and a memory.
/// </summary>
internal static class SpecTestHost
{
    public static void Define(Linker linker, Store store, TextWriter output)
    {
        void Print(string name, params ValueType[] parameters) =>
            linker.Define("spectest", name, Function.FromCallback(store, new FunctionType(parameters, []), (caller, args, results) =>
            {
                foreach (var arg in args) output.WriteLine($"{arg} : {arg.Type.ToText()}");
            }));

        Print("print");
        Print("print_i32", ValueType.I32);
        Print("print_i64", ValueType.I64);
        Print("print_f32", ValueType.F32);
        Print("print_f64", ValueType.F64);
        Print("print_i32_f32", ValueType.I32, ValueType.F32);
        Print("print_f64_f64", ValueType.F64, ValueType.F64);

        linker.Define("spectest", "global_i32", new Global(store, new GlobalType(ValueType.I32, false), Value.I32(666)));
        linker.Define("spectest", "global_i64", new Global(store, new GlobalType(ValueType.I64, false), Value.I64(666)));
        linker.Define("spectest", "global_f32", new Global(store, new GlobalType(ValueType.F32, false), Value.F32(666.6f)));
        linker.Define("spectest", "global_f64", new Global(store, new GlobalType(ValueType.F64, false), Value.F64(666.6)));
        linker.Define("spectest", "table", new Table(store, new TableType(ValueType.FuncRef, new Limits(10, 20)), Value.Null(ValueType.FuncRef)));
        linker.Define("spectest", "memory", new Memory(store, new MemoryType(new Limits(1, 2))));
    }
}
