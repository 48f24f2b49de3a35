using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Generation of a calibrated province (docs/baseline.md): households, incomes, then net-to-gross and weight
/// calibration after simulating the baseline package (<c>Policies.StandardWithPensions</c>: the standard package with targeting and both pensions simulated from the contribution histories), until the simulated disposable income meets the
/// targets. Target: 1 M persons in under 2 s.
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*SyntheticBaseline*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class SyntheticBaselineBenchmarks
{
    private static readonly DateOnly Date = new(2023, 7, 1);

    /// <summary>Sample persons generated per operation.</summary>
    [Params(1_000_000)]
    public int Persons { get; set; }

    /// <summary>The region generated.</summary>
    [Params(RegionCodes.Zhejiang)]
    public string Region { get; set; } = RegionCodes.Zhejiang;

    /// <summary>Generates and calibrates one province.</summary>
    [Benchmark]
    public int GenerateCalibrated()
        => SyntheticBaseline.Generate(new SyntheticPopulationOptions { RegionCode = Region, Persons = Persons, Year = 2023 }, Policies.StandardWithPensions(), ParameterStore.Default, Date).Simulations;

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new PersonsPerSecondColumn("Sample persons generated and calibrated per second (Persons / mean time)"));
        }
    }
}
