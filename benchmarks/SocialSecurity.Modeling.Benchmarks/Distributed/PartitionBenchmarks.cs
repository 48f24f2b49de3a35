using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Distributed;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Benchmarks.Distributed;

/// <summary>
/// What a partitioned run costs (docs/distributed.md#paper-scale): one partition's work on a silo (read the Parquet
/// files, run the baseline and one reform with the standard package, reduce to exact sums and sorted runs), and the
/// client's merge of eight partitions' aggregates (exact sums, k-way merge, Gini, median, poverty, deciles).
/// </summary>
[Config(typeof(PersonsPerSecondConfig))]
[MemoryDiagnoser]
public class PartitionBenchmarks
{
    private string _folder = "";
    private PartitionSource _source = null!;
    private PartitionedJob _job = null!;
    private PartitionAggregate[] _eight = [];

    /// <summary>Persons in one partition: 200,000, or 20,000 in a dry run.</summary>
    public static IEnumerable<int> Sizes => Environment.GetEnvironmentVariable(Program.DryRunVariable) == "1" ? [20_000] : [200_000];

    /// <summary>Persons in one partition.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Persons { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _folder = Directory.CreateTempSubdirectory("ssm-partition-bench-").FullName;
        var population = BenchmarkPopulations.Create(Persons);
        string households = Path.Combine(_folder, "households.parquet");
        string persons = Path.Combine(_folder, "persons.parquet");
        PopulationParquet.Write(population, households, persons);
        _source = PartitionSource.Files("p0", households, persons);
        var reform = Reforms.Reform.Create("dibao +10%").Scale("dibao.standard.urban", RegionCodes.Zhejiang, new DateOnly(2024, 1, 1), 1.1);
        _job = new PartitionedJob { Policy = "Policies.Standard", Date = new DateOnly(2024, 7, 1), Reforms = [reform.ToJson()] };

        // Eight partitions' aggregates for the merge: the same partition under eight names in eight id spaces is
        // not allowed (duplicate households), so each copy gets its own household ids.
        var one = PartitionWorker.Run(_source, _job);
        _eight = [.. Enumerable.Range(0, 8).Select(k => new PartitionAggregate
        {
            PartitionId = $"p{k}",
            RegionCatalogFingerprint = one.RegionCatalogFingerprint,
            ParametersFingerprint = one.ParametersFingerprint,
            IdSpace = one.IdSpace,
            HouseholdIds = [.. one.HouseholdIds.Select(id => id + (k * 100_000_000L))],
            Persons = one.Persons,
            Scenarios = one.Scenarios,
        })];
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    /// <summary>One partition on one silo: read, baseline + one reform, aggregates.</summary>
    [Benchmark]
    public int RunPartition() => PartitionWorker.Run(_source, _job).Persons;

    /// <summary>The client's merge of eight such partitions (divide by 8 for the cost per partition).</summary>
    [Benchmark]
    public double MergeEightPartitions() => PartitionedResult.Merge(_job, _eight, 8).Scenarios[0].Gini;

    private sealed class PersonsPerSecondConfig : ManualConfig
    {
        public PersonsPerSecondConfig() => AddColumn(new PersonsPerSecondColumn("Persons of one partition per second (Persons / Mean); for the merge, of one of the eight partitions ×8"));
    }
}
