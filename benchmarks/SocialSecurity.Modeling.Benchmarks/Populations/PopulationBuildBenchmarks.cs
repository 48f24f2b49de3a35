using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Benchmarks.Support;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>Building and validating a 1M-person population; MemoryDiagnoser's "Allocated" per operation is bytes per person (including the builder's growth).</summary>
[MemoryDiagnoser]
public class PopulationBuildBenchmarks
{
    private const int Persons = 1_000_000;

    /// <summary>Build and validate 1M persons.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public int BuildOneMillionPersons() => BenchmarkPopulations.Create(Persons).PersonCount;
}
