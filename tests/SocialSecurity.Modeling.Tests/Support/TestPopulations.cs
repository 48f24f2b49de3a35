using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Support;

/// <summary>Small seeded random populations for property tests.</summary>
internal static class TestPopulations
{
    public static readonly string[] Places = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Yunhe, RegionCodes.Nanjing, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Xinjiang, RegionCodes.Hohhot, RegionCodes.Baotou];

    public static (HouseholdRecord[] Households, PersonRecord[] Persons) Random(int households, int seed)
    {
        var random = new System.Random(seed);
        var hh = new List<HouseholdRecord>();
        var persons = new List<PersonRecord>();
        long personId = 1;
        for (int h = 0; h < households; h++)
        {
            hh.Add(new HouseholdRecord
            {
                Id = h + 1,
                Weight = 1 + random.Next(500),
                RegionCode = Places[random.Next(Places.Length)],
                Area = random.Next(2) == 0 ? AreaType.Urban : AreaType.Rural,
                FinancialAssets = random.Next(4) == 0 ? random.Next(200_000) : random.Next(20_000),
                HousingUnits = (byte)random.Next(3),
                HasNonEssentialVehicle = random.Next(10) == 0,
            });
            int size = 1 + random.Next(5);
            for (int m = 0; m < size; m++)
            {
                double wage = random.Next(3) == 0 ? 0 : Math.Exp(8 + (2.5 * random.NextDouble()));
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

        return (hh.ToArray(), persons.ToArray());
    }

    public static global::SocialSecurity.Modeling.Core.Population Build(IEnumerable<HouseholdRecord> households, IEnumerable<PersonRecord> persons)
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
