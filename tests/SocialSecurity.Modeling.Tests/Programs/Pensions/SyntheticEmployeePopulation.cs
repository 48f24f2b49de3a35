using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

/// <summary>A random population carrying the employee-pension columns, for tests and benchmarks.</summary>
internal static class SyntheticEmployeePopulation
{
    private static readonly string[] Regions = [RegionCodes.Hangzhou, RegionCodes.Wuxi, RegionCodes.Yangzhou, RegionCodes.Kashgar, RegionCodes.Hohhot];
    private static readonly EmploymentStatus[] Statuses = [EmploymentStatus.Employee, EmploymentStatus.Employee, EmploymentStatus.SelfEmployed, EmploymentStatus.Retired, EmploymentStatus.Inactive, EmploymentStatus.Agricultural];

    /// <summary>Builds the population; <paramref name="extraYears"/> and <paramref name="extraIndex"/> are added to every person's career (same seed, same people).</summary>
    public static Population Build(int households, int seed, double extraYears = 0, double extraIndex = 0)
    {
        var random = new Random(seed);
        var builder = new PopulationBuilder();
        var years = new List<double>();
        var index = new List<double>();
        var balance = new List<double>();
        var retirement = new List<double>();
        long personId = 1;
        for (int h = 1; h <= households; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = 100, RegionCode = Regions[random.Next(Regions.Length)], Area = AreaType.Urban });
            int size = 1 + random.Next(4);
            for (int i = 0; i < size; i++)
            {
                var status = Statuses[random.Next(Statuses.Length)];
                builder.AddPerson(new PersonRecord
                {
                    Id = personId++,
                    HouseholdId = h,
                    Age = random.Next(16, 95),
                    Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                    Employment = status,
                    Contract = random.NextDouble() >= 0.7 ? WorkContract.None : status switch
                    {
                        EmploymentStatus.Employee => WorkContract.LabourContract,
                        EmploymentStatus.SelfEmployed => random.Next(2) == 0 ? WorkContract.Flexible : WorkContract.IndividualBusiness,
                        _ => WorkContract.None,
                    },
                    IndustryRiskClass = status == EmploymentStatus.Employee ? random.Next(0, 9) : 0,
                    MedicalScheme = (MedicalScheme)random.Next(4),
                    WagesAnnual = status == EmploymentStatus.Employee ? random.NextDouble() * 500_000 : 0,
                    BusinessIncomeAnnual = status == EmploymentStatus.SelfEmployed ? random.NextDouble() * 300_000 : 0,
                });
                years.Add(random.Next(0, 45) + extraYears);
                index.Add(0.6 + random.NextDouble() * 2.4 + extraIndex);
                balance.Add(random.NextDouble() * 400_000);
                retirement.Add(random.NextDouble() < 0.8 ? 0 : random.Next(45, 66));
            }
        }

        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionYears, [.. years]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.ContributionIndex, [.. index]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.AccountBalance, [.. balance]);
        builder.AddColumn(EmployeePensionNames.ColumnDefinitions.RetirementAge, [.. retirement]);
        return builder.Build();
    }
}
