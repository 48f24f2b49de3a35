using BenchmarkDotNet.Attributes;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Benchmarks.Populations;

/// <summary>
/// Building 1 M households (about 3 M persons) from arrays the caller holds, as a data frame or a Parquet reader
/// would hand them over: <see cref="ColumnarBuild"/> (the columnar builder: arrays adopted, checked a vector at a
/// time, ids sorted and dense), <see cref="RecordBuild"/> (the same rows through <see cref="PopulationBuilder"/>,
/// one record per household and person), and the floor in the same run, <see cref="CopyFloor"/>: one copy of every
/// byte the columns hold into arrays allocated beforehand, which no build can beat (the build reads them all once
/// to check them). The ratio column is each build's time over the floor's. Columns given: household id, weight,
/// region, area, financial assets, homes; person id, household id, age, sex, hukou, wages, reported pension
/// (13 columns, 29 bytes per household and 37 per person). Size: 1 M households in a real run, 10,000 under
/// <c>--job dry</c>:
/// <c>dotnet run -c Release --project benchmarks/SocialSecurity.Modeling.Benchmarks -- --filter '*ColumnarBuild*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ColumnarBuildBenchmarks
{
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];

    private long[] _householdIds = [];
    private double[] _weights = [];
    private RegionId[] _regions = [];
    private byte[] _areas = [];
    private double[] _assets = [];
    private byte[] _homes = [];
    private long[] _personIds = [];
    private long[] _personHouseholdIds = [];
    private byte[] _ages = [];
    private byte[] _sexes = [];
    private byte[] _hukou = [];
    private double[] _wages = [];
    private double[] _pensions = [];
    private HouseholdRecord[] _householdRecords = [];
    private PersonRecord[] _personRecords = [];
    private Array[] _sources = [];
    private Array[] _targets = [];

    /// <summary>Households built.</summary>
    [ParamsSource(nameof(Sizes))]
    public int Households { get; set; }

    /// <summary>1 M households, or 10,000 in a dry run (<see cref="Program.DryRunVariable"/>).</summary>
    public static IEnumerable<int> Sizes => Environment.GetEnvironmentVariable(Program.DryRunVariable) == "1" ? [10_000] : [1_000_000];

    /// <summary>Generates the columns (households of 1–5 persons, ids 1, 2, 3, …) and the same rows as records.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var placeIds = Array.ConvertAll(Places, RegionCatalog.Default.GetId);
        var sizes = new int[Households];
        for (int h = 0; h < sizes.Length; h++)
        {
            sizes[h] = 1 + random.Next(5);
        }

        int persons = sizes.Sum();
        (_householdIds, _weights, _regions, _areas, _assets, _homes) = (new long[Households], new double[Households], new RegionId[Households], new byte[Households], new double[Households], new byte[Households]);
        (_personIds, _personHouseholdIds, _ages, _sexes, _hukou, _wages, _pensions) = (new long[persons], new long[persons], new byte[persons], new byte[persons], new byte[persons], new double[persons], new double[persons]);
        _householdRecords = new HouseholdRecord[Households];
        _personRecords = new PersonRecord[persons];
        int p = 0;
        for (int h = 0; h < Households; h++)
        {
            int place = random.Next(Places.Length);
            (_householdIds[h], _weights[h], _regions[h], _areas[h], _assets[h], _homes[h]) = (h + 1, 100 + random.Next(100), placeIds[place], (byte)random.Next(2), random.Next(50_000), (byte)random.Next(2));
            _householdRecords[h] = new HouseholdRecord { Id = _householdIds[h], Weight = _weights[h], RegionCode = Places[place], Area = (AreaType)_areas[h], FinancialAssets = _assets[h], HousingUnits = _homes[h] };
            for (int m = 0; m < sizes[h]; m++, p++)
            {
                (_personIds[p], _personHouseholdIds[p], _ages[p], _sexes[p], _hukou[p]) = (p + 1, h + 1, (byte)random.Next(90), (byte)random.Next(2), (byte)random.Next(2));
                _wages[p] = random.Next(3) == 0 ? 0 : Math.Exp(8 + (2.5 * random.NextDouble()));
                _pensions[p] = random.Next(6) == 0 ? random.Next(30_000) : 0;
                _personRecords[p] = new PersonRecord { Id = _personIds[p], HouseholdId = _personHouseholdIds[p], Age = _ages[p], Sex = (Sex)_sexes[p], Hukou = (HukouType)_hukou[p], WagesAnnual = _wages[p], PensionIncomeAnnual = _pensions[p] };
            }
        }

        _sources = [_householdIds, _weights, _regions, _areas, _assets, _homes, _personIds, _personHouseholdIds, _ages, _sexes, _hukou, _wages, _pensions];
        _targets = Array.ConvertAll(_sources, s => Array.CreateInstance(s.GetType().GetElementType()!, s.Length));
        if (ColumnarBuild().PersonCount != RecordBuild().PersonCount)
        {
            throw new InvalidOperationException("The two builds disagree.");
        }
    }

    /// <summary>The floor: every byte of the 13 columns copied once into arrays allocated in setup.</summary>
    [Benchmark(Baseline = true)]
    public int CopyFloor()
    {
        for (int i = 0; i < _sources.Length; i++)
        {
            Array.Copy(_sources[i], _targets[i], _sources[i].Length);
        }

        return _targets.Length;
    }

    /// <summary>The columnar build: the 13 arrays checked and adopted (region handles and the person's household index computed).</summary>
    [Benchmark]
    public Population ColumnarBuild() => new ColumnarPopulationBuilder()
        .Set(PopulationSchema.HouseholdId, _householdIds).Set(PopulationSchema.Weight, _weights).SetRegions(PopulationSchema.Region, _regions)
        .Set(PopulationSchema.Area, _areas).Set(PopulationSchema.FinancialAssets, _assets).Set(PopulationSchema.HousingUnits, _homes)
        .Set(PopulationSchema.PersonId, _personIds).Set(PopulationSchema.PersonHouseholdId, _personHouseholdIds).Set(PopulationSchema.Age, _ages)
        .Set(PopulationSchema.Sex, _sexes).Set(PopulationSchema.Hukou, _hukou).Set(PopulationSchema.Wages, _wages).Set(PopulationSchema.ReportedPension, _pensions)
        .Build();

    /// <summary>The record build: the same rows added one record at a time to <see cref="PopulationBuilder"/>, then built.</summary>
    [Benchmark]
    public Population RecordBuild()
    {
        var builder = new PopulationBuilder(expectedPersons: _personRecords.Length, expectedHouseholds: _householdRecords.Length);
        foreach (ref readonly var household in _householdRecords.AsSpan())
        {
            builder.AddHousehold(in household);
        }

        foreach (ref readonly var person in _personRecords.AsSpan())
        {
            builder.AddPerson(in person);
        }

        return builder.Build();
    }
}
