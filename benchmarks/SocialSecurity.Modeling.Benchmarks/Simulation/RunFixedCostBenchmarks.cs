using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Benchmarks.Simulation;

/// <summary>
/// What a run costs apart from its households: the standard package over one household, through a prepared
/// <see cref="SimulationContext"/> (the per-run fixed cost of a prepared policy: partitioning, column leases, the
/// result) and through the public one-shot <see cref="Microsimulation.Run"/> (checks and parameter resolution too);
/// and the <see cref="HouseholdCalculator"/>, which builds the household, lays out its columns, runs the passes it
/// prepared for an earlier household of the same date and regions (docs/architecture.md#household-calculator), and
/// explains every step when the explanation is read (<c>HouseholdCalculator</c>: a second run), in the same run
/// (<c>HouseholdCalculator_Explained</c>) or not at all (<c>HouseholdCalculator_Values</c>).
/// Each category's floor (<c>Floor_*</c>, "Of floor" = floor time ÷ time) is the policy's prepared passes run over
/// the one household, without explanation, through no context: the arithmetic every one of these must do.
/// </summary>
[MemoryDiagnoser]
[FloorFractionColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class RunFixedCostBenchmarks
{
    private readonly DateOnly _date = new(2023, 6, 30);
    private readonly HouseholdRecord _household = new() { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou };
    private readonly PersonRecord[] _members =
    [
        new PersonRecord { Id = 1, HouseholdId = 1, Age = 50, WagesAnnual = 6_000 },
        new PersonRecord { Id = 2, HouseholdId = 1, Age = 12 },
    ];

    private Population _population = null!;
    private Policy _policy = null!;
    private SimulationContext _context = null!;
    private HouseholdCalculator _calculator = null!;
    private VariableTable _table = null!;
    private ProgramPass[] _passes = null!;

    /// <summary>Builds the one-household population and prepares the standard package.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var builder = new PopulationBuilder(ParameterStore.Default.Regions, _members.Length, 1);
        builder.AddHousehold(_household);
        foreach (var member in _members)
        {
            builder.AddPerson(member);
        }

        _population = builder.Build();
        _policy = Policies.Standard();
        _context = new SimulationContext(_population, _policy);
        _calculator = new HouseholdCalculator(_policy, ParameterStore.Default);
        (_table, _passes) = Microsimulation.Prepare(_population, _policy, ParameterStore.Default, _date);
    }

    /// <summary>Floor of a run: the prepared passes over the household, no explanation, no context.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("run")]
    public int Floor_Run() => Block();

    /// <summary>A run of the prepared context (result disposed).</summary>
    [Benchmark]
    [BenchmarkCategory("run")]
    public int PreparedRun()
    {
        using var result = _context.Run(ParameterStore.Default, _date);
        return result.Values(Programs.Tax.IncomeTaxProgram.Total.Name).Length;
    }

    /// <summary>The public one-shot run.</summary>
    [Benchmark]
    [BenchmarkCategory("run")]
    public int OneShotRun() => Microsimulation.Run(_population, _policy, ParameterStore.Default, _date).Values(Programs.Tax.IncomeTaxProgram.Total.Name).Length;

    /// <summary>Floor of the household calculator: the same as <see cref="Floor_Run"/>.</summary>
    [Benchmark(Baseline = true)]
    [BenchmarkCategory("household calculator")]
    public int Floor_Calculator() => Block();

    /// <summary>The household calculator, with its explanation: build the household, reuse the prepared passes, run, explain.</summary>
    [Benchmark]
    [BenchmarkCategory("household calculator")]
    public int HouseholdCalculator() => _calculator.Calculate(_household, _members, _date).Explanation.Steps.Count;

    /// <summary>The household calculator with its explanation made in the same run (<see cref="SocialSecurity.Modeling.Simulation.HouseholdCalculator.CalculateExplained"/>): one run, not two.</summary>
    [Benchmark]
    [BenchmarkCategory("household calculator")]
    public int HouseholdCalculator_Explained() => _calculator.CalculateExplained(_household, _members, _date).Explanation.Steps.Count;

    /// <summary>The household calculator when only values are read: the explanation is made only when asked for, so this is the calculation alone.</summary>
    [Benchmark]
    [BenchmarkCategory("household calculator")]
    public double HouseholdCalculator_Values() => _calculator.Calculate(_household, _members, _date).HouseholdValue(Programs.Assistance.DibaoProgram.Benefit.Name);

    private int Block()
    {
        Microsimulation.RunBlock(_population, _policy, _table, _passes, 0, 1, explanation: null);
        return _table.Column(Programs.Tax.IncomeTaxProgram.Total.Name).Length;
    }
}
