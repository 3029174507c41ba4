namespace Wasmbed.Cli;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("wasmbed: not yet implemented");
        return 2;
    }
}
