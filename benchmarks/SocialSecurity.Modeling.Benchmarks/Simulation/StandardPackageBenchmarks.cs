using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Benchmarks.Simulation;

/// <summary>
/// The full standard package (<see cref="Policies.Standard"/>: dibao, supplements, marginal status, one-time and
/// disability/elderly subsidies, and the income chain: contributions, housing fund, resident premium, income tax,
/// unemployment and work injury) over Zhejiang's 1M-person synthetic population, all cores, per person.
/// Persons per second = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
public class StandardPackageBenchmarks
{
    private const int Persons = 1_000_000;
    private global::SocialSecurity.Modeling.Core.Population _population = null!;
    private Policy _policy = null!;

    /// <summary>Builds the population once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = Persons });
        _policy = Policies.Standard();
    }

    /// <summary>The standard package, all cores.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public double StandardPackage_AllCores()
        => Microsimulation.Run(_population, _policy, ParameterStore.Default, new DateOnly(2023, 6, 30)).PublicSpendingAnnual;
}
