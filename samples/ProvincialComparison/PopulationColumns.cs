using SocialSecurity.Modeling.Population;

namespace ProvincialComparison;

/// <summary>
/// Copies a population with extra person columns added. The library's populations are immutable and have no public
/// "with column" method, so the copy goes through <see cref="PopulationBuilder"/> (validated again, same ids and order).
/// </summary>
internal static class PopulationColumns
{
    public static Population WithPersonColumns(Population source, IReadOnlyDictionary<string, double[]> columns)
    {
        var regions = source.Regions;
        var builder = new PopulationBuilder(regions, source.PersonCount, source.HouseholdCount);
        var start = source.MemberStart;
        for (int h = 0; h < source.HouseholdCount; h++)
        {
            builder.AddHousehold(new HouseholdRecord
            {
                Id = source.HouseholdId[h],
                Weight = source.Weight[h],
                RegionCode = regions[source.HouseholdRegion[h]].Code,
                Area = source.Area[h],
                FinancialAssets = source.FinancialAssets[h],
                HousingUnits = source.HousingUnits[h],
                HasNonEssentialVehicle = source.NonEssentialVehicle[h] != 0,
            });
            for (int p = start[h]; p < start[h + 1]; p++)
            {
                builder.AddPerson(new PersonRecord
                {
                    Id = source.PersonId[p],
                    HouseholdId = source.HouseholdId[h],
                    Age = source.Age[p],
                    Sex = source.Sex[p],
                    Hukou = source.Hukou[p],
                    HukouRegionCode = regions[source.HukouRegion[p]].Code,
                    Disability = source.Disability[p],
                    SelfCare = source.SelfCare[p],
                    Employment = source.Employment[p],
                    WagesAnnual = source.WagesAnnual[p],
                    BusinessIncomeAnnual = source.BusinessIncomeAnnual[p],
                    PropertyIncomeAnnual = source.PropertyIncomeAnnual[p],
                    PrivateTransfersAnnual = source.PrivateTransfersAnnual[p],
                    PensionIncomeAnnual = source.PensionIncomeAnnual[p],
                });
            }
        }

        foreach (var name in source.ExtraPersonColumns)
        {
            builder.AddPersonColumn(name, source.ExtraPersonColumn(name).ToArray());
        }

        foreach (var name in source.ExtraHouseholdColumns)
        {
            builder.AddHouseholdColumn(name, source.ExtraHouseholdColumn(name).ToArray());
        }

        foreach (var (name, values) in columns)
        {
            builder.AddPersonColumn(name, values);
        }

        return builder.Build();
    }
}
