using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Insurance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;

namespace SocialSecurity.Modeling.Tests.Programs.Insurance;

public class ContributionProgramTests
{
    private static readonly HouseholdRecord Household = new() { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };

    [Fact]
    public void The_explanation_names_the_absolute_band_its_tag_and_the_default_risk_class()
    {
        var calculator = new HouseholdCalculator(Policy.Create(new SocialInsuranceContributionsProgram()), ParameterStore.Default);
        PersonRecord[] members = [new() { Id = 1, HouseholdId = 1, Age = 30, Sex = Sex.Male, WagesAnnual = 30_000, Contract = WorkContract.LabourContract }];
        var result = calculator.Calculate(Household, members, new DateOnly(2025, 6, 30));

        result.PersonValue(SocialInsuranceContributionsProgram.BaseMonthly.Name, 0).Should().Be(4_986, "2,500 a month is below the Zhejiang floor");
        var text = result.Explanation.ToText(ParameterStore.Default.Regions);
        text.Should().Contain("floor 4986.00 (absolute)").And.Contain("ceiling 25299.00 (absolute)").And.Contain("social_insurance.base_floor")
            .And.Contain("work injury class 1 (default)");
    }

    [Fact]
    public void A_default_risk_class_that_is_not_a_whole_class_stops_the_run()
    {
        var store = ParameterStore.Default.WithReform(Reform.Create("bad class").Set(SocialInsuranceNames.WorkInjuryDefaultClass, RegionCodes.Zhejiang, new DateOnly(2025, 1, 1), 2.5));
        var calculator = new HouseholdCalculator(Policy.Create(new SocialInsuranceContributionsProgram()), store);
        PersonRecord[] members = [new() { Id = 1, HouseholdId = 1, Age = 30, Sex = Sex.Male, WagesAnnual = 30_000, Contract = WorkContract.LabourContract }];
        var act = () => calculator.Calculate(Household, members, new DateOnly(2025, 6, 30));
        act.Should().Throw<InvalidOperationException>().WithMessage("*'social_insurance.work_injury_default_class' is 2.5*expected a whole class from 1 to 8*");
    }

    [Fact]
    public void A_floor_above_the_ceiling_stops_the_run()
    {
        var store = ParameterStore.Default.WithReform(Reform.Create("inverted band").Set(SocialInsuranceNames.BaseFloor, RegionCodes.Zhejiang, new DateOnly(2025, 1, 1), 30_000));
        var calculator = new HouseholdCalculator(Policy.Create(new SocialInsuranceContributionsProgram()), store);
        PersonRecord[] members = [new() { Id = 1, HouseholdId = 1, Age = 30, Sex = Sex.Male, WagesAnnual = 30_000, Contract = WorkContract.LabourContract }];
        var act = () => calculator.Calculate(Household, members, new DateOnly(2025, 6, 30));
        act.Should().Throw<InvalidOperationException>().WithMessage("*contribution floor 30000.00 is above the ceiling 25299.00*");
    }
}
