namespace Wasmbed.Tests;

/// <summary>Locates test data outside the test assembly: the shared spec suite and the repository.</summary>
internal static class TestPaths
{
    /// <summary>../shared/wasm-testsuite beside the checkout, found by walking up from the test assembly.</summary>
    public static string SpecSuite(string version)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "wasm-testsuite", version);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException(
            $"shared/wasm-testsuite/{version} not found above {AppContext.BaseDirectory}: the official test suite must sit in ../shared beside the checkout");
    }

    /// <summary>The repository root (the directory holding Wasmbed.sln).</summary>
    public static string Repository()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Wasmbed.sln"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Wasmbed.sln not found above the test assembly");
    }
}
