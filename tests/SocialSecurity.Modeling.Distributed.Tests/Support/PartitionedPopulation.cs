using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.IO;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Distributed.Tests.Support;

/// <summary>
/// A random population in four provinces, built once whole (the single-process reference) and once per partition
/// from the same records, each partition written to Parquet files that every (in-process) silo reads.
/// </summary>
public sealed class PartitionedPopulation : IDisposable
{
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Yunhe, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Xinjiang, RegionCodes.Hohhot, RegionCodes.Baotou];

    public PartitionedPopulation(int households, int partitions, int seed)
    {
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
                persons.Add(new PersonRecord
                {
                    Id = personId++,
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
            var mine = hh.Where(x => (int)(((x.Id * 7) + (x.Id / 3)) % partitions) == k).ToList();
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

    private static Population Build(IEnumerable<HouseholdRecord> households, IEnumerable<PersonRecord> persons)
    {
        var builder = new PopulationBuilder();
        foreach (var h in households)
        {
            builder.AddHousehold(h);
        }

        foreach (var p in persons)
        {
            builder.AddPerson(p);
        }

        return builder.Build();
    }
}
