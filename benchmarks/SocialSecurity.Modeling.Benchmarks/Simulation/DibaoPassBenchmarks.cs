using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Benchmarks.Simulation;

/// <summary>
/// The static dibao pass over 1M persons (about 333k households). <c>DibaoPass_*</c> is a full
/// <see cref="Microsimulation.Run"/> (parameter resolution, output allocation, the pass, the annual total), per
/// person; <c>PassOnly_*</c> is the prepared policy (household means-test income, then dibao) over prepared columns,
/// per household; <c>DibaoRule_*</c> is the dibao rule's pass alone, with the household income already computed:
/// the "one program's pass" the performance targets speak of, per household.
/// Persons (or households) per second = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
public class DibaoPassBenchmarks
{
    private const int Persons = 1_000_000;
    private const int Households = 333_483; // of BenchmarkPopulations.Create(1_000_000), checked in Setup
    private ProgramPass[] _passes = null!;
    private VariableTable _table = null!;
    private global::SocialSecurity.Modeling.Core.Population _population = null!;
    private Policy _policy = null!;
    private readonly DateOnly _date = new(2023, 6, 30);

    /// <summary>Builds the population once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = BenchmarkPopulations.Create(Persons);
        _policy = Policy.Create(new DibaoProgram());
        if (_population.HouseholdCount != Households)
        {
            throw new InvalidOperationException($"The benchmark population has {_population.HouseholdCount} households; update Households.");
        }

        (_table, _passes) = Microsimulation.Prepare(_population, _policy, ParameterStore.Default, _date);
        Microsimulation.RunBlock(_population, _policy, _table, _passes, 0, Households, null); // the household income the rule reads
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

    /// <summary>The prepared dibao pass alone, blocks of 16,384 households on all cores.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public void PassOnly_AllCores()
    {
        const int block = 16_384;
        int blocks = (Households + block - 1) / block;
        Parallel.For(0, blocks, b => Microsimulation.RunBlock(_population, _policy, _table, _passes, b * block, Math.Min(Households, (b + 1) * block), null));
    }

    /// <summary>The prepared dibao pass alone on one core.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public void PassOnly_OneCore() => Microsimulation.RunBlock(_population, _policy, _table, _passes, 0, Households, null);

    /// <summary>The dibao rule's pass alone (household income precomputed in setup), all cores.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public void DibaoRule_AllCores()
    {
        const int block = 16_384;
        int blocks = (Households + block - 1) / block;
        Parallel.For(0, blocks, b => _passes[^1].Execute(new ProgramContext(_policy.Programs[^1], _table, _population, b * block, Math.Min(Households, (b + 1) * block), null)));
    }

    /// <summary>The dibao rule's pass alone on one core.</summary>
    [Benchmark(OperationsPerInvoke = Households)]
    public void DibaoRule_OneCore() => _passes[^1].Execute(new ProgramContext(_policy.Programs[^1], _table, _population, 0, Households, null));
}
