using CsCheck;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Support;

/// <summary>Small random populations for property tests: seeded ones, and CsCheck generators that shrink.</summary>
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

    /// <summary>
    /// A person of any age, sex and hukou: a third without wages, the rest with e^8 … e^10.5 a year; some business
    /// income (possibly a loss) and pensions; about one in eight with a disability and one in six needing care.
    /// </summary>
    public static readonly Gen<PersonRecord> Person =
        Gen.Select(Gen.Int[0, 89], Gen.Bool, Gen.Bool, Gen.Int[0, 2], Gen.Double[8, 10.5], Gen.Int[0, 7], Gen.Int[-2_000, 20_000],
            Gen.Int[0, 5], Gen.Int[0, 30_000], Gen.Int[0, 7], Gen.Int[1, 4], Gen.Int[0, 5], Gen.Int[1, 2],
            (age, male, rural, noWage, logWage, hasBusiness, business, hasPension, pension, disabled, grade, needsCare, care) => new PersonRecord
            {
                Age = age,
                Sex = male ? Sex.Male : Sex.Female,
                Hukou = rural ? HukouType.Rural : HukouType.Urban,
                WagesAnnual = noWage == 0 ? 0 : Math.Exp(logWage),
                BusinessIncomeAnnual = hasBusiness == 0 ? business : 0,
                PensionIncomeAnnual = hasPension == 0 ? pension : 0,
                Disability = disabled == 0 ? (DisabilityGrade)grade : DisabilityGrade.None,
                SelfCare = needsCare == 0 ? (SelfCareAbility)care : SelfCareAbility.Able,
            });

    /// <summary>A household in one of <see cref="Places"/> with 1 to 5 members (ids are given by <see cref="Households"/>).</summary>
    public static readonly Gen<(HouseholdRecord Household, PersonRecord[] Members)> Household =
        Gen.Select(Gen.Int[1, 500], Gen.Int[0, Places.Length - 1], Gen.Bool, Gen.Int[0, 3], Gen.Int[0, 200_000], Gen.Int[0, 2], Gen.Int[0, 9], Person.Array[1, 5],
            (weight, place, rural, richAssets, assets, homes, vehicle, members) => (new HouseholdRecord
            {
                Weight = weight,
                RegionCode = Places[place],
                Area = rural ? AreaType.Rural : AreaType.Urban,
                FinancialAssets = richAssets == 0 ? assets : assets / 10,
                HousingUnits = (byte)homes,
                HasNonEssentialVehicle = vehicle == 0,
            }, members));

    /// <summary>Populations of <paramref name="min"/> to <paramref name="max"/> households, numbered from 1.</summary>
    public static Gen<(HouseholdRecord[] Households, PersonRecord[] Persons)> Households(int min, int max) =>
        Household.Array[min, max].Select(rows =>
        {
            var households = new HouseholdRecord[rows.Length];
            var persons = new List<PersonRecord>();
            for (int h = 0; h < rows.Length; h++)
            {
                households[h] = rows[h].Household with { Id = h + 1 };
                foreach (var member in rows[h].Members)
                {
                    persons.Add(member with { Id = persons.Count + 1, HouseholdId = h + 1 });
                }
            }

            return (households, persons.ToArray());
        });

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
