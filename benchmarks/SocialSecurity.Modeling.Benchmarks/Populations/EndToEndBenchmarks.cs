using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SocialSecurity.Modeling.Benchmarks.Support;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// End to end as the peers are measured (issue 15's table): a population of 1 M or 10 M households (about 3 or 30 M
/// persons) built from arrays the caller holds with <see cref="ColumnarPopulationBuilder"/>, then dibao computed on it
/// through the public <see cref="Microsimulation.Run"/> (result disposed). <see cref="CopyFloor"/> is the floor in the
/// same run: one copy of every byte the columns hold into arrays allocated beforehand. Memory: BenchmarkDotNet's
/// allocated bytes per operation, and the benchmark process's peak resident set (the caller's arrays included) in MiB
/// and over the population's resident size (<see cref="Population.ResidentBytes"/>). Targets at 1 M households:
/// build ≤ 45 ms, end to end ≤ 60 ms, peak ≤ 300 MiB; at 10 M: end to end ≤ 0.6 s, peak ≤ resident + 20 % (plus the
/// caller's arrays). Size: 10,000 households under <c>--job dry</c>:
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*EndToEnd*'</c>.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class EndToEndBenchmarks
{
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];
    private readonly DateOnly _date = new(2023, 6, 30);
    private readonly Policy _policy = Policy.Create(new DibaoProgram());
    private Array[] _sources = [];
    private Array[] _targets = [];
    private long _resident;

    /// <summary>Households built.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    /// <summary>1 M and 10 M households, or 10,000 in a dry run (<see cref="Program.DryRunVariable"/>).</summary>
    public static IEnumerable<int> Sizes => Environment.GetEnvironmentVariable(Program.DryRunVariable) == "1" ? [10_000] : [1_000_000, 10_000_000];

    /// <summary>
    /// The caller's columns: household id, weight, region, area, financial assets, homes; person id, household id, age,
    /// sex, hukou, wages, reported pension (households of 1–5 persons, ids 1, 2, 3, …). Only the floor gets a second
    /// set of arrays to copy into: the builds' processes hold the caller's arrays and what the library adds, as a
    /// peer's process would.
    /// </summary>
    [GlobalSetup(Targets = [nameof(Build), nameof(BuildAndDibao)])]
    public void Setup()
    {
        Generate();
        _resident = Build().ResidentBytes;
        GC.Collect(); // the setup's own garbage (the sizes drawn, the population built to measure) is not the run's
    }

    /// <summary>The caller's columns and, for the floor alone, arrays of the same sizes to copy them into.</summary>
    [GlobalSetup(Target = nameof(CopyFloor))]
    public void SetupFloor()
    {
        Setup();
        _targets = Array.ConvertAll(_sources, s => Array.CreateInstance(s.GetType().GetElementType()!, s.Length));
    }

    private void Generate()
    {
        var random = new Random(1);
        var placeIds = Array.ConvertAll(Places, RegionCatalog.Default.GetId);
        var sizes = new byte[Households];
        long persons = 0;
        for (int h = 0; h < sizes.Length; h++)
        {
            sizes[h] = (byte)(1 + random.Next(5));
            persons += sizes[h];
        }

        var (householdIds, weights, regions, areas, assets, homes) = (new long[Households], new double[Households], new RegionId[Households], new byte[Households], new double[Households], new byte[Households]);
        var (personIds, personHouseholdIds, ages, sexes, hukou, wages, pensions) = (new long[persons], new long[persons], new byte[persons], new byte[persons], new byte[persons], new double[persons], new double[persons]);
        int p = 0;
        for (int h = 0; h < Households; h++)
        {
            (householdIds[h], weights[h], regions[h], areas[h], assets[h], homes[h]) = (h + 1, 100 + random.Next(100), placeIds[random.Next(Places.Length)], (byte)random.Next(2), random.Next(50_000), (byte)random.Next(2));
            for (int m = 0; m < sizes[h]; m++, p++)
            {
                (personIds[p], personHouseholdIds[p], ages[p], sexes[p], hukou[p]) = (p + 1, h + 1, (byte)random.Next(90), (byte)random.Next(2), (byte)random.Next(2));
                wages[p] = random.Next(3) == 0 ? 0 : Math.Exp(8 + (2.5 * random.NextDouble()));
                pensions[p] = random.Next(6) == 0 ? random.Next(30_000) : 0;
            }
        }

        _sources = [householdIds, weights, regions, areas, assets, homes, personIds, personHouseholdIds, ages, sexes, hukou, wages, pensions];
    }

    /// <summary>Records the process's peak resident set for the summary (each case runs in a process of its own).</summary>
    [GlobalCleanup(Target = nameof(CopyFloor))]
    public void CleanupFloor() => PeakMemory.Record(nameof(CopyFloor), Households, _resident);

    /// <summary>Records the process's peak resident set for the summary.</summary>
    [GlobalCleanup(Target = nameof(Build))]
    public void CleanupBuild() => PeakMemory.Record(nameof(Build), Households, _resident);

    /// <summary>Records the process's peak resident set for the summary.</summary>
    [GlobalCleanup(Target = nameof(BuildAndDibao))]
    public void CleanupEndToEnd() => PeakMemory.Record(nameof(BuildAndDibao), Households, _resident);

    /// <summary>The floor: every byte of the 13 columns copied once into arrays allocated in setup (its peak memory holds both sets).</summary>
    [Benchmark(Baseline = true)]
    public int CopyFloor()
    {
        for (int i = 0; i < _sources.Length; i++)
        {
            Array.Copy(_sources[i], _targets[i], _sources[i].Length);
        }

        return _targets.Length;
    }

    /// <summary>The build: the 13 arrays checked and adopted.</summary>
    [Benchmark]
    public Population Build() => new ColumnarPopulationBuilder()
        .Set(PopulationSchema.HouseholdId, (long[])_sources[0]).Set(PopulationSchema.Weight, (double[])_sources[1]).SetRegions(PopulationSchema.Region, (RegionId[])_sources[2])
        .Set(PopulationSchema.Area, (byte[])_sources[3]).Set(PopulationSchema.FinancialAssets, (double[])_sources[4]).Set(PopulationSchema.HousingUnits, (byte[])_sources[5])
        .Set(PopulationSchema.PersonId, (long[])_sources[6]).Set(PopulationSchema.PersonHouseholdId, (long[])_sources[7]).Set(PopulationSchema.Age, (byte[])_sources[8])
        .Set(PopulationSchema.Sex, (byte[])_sources[9]).Set(PopulationSchema.Hukou, (byte[])_sources[10]).Set(PopulationSchema.Wages, (double[])_sources[11]).Set(PopulationSchema.ReportedPension, (double[])_sources[12])
        .Build();

    /// <summary>End to end: the build, then dibao through the public one-shot run (result disposed).</summary>
    [Benchmark]
    public int BuildAndDibao()
    {
        var population = Build();
        using var result = Microsimulation.Run(population, _policy, ParameterStore.Default, _date);
        return result.Values(DibaoProgram.Benefit.Name).Length;
    }

    /// <summary>Adds the memory columns.</summary>
    private sealed class Columns : ManualConfig
    {
        public Columns()
        {
            AddColumn(new PeakMemoryColumn(ratio: false, nameof(Households)));
            AddColumn(new PeakMemoryColumn(ratio: true, nameof(Households)));
        }
    }
}
