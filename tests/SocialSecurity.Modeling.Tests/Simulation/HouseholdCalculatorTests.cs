using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Populations;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Simulation;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Simulation;

public class HouseholdCalculatorTests
{
    [Fact]
    public void Extra_household_columns_reach_the_rules()
    {
        // Kashgar, 4 persons, no income, class 2: 4 × 70% [I] × S/12 with Xinjiang's urban S = 7,058.67 [D] → 1,647.023/month.
        var calculator = new HouseholdCalculator(Policy.Create(new TieredDibaoProgram()), ParameterStore.Default);
        var members = Enumerable.Range(1, 4).Select(i => new PersonRecord { Id = i, HouseholdId = 1, Age = 30 + i }).ToArray();
        var result = calculator.Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Kashgar, Area = AreaType.Urban },
            members,
            new DateOnly(2023, 6, 30),
            extraHouseholdColumns: new Dictionary<string, double> { [TieredDibaoProgram.ClassColumn] = 2 });
        result.HouseholdValue(TieredDibaoProgram.Benefit.Name).Should().BeApproximately(4 * 0.7 * 7_058.67 / 12, 1e-9);
    }

    [Fact]
    public void An_optional_input_column_is_read_when_given_and_checked_against_its_declaration()
    {
        // A man of 62 (above the fixed pension age of 60) working on a labour contract: without the optional retired flag the
        // contributions rule stops at 60; given "not retired" he contributes; a flag of 2 is outside the declared 0/1.
        var calculator = new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default);
        var household = new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban };
        PersonRecord[] members = [new PersonRecord { Id = 1, HouseholdId = 1, Age = 62, Sex = Sex.Male, WagesAnnual = 120_000, Employment = EmploymentStatus.Employee, Contract = WorkContract.LabourContract }];
        var date = new DateOnly(2025, 6, 30);
        string pension = SocialSecurity.Modeling.Programs.Insurance.SocialInsuranceContributionsProgram.EmployeePension.Name;
        string retired = SocialSecurity.Modeling.Programs.Insurance.SocialInsuranceContributionsProgram.Retired.Name;

        calculator.Policy.OptionalInputColumns.Select(c => c.Name).Should().Contain(retired);
        calculator.Calculate(household, members, date).PersonValue(pension, 0).Should().Be(0);
        calculator.Calculate(household, members, date, new Dictionary<string, double[]> { [retired] = [0] }).PersonValue(pension, 0).Should().BeGreaterThan(0);
        FluentActions.Invoking(() => calculator.Calculate(household, members, date, new Dictionary<string, double[]> { [retired] = [2] }))
            .Should().Throw<PopulationValidationException>().WithMessage($"*{retired}*");
    }

    [Fact]
    public void A_member_of_another_household_is_an_error_naming_the_row()
        => FluentActions.Invoking(() => new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default).Calculate(
                new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou },
                [new PersonRecord { Id = 1, HouseholdId = 2 }],
                new DateOnly(2023, 6, 30)))
            .Should().Throw<PopulationValidationException>().WithMessage("*person row 0 (id 1): household 2 was never added*");

    [Fact]
    public void The_report_prints_names_values_and_units_in_aligned_columns_without_signed_zeros()
    {
        // Household and person outputs, counts and amounts of different widths; no "-0.00" may appear.
        var result = new HouseholdCalculator(SocialSecurity.Modeling.Programs.Policies.Standard(), ParameterStore.Default).Calculate(
            new HouseholdRecord { Id = 1, RegionCode = RegionCodes.Hangzhou, Area = AreaType.Urban },
            [
                new PersonRecord { Id = 1, HouseholdId = 1, Age = 40, WagesAnnual = 18_000 },
                new PersonRecord { Id = 2, HouseholdId = 1, Age = 38, BusinessIncomeAnnual = -0.001 },
                new PersonRecord { Id = 3, HouseholdId = 1, Age = 70, Disability = DisabilityGrade.Grade1 },
            ],
            new DateOnly(2023, 6, 30));
        var lines = result.ToString().Split('\n').Select(l => l.TrimEnd('\r')).TakeWhile(l => l != "Explanation:").ToArray();
        lines.Should().HaveCountGreaterThan(10);
        lines.Should().Contain(l => l.StartsWith("dibao.benefit_monthly ", StringComparison.Ordinal) && l.EndsWith(" 1,250.00 yuan/month", StringComparison.Ordinal));
        lines.Should().Contain(l => l.StartsWith("income.Disposable ", StringComparison.Ordinal));

        // Every value ends in the same column, and the names start the lines in a column of their own.
        static int End(string line) =>
            line.EndsWith("yuan/month", StringComparison.Ordinal) || line.EndsWith("yuan/year", StringComparison.Ordinal) ? line.LastIndexOf(' ') : line.Length;
        int valueEnd = End(lines[0]);
        foreach (var line in lines)
        {
            End(line).Should().Be(valueEnd, $"the value of '{line}' must end in the common column");
            char.IsDigit(line[valueEnd - 1]).Should().BeTrue(line);
        }

        lines.Should().NotContain(l => l.Contains("-0.00", StringComparison.Ordinal));
    }
}
