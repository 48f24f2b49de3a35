using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

using SocialSecurity.Modeling.Benchmarks.Support;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Generation throughput of the built-in synthetic populations (persons per second) and their memory footprint
/// (<c>Population.ResidentBytes / PersonCount</c>):
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*SyntheticPopulation*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class SyntheticPopulationBenchmarks
{
    /// <summary>Sample persons generated per operation.</summary>
    [Params(1_000_000)]
    public int Persons { get; set; }

    /// <summary>The region generated.</summary>
    [Params(RegionCodes.Zhejiang, RegionCodes.China)]
    public string Region { get; set; } = RegionCodes.Zhejiang;

    /// <summary>Generates one population.</summary>
    [Benchmark]
    public int Generate()
        => SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = Region, Persons = Persons }).HouseholdCount;

    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new PersonsPerSecondColumn("Sample persons generated per second (Persons / mean time)"), new BytesPerPersonColumn());
        }
    }

    private sealed class BytesPerPersonColumn : IColumn
    {
        public string Id => nameof(BytesPerPersonColumn);

        public string ColumnName => "Bytes/person";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Population.ResidentBytes / PersonCount of the generated population (measured on 100,000 persons)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var region = (string)benchmarkCase.Parameters["Region"];
            var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = region, Persons = 100_000 });
            return ((double)population.ResidentBytes / population.PersonCount).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
