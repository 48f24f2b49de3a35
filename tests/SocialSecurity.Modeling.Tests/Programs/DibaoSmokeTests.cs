using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Population;
using SocialSecurity.Modeling.Programs;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs;

public class DibaoSmokeTests
{
    [Fact]
    public void Worked_example_8_three_persons_in_Zhejiang()
    {
        var calculator = new HouseholdCalculator(Policies.Standard(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };
        var members = new[]
        {
            new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 18_000 },
            new PersonRecord { Id = 2, HouseholdId = 1, Age = 38 },
            new PersonRecord { Id = 3, HouseholdId = 1, Age = 10 },
        };
        var result = calculator.Calculate(household, members, new DateOnly(2023, 6, 30));
        result.HouseholdValue(DibaoProgram.Benefit.Name).Should().BeApproximately(1250.00, 1e-9);
        Console.WriteLine(result);
    }
}
