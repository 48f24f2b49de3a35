using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Benchmarks.Simulation;

/// <summary>
/// The static dibao pass over 1M persons (about 333k households): a full <see cref="Microsimulation.Run"/>
/// including parameter resolution. Time per operation is per person (OperationsPerInvoke), so persons per second
/// = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
public class DibaoPassBenchmarks
{
    private const int Persons = 1_000_000;
    private Population.Population _population = null!;
    private Policy _policy = null!;
    private readonly DateOnly _date = new(2023, 6, 30);

    /// <summary>Builds the population once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = BenchmarkPopulations.Create(Persons);
        _policy = Policies.Standard();
        Console.WriteLine($"// population: {_population.PersonCount:N0} persons, {_population.HouseholdCount:N0} households, {(double)_population.ResidentBytes / _population.PersonCount:F1} bytes per person resident");
    }

    /// <summary>The dibao pass on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public double DibaoPass_AllCores()
        => Microsimulation.Run(_population, _policy, ParameterStore.Default, _date).AnnualTotal("dibao.benefit_monthly");

    /// <summary>The dibao pass on one core.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public double DibaoPass_OneCore()
        => Microsimulation.Run(_population, _policy, ParameterStore.Default, _date, new SimulationOptions { MaxDegreeOfParallelism = 1 }).AnnualTotal("dibao.benefit_monthly");
}
