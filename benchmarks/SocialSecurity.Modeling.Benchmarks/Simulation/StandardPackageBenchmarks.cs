using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Benchmarks.Simulation;

/// <summary>
/// The policy packages over Zhejiang's 1M-person synthetic population, all cores, per person, each against its
/// floor measured in the same run ("Of floor" = floor time ÷ time): <see cref="Policies.Standard"/> (the assistance
/// package and the income chain: contributions, housing fund, resident premium, income tax, unemployment, work
/// injury) and the first wave's assistance package (<see cref="AssistancePolicies.Extended"/>: dibao, supplements,
/// marginal status, one-time, disability, elderly-care and Yunhe subsidies). <c>Floor_*</c> writes every output
/// column of the package once, copied from an input column of the same entity (the least memory traffic any run of
/// the package can have); <c>*_Context</c> is a run of a prepared <see cref="SimulationContext"/> (result disposed);
/// <c>StandardPackage_AllCores</c> is the public one-shot run with the annual public spending, as recorded before
/// run contexts. Persons per second = 1e9 / (ns per op).
/// </summary>
[MemoryDiagnoser]
[FloorFractionColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StandardPackageBenchmarks
{
    private const int Persons = 1_000_000;
    private const int Block = 16_384;
    private readonly DateOnly _date = new(2023, 6, 30);
    private Population _population = null!;
    private Policy _policy = null!;
    private Policy _assistance = null!;
    private SimulationContext _standardContext = null!;
    private SimulationContext _assistanceContext = null!;
    private double[][] _standardOutputs = null!;
    private double[][] _assistanceOutputs = null!;
    private double[] _wages = null!, _assets = null!;
    private int[] _start = null!;

    /// <summary>Builds the population once and prepares both packages.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = RegionCodes.Zhejiang, Persons = Persons });
        _policy = Policies.Standard();
        _assistance = AssistancePolicies.Extended();
        _standardContext = new SimulationContext(_population, _policy);
        _assistanceContext = new SimulationContext(_population, _assistance);
        _standardOutputs = Outputs(_policy);
        _assistanceOutputs = Outputs(_assistance);
        _wages = _population.WagesAnnual.ToArray();
        _assets = _population.FinancialAssets.ToArray();
        _start = _population.MemberStart.ToArray();
    }

    /// <summary>Floor of the standard package: each output column written once from an input column.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Persons)]
    [BenchmarkCategory("standard package")]
    public void Floor_Standard() => Copy(_standardOutputs);

    /// <summary>The standard package, public one-shot run and annual spending, all cores.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    [BenchmarkCategory("standard package")]
    public double StandardPackage_AllCores()
        => Microsimulation.Run(_population, _policy, ParameterStore.Default, _date).PublicSpendingAnnual;

    /// <summary>The standard package, a run of the prepared context.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    [BenchmarkCategory("standard package")]
    public int StandardPackage_Context()
    {
        using var result = _standardContext.Run(ParameterStore.Default, _date);
        return result.Values(Programs.Tax.IncomeTaxProgram.Total.Name).Length;
    }

    /// <summary>Floor of the assistance package.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Persons)]
    [BenchmarkCategory("assistance package")]
    public void Floor_Assistance() => Copy(_assistanceOutputs);

    /// <summary>The assistance package, a run of the prepared context.</summary>
    [Benchmark(OperationsPerInvoke = Persons)]
    [BenchmarkCategory("assistance package")]
    public int AssistancePackage_Context()
    {
        using var result = _assistanceContext.Run(ParameterStore.Default, _date);
        return result.Values(Programs.Assistance.DibaoProgram.Benefit.Name).Length;
    }

    private double[][] Outputs(Policy policy)
        => [.. policy.Outputs.Select(o => new double[o.Entity == Entity.Person ? _population.PersonCount : _population.HouseholdCount])];

    private void Copy(double[][] outputs)
    {
        var wages = _wages;
        var assets = _assets;
        var start = _start;
        int households = _population.HouseholdCount;
        Parallel.For(0, (households + Block - 1) / Block, b =>
        {
            int first = b * Block, end = Math.Min(households, first + Block);
            foreach (var output in outputs)
            {
                if (output.Length == households)
                {
                    assets.AsSpan(first, end - first).CopyTo(output.AsSpan(first, end - first));
                }
                else
                {
                    wages.AsSpan(start[first], start[end] - start[first]).CopyTo(output.AsSpan(start[first], start[end] - start[first]));
                }
            }
        });
    }
}
