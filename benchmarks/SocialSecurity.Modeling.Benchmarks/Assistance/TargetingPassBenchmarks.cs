using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Programs.Targeting;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Benchmarks.Assistance;

/// <summary>
/// The dibao means test with and without the targeting decorator (three per-household random draws, outcome
/// columns) over 1M persons, plus the weighted targeting report. The difference between the two runs is the cost
/// of targeting. Time per operation is per person (OperationsPerInvoke).
/// </summary>
[MemoryDiagnoser]
public class TargetingPassBenchmarks
{
    private const int Persons = 1_000_000;
    private readonly DateOnly _date = new(2023, 6, 30);
    private global::SocialSecurity.Modeling.Core.Population _population = null!;
    private Policy _plain = null!;
    private Policy _targeted = null!;
    private SimulationResult _targetedResult = null!;

    /// <summary>Builds the population and one targeted run for the report benchmark.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = BenchmarkPopulations.Create(Persons);
        _plain = Policy.Create(new DibaoProgram());
        _targeted = Policy.Create(new TargetedProgram(new DibaoProgram(), DibaoProgram.Eligible.Name));
        _targetedResult = Microsimulation.Run(_population, _targeted, ParameterStore.Default, _date);
    }

    /// <summary>The dibao rule alone.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Persons)]
    public double Dibao()
        => Microsimulation.Run(_population, _plain, ParameterStore.Default, _date).AnnualTotal(DibaoProgram.Benefit.Name);

    /// <summary>The dibao rule with take-up and identification errors.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public double DibaoTargeted()
        => Microsimulation.Run(_population, _targeted, ParameterStore.Default, _date).AnnualTotal(DibaoProgram.Benefit.Name);

    /// <summary>The weighted targeting report over an existing run.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    public double Report() => TargetingReport.Compute(_targetedResult, "dibao").Coverage;
}
