using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// Inputs of the income chain that contradict each other are rejected when the population is built, naming the row,
/// the id and the column: a bonus above the wages it is part of, a child deduction with no child of qualifying age in
/// the household, an elderly-parent claim with no parent declared, work-injury details without a grade.
/// </summary>
public sealed class CrossColumnCheckTests
{
    private static Population Build(HouseholdRecord household, params PersonRecord[] persons)
    {
        var builder = new PopulationBuilder();
        builder.AddHousehold(household with { Id = 1, Weight = 1, RegionCode = RegionCodes.Hangzhou });
        long id = 1;
        foreach (var person in persons)
        {
            builder.AddPerson(person with { Id = id++, HouseholdId = 1 });
        }

        return builder.Build();
    }

    private static PersonRecord Adult => new() { Age = 35, WagesAnnual = 80_000 };

    [Fact]
    public void A_bonus_larger_than_wages_is_rejected_and_a_bonus_equal_to_them_is_not()
    {
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult, Adult with { AnnualBonus = 80_000.01 }))
            .Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'annual_bonus', person row 1 (id 2): the bonus 80000.01 is more than the wages 80000*");
        Build(new HouseholdRecord(), Adult with { AnnualBonus = 80_000 }).AnnualBonus[0].Should().Be(80_000);
    }

    [Fact]
    public void A_child_deduction_needs_a_member_of_qualifying_age()
    {
        FluentActions.Invoking(() => Build(new HouseholdRecord { ChildrenUnder3 = 1 }, Adult, Adult with { Age = 3 }))
            .Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'children_under_3', household row 0 (id 1): 1 children under 3 are claimed but the household has 0 member(s) aged 0–2*");
        FluentActions.Invoking(() => Build(new HouseholdRecord { ChildrenInEducation = 1 }, Adult, Adult with { Age = 2 }, Adult with { Age = 12 }))
            .Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'children_in_education', household row 0 (id 1): 1 children in education are claimed but the household has 0 member(s)*");

        var ok = Build(
            new HouseholdRecord { ChildrenUnder3 = 1, ChildrenInEducation = 2 },
            Adult, Adult with { Age = 2 }, Adult with { Age = 5 }, Adult with { Age = 19, WagesAnnual = 0, Employment = EmploymentStatus.Student });
        ok.ChildrenInEducation[0].Should().Be(2);
        ok.ChildrenUnder3[0].Should().Be(1);
    }

    [Fact]
    public void An_elderly_parent_claim_needs_a_parent_aged_60_or_more()
    {
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult with { ElderlyParentClaim = ElderlyParentClaim.OnlyChild }))
            .Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'elderly_parent_claim', person row 0 (id 1): claims the elderly-parent deduction (only_child) but declares no parent aged 60 or more*");
        Build(new HouseholdRecord(), Adult with { ElderlyParentClaim = ElderlyParentClaim.Shared, ParentsAged60Plus = 2 })
            .ElderlyParentClaim[0].Should().Be(ElderlyParentClaim.Shared);
    }

    [Fact]
    public void Work_injury_details_need_a_grade()
    {
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult with { WorkInjuryNursing = NursingDependency.Full }))
            .Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'work_injury_nursing', person row 0 (id 1): work-injury details are given without a work-injury grade*");
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult with { WorkInjuryAssessedThisYear = true }))
            .Should().Throw<PopulationValidationException>()
            .WithMessage("*column 'work_injury_new'*");
        Build(new HouseholdRecord(), Adult with { WorkInjuryGrade = 7, WorkInjuryAssessedThisYear = true }).WorkInjuryGrade[0].Should().Be(7);
    }

    [Fact]
    public void Out_of_range_codes_and_counts_of_the_new_columns_are_rejected_by_their_declaration()
    {
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult with { IndustryRiskClass = 9 }))
            .Should().Throw<PopulationValidationException>().WithMessage("*industry_risk_class*");
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult with { WagesAnnual = -1 }))
            .Should().Throw<PopulationValidationException>().WithMessage("*wages_annual*");
        FluentActions.Invoking(() => Build(new HouseholdRecord(), Adult with { WorkInjuryGrade = 11 }))
            .Should().Throw<PopulationValidationException>().WithMessage("*work_injury_grade*");
    }
}
