namespace Wasmbed.Tests;

/// <summary>
/// Tests that measure the whole process or depend on having the CPU run alone, after the parallel ones: memory
/// measurements (other tests compiling and allocating at the same time would show up as growth) and tests whose
/// scenario is timed (a hot swap in the middle of an event stream of fixed rate, which other tests' load can stretch
/// past the stream's end).
/// </summary>
[CollectionDefinition(nameof(RunsAloneCollection), DisableParallelization = true)]
public sealed class RunsAloneCollection;
