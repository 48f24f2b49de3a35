using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Programs.Insurance;

/// <summary>Populations and policies for the contribution tests: the status flags of the premium are extra columns.</summary>
internal static class InsuranceRuns
{
    public const string Destitute = "test.destitute";
    public const string Dibao = "test.dibao";

    private static readonly string[] Regions = [RegionCodes.Hangzhou, RegionCodes.Wuxi, RegionCodes.Kashgar, RegionCodes.Hohhot];

    /// <summary>Contributions, housing fund and the resident premium (flags read from <see cref="Destitute"/> and <see cref="Dibao"/>).</summary>
    public static Policy Policy() => Core.Policy.Create(
        new SocialInsuranceContributionsProgram(), new HousingFundProgram(), new ResidentMedicalPremiumProgram(Destitute, Dibao));

    /// <summary>A random population of every contract, scheme, risk class and age, in the four provinces.</summary>
    public static Population Build(int households, int seed)
    {
        var random = new Random(seed);
        var builder = new PopulationBuilder();
        var destitute = new List<double>();
        var dibao = new List<double>();
        long personId = 1;
        for (int h = 1; h <= households; h++)
        {
            builder.AddHousehold(new HouseholdRecord { Id = h, Weight = 1 + random.Next(200), RegionCode = Regions[random.Next(Regions.Length)], Area = AreaType.Urban });
            int size = 1 + random.Next(4);
            double onDibao = random.NextDouble() < 0.2 ? 1 : 0;
            for (int i = 0; i < size; i++)
            {
                var contract = (WorkContract)random.Next(4);
                builder.AddPerson(new PersonRecord
                {
                    Id = personId++,
                    HouseholdId = h,
                    Age = random.Next(0, 90),
                    Sex = random.Next(2) == 0 ? Sex.Female : Sex.Male,
                    WagesAnnual = random.NextDouble() < 0.1 ? 0 : random.NextDouble() * 600_000,
                    Contract = contract,
                    IndustryRiskClass = contract == WorkContract.LabourContract ? random.Next(0, 9) : 0,
                    MedicalScheme = (MedicalScheme)random.Next(4),
                });
                destitute.Add(random.NextDouble() < 0.05 ? 1 : 0);
                dibao.Add(onDibao);
            }
        }

        builder.AddPersonColumn(Destitute, [.. destitute]);
        builder.AddPersonColumn(Dibao, [.. dibao]);
        return builder.Build();
    }
}
