using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Benchmarks.Support;

/// <summary>Deterministic random populations of a given size for throughput benchmarks (independent of the synthetic generator's calibration).</summary>
public static class BenchmarkPopulations
{
    private static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];

    /// <summary>Builds a population of about <paramref name="persons"/> persons (households of 1–5).</summary>
    public static global::SocialSecurity.Modeling.Core.Population Create(int persons, int seed = 1)
    {
        var random = new Random(seed);
        var builder = new PopulationBuilder(expectedPersons: persons + 5, expectedHouseholds: (persons / 3) + 1);
        long personId = 1;
        long householdId = 1;
        while (personId <= persons)
        {
            builder.AddHousehold(new HouseholdRecord
            {
                Id = householdId,
                Weight = 100 + random.Next(100),
                RegionCode = Places[random.Next(Places.Length)],
                Area = (AreaType)random.Next(2),
                FinancialAssets = random.Next(50_000),
                HousingUnits = (byte)random.Next(2),
            });
            int size = 1 + random.Next(5);
            for (int m = 0; m < size && personId <= persons; m++)
            {
                builder.AddPerson(new PersonRecord
                {
                    Id = personId++,
                    HouseholdId = householdId,
                    Age = random.Next(90),
                    WagesAnnual = random.Next(3) == 0 ? 0 : Math.Exp(8 + (2.5 * random.NextDouble())),
                    PensionIncomeAnnual = random.Next(6) == 0 ? random.Next(30_000) : 0,
                });
            }

            householdId++;
        }

        return builder.Build();
    }
}
