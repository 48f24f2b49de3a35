using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Distributed.Tests.Support;

/// <summary>
/// A random population in four provinces, built once whole (the single-process reference) and once per partition
/// from the same records, each partition written to Parquet files that every (in-process) silo reads.
/// </summary>
public sealed class PartitionedPopulation : IDisposable
{
    private readonly bool _employeePension;
    private readonly Dictionary<long, double[]> _pension = [];
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Yunhe, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Xinjiang, RegionCodes.Hohhot, RegionCodes.Baotou];

    /// <param name="households">Households.</param>
    /// <param name="partitions">Partitions.</param>
    /// <param name="seed">The seed of the records.</param>
    /// <param name="byPlace">Partition by place (every household of one place in one partition) instead of cutting across places.</param>
    /// <param name="employeePension">Give wage earners labour contracts and every person the employee-pension columns (contribution years, index, account balance, retirement age).</param>
    public PartitionedPopulation(int households, int partitions, int seed, bool byPlace = false, bool employeePension = false)
    {
        _employeePension = employeePension;
        Folder = Directory.CreateTempSubdirectory("ssm-partitions-").FullName;
        var random = new Random(seed);
        var hh = new List<HouseholdRecord>();
        var persons = new List<PersonRecord>();
        long personId = 1;
        for (int h = 0; h < households; h++)
        {
            // Weights with repeats, and incomes with ties, so that the merge meets equal values and equal weights.
            hh.Add(new HouseholdRecord
            {
                Id = h + 1,
                Weight = 1 + random.Next(300),
                RegionCode = Places[random.Next(Places.Length)],
                Area = random.Next(2) == 0 ? AreaType.Urban : AreaType.Rural,
                FinancialAssets = random.Next(4) == 0 ? random.Next(200_000) : random.Next(20_000),
                HousingUnits = (byte)random.Next(3),
                HasNonEssentialVehicle = random.Next(10) == 0,
            });
            int size = 1 + random.Next(5);
            for (int m = 0; m < size; m++)
            {
                double wage = random.Next(3) == 0 ? 0 : random.Next(5) == 0 ? 36_000 : Math.Exp(8 + (2.5 * random.NextDouble()));
                if (employeePension)
                {
                    _pension[personId] = [random.Next(0, 40), 0.6 + (random.NextDouble() * 2), random.NextDouble() * 300_000, random.NextDouble() < 0.8 ? 0 : random.Next(50, 66)];
                }

                persons.Add(new PersonRecord
                {
                    Id = personId++,
                    Employment = employeePension && wage > 0 ? EmploymentStatus.Employee : EmploymentStatus.Inactive,
                    Contract = employeePension && wage > 0 ? WorkContract.LabourContract : WorkContract.None,
                    HouseholdId = h + 1,
                    Age = random.Next(90),
                    Sex = (Sex)random.Next(2),
                    Hukou = (HukouType)random.Next(2),
                    WagesAnnual = wage,
                    BusinessIncomeAnnual = random.Next(8) == 0 ? random.Next(-2_000, 20_000) : 0,
                    PensionIncomeAnnual = random.Next(6) == 0 ? random.Next(30_000) : 0,
                });
            }
        }

        Whole = Build(hh, persons);
        var sources = new List<PartitionSource>();
        for (int k = 0; k < partitions; k++)
        {
            // Partitions of unequal size, cut across provinces: household h goes to partition (h * 7 + h / 3) mod k.
            var mine = byPlace
                ? hh.Where(x => Array.IndexOf(Places, x.RegionCode) % partitions == k).ToList()
                : hh.Where(x => (int)(((x.Id * 7) + (x.Id / 3)) % partitions) == k).ToList();
            var ids = mine.Select(x => x.Id).ToHashSet();
            var part = Build(mine, persons.Where(p => ids.Contains(p.HouseholdId)));
            string households_ = Path.Combine(Folder, $"p{k}-households.parquet");
            string persons_ = Path.Combine(Folder, $"p{k}-persons.parquet");
            PopulationParquet.Write(part, households_, persons_);
            sources.Add(PartitionSource.Files($"p{k}", households_, persons_));
        }

        Partitions = sources;
    }

    public string Folder { get; }

    public Population Whole { get; }

    public IReadOnlyList<PartitionSource> Partitions { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Population Build(IEnumerable<HouseholdRecord> households, IEnumerable<PersonRecord> persons)
    {
        var list = persons.ToList();
        var builder = new PopulationBuilder();
        foreach (var h in households)
        {
            builder.AddHousehold(h);
        }

        foreach (var p in list)
        {
            builder.AddPerson(p);
        }

        if (_employeePension)
        {
            var definitions = new[] { EmployeePensionNames.ColumnDefinitions.ContributionYears, EmployeePensionNames.ColumnDefinitions.ContributionIndex, EmployeePensionNames.ColumnDefinitions.AccountBalance, EmployeePensionNames.ColumnDefinitions.RetirementAge };
            for (int c = 0; c < definitions.Length; c++)
            {
                builder.AddColumn(definitions[c], [.. list.Select(p => _pension[p.Id][c])]);
            }
        }

        return builder.Build();
    }
}
