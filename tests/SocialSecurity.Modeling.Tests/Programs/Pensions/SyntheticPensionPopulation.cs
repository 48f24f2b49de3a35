using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

/// <summary>A random population carrying the resident-pension columns, for tests.</summary>
internal static class SyntheticPensionPopulation
{
    private static readonly string[] Regions = [RegionCodes.Hangzhou, RegionCodes.Wuxi, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];
    private static readonly double[] Tiers = [0, 0, 100, 200, 300, 500, 1000, 2000, 3500];

    public static Population Build(int households, int seed)
    {
        var random = new Random(seed);
        var builder = new PopulationBuilder();
        var tier = new List<double>();
        var years = new List<double>();
        var balance = new List<double>();
        var dibao = new List<double>();
        var destitute = new List<double>();
        long personId = 1;
        for (int h = 1; h <= households; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = 100, RegionCode = Regions[random.Next(Regions.Length)], Area = random.Next(2) == 0 ? AreaType.Rural : AreaType.Urban });
            int size = 1 + random.Next(4);
            for (int i = 0; i < size; i++)
            {
                int age = random.Next(0, 95);
                builder.AddPerson(new PersonRecord { Id = personId++, HouseholdId = h, Age = age });
                tier.Add(Tiers[random.Next(Tiers.Length)]);
                years.Add(random.Next(0, 30));
                balance.Add(random.NextDouble() * 30_000);
                double status = random.NextDouble();
                dibao.Add(status < 0.05 ? 1 : 0);
                destitute.Add(status > 0.98 ? 1 : 0);
            }
        }

        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.TierAnnual, [.. tier]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.ContributionYears, [.. years]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.AccountBalance, [.. balance]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.DibaoRecipient, [.. dibao]);
        builder.AddColumn(ResidentPensionNames.ColumnDefinitions.Destitute, [.. destitute]);
        return builder.Build();
    }
}
