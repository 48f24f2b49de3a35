using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>Column-by-column equality of two populations (doubles compared bit for bit).</summary>
internal static class PopulationAssert
{
    public static void Identical(SocialSecurity.Modeling.Core.Population actual, SocialSecurity.Modeling.Core.Population expected)
    {
        actual.HouseholdCount.Should().Be(expected.HouseholdCount);
        actual.PersonCount.Should().Be(expected.PersonCount);
        actual.HouseholdId.ToArray().Should().Equal(expected.HouseholdId.ToArray());
        Bits(actual.Weight).Should().Equal(Bits(expected.Weight));
        Codes(actual, actual.HouseholdRegion).Should().Equal(Codes(expected, expected.HouseholdRegion));
        actual.Area.ToArray().Should().Equal(expected.Area.ToArray());
        Bits(actual.FinancialAssets).Should().Equal(Bits(expected.FinancialAssets));
        actual.HousingUnits.ToArray().Should().Equal(expected.HousingUnits.ToArray());
        actual.NonEssentialVehicle.ToArray().Should().Equal(expected.NonEssentialVehicle.ToArray());
        actual.MemberStart.ToArray().Should().Equal(expected.MemberStart.ToArray());
        actual.PersonId.ToArray().Should().Equal(expected.PersonId.ToArray());
        actual.PersonHousehold.ToArray().Should().Equal(expected.PersonHousehold.ToArray());
        actual.Age.ToArray().Should().Equal(expected.Age.ToArray());
        actual.Sex.ToArray().Should().Equal(expected.Sex.ToArray());
        actual.Hukou.ToArray().Should().Equal(expected.Hukou.ToArray());
        Codes(actual, actual.HukouRegion).Should().Equal(Codes(expected, expected.HukouRegion));
        actual.Disability.ToArray().Should().Equal(expected.Disability.ToArray());
        actual.SelfCare.ToArray().Should().Equal(expected.SelfCare.ToArray());
        actual.Employment.ToArray().Should().Equal(expected.Employment.ToArray());
        Bits(actual.WagesAnnual).Should().Equal(Bits(expected.WagesAnnual));
        Bits(actual.BusinessIncomeAnnual).Should().Equal(Bits(expected.BusinessIncomeAnnual));
        Bits(actual.PropertyIncomeAnnual).Should().Equal(Bits(expected.PropertyIncomeAnnual));
        Bits(actual.PrivateTransfersAnnual).Should().Equal(Bits(expected.PrivateTransfersAnnual));
        Bits(actual.PensionIncomeAnnual).Should().Equal(Bits(expected.PensionIncomeAnnual));
        actual.ExtraPersonColumns.Should().BeEquivalentTo(expected.ExtraPersonColumns);
        foreach (var name in expected.ExtraPersonColumns)
        {
            Bits(actual.ExtraPersonColumn(name)).Should().Equal(Bits(expected.ExtraPersonColumn(name)));
        }

        actual.ExtraColumns.Select(Describe).Should().Equal(expected.ExtraColumns.Select(Describe), "extra columns keep their declarations");
        actual.ExtraHouseholdColumns.Should().BeEquivalentTo(expected.ExtraHouseholdColumns);
        foreach (var name in expected.ExtraHouseholdColumns)
        {
            Bits(actual.ExtraHouseholdColumn(name)).Should().Equal(Bits(expected.ExtraHouseholdColumn(name)));
        }
    }

    private static long[] Bits(ReadOnlySpan<double> values)
    {
        var bits = new long[values.Length];
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = BitConverter.DoubleToInt64Bits(values[i]);
        }

        return bits;
    }

    private static string[] Codes(SocialSecurity.Modeling.Core.Population population, ReadOnlySpan<SocialSecurity.Modeling.Regions.RegionId> regions)
    {
        var codes = new string[regions.Length];
        for (int i = 0; i < codes.Length; i++)
        {
            codes[i] = population.Regions[regions[i]].Code;
        }

        return codes;
    }

    private static string Describe(ColumnDefinition c)
        => $"{c.Name}|{c.Entity}|{c.Type}|{c.Storage}|{c.Unit}|{c.Period}|{c.Role}|{c.Minimum}|{c.Maximum}|{string.Join(",", c.Codes)}|{c.Description}";
}
