using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class ExtrapolatedExplanationTests
{
    private static string Explain(DateOnly date)
    {
        var calculator = new HouseholdCalculator(Policy.Create(new DibaoProgram()), ParameterStore.Default);
        var result = calculator.Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban },
            [new PersonRecord { Id = 1, HouseholdId = 1, Age = 40 }],
            date);
        return result.Explanation.ToText(ParameterStore.Default.Regions);
    }

    [Fact]
    public void The_household_explanation_of_a_run_in_2099_says_the_dibao_standard_is_extrapolated()
        => Explain(new DateOnly(2099, 6, 30)).Should().Contain("dibao.standard.urban = 11000").And.Contain("EXTRAPOLATED to 2099-06-30, values known to 2024-12-31");

    [Fact]
    public void The_explanation_of_a_current_run_does_not()
        => Explain(new DateOnly(2024, 6, 30)).Should().Contain("dibao.standard.urban").And.NotContain("EXTRAPOLATED");
}
