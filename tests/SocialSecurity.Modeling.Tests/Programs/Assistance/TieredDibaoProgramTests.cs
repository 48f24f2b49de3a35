using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Assistance;
using SocialSecurity.Modeling.Reforms;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Assistance;

public class TieredDibaoProgramTests
{
    private static readonly DateOnly Date = new(2023, 6, 30);

    // Worked example 9 uses S = 600/month: set Kashgar's urban standard to 7,200/year.
    private static readonly ParameterStore Store = ParameterStore.Default.WithReform(
        Reform.Create("S 600").Set(DibaoProgram.StandardUrban, RegionCodes.Kashgar, new DateOnly(2023, 1, 1), 7_200));

    private static double Benefit(double dibaoClass, double income = 0, double assets = 0)
    {
        var (household, persons) = HouseholdRuns.Adults(1, RegionCodes.Kashgar, 4, income);
        var result = HouseholdRuns.Run(Policy.Create(new TieredDibaoProgram()), Date, [household with { FinancialAssets = assets }], persons, Store,
            householdColumns: new Dictionary<string, double[]> { [TieredDibaoProgram.ClassColumn] = [dibaoClass] });
        return result.Values(TieredDibaoProgram.Benefit.Name)[0];
    }

    [Fact]
    public void Worked_example_9_class_2_four_persons_gets_1680_a_month()
        => Yuan.Round(Benefit(2)).Should().Be(1_680.00m);

    [Fact]
    public void Worked_example_9_class_1_four_persons_gets_2400_a_month()
        => Yuan.Round(Benefit(1)).Should().Be(2_400.00m);

    [Fact]
    public void Class_3_pays_40_percent_and_the_class_amount_does_not_depend_on_income()
    {
        Yuan.Round(Benefit(3)).Should().Be(960.00m);
        Benefit(3, income: 20_000).Should().Be(Benefit(3, income: 0));
    }

    [Fact]
    public void An_unclassified_eligible_household_gets_the_gap()
        => Yuan.Round(Benefit(0, income: 2_400)).Should().Be(2_200.00m, "4 × 600 − 2,400/12");

    [Fact]
    public void A_household_failing_the_dibao_tests_gets_nothing_whatever_its_class()
    {
        Benefit(1, income: 4 * 7_200).Should().Be(0, "income per capita equals S: the test is strictly below");
        Benefit(1, assets: 1_000_000).Should().Be(0);
    }

    [Fact]
    public void A_class_outside_the_schedule_is_a_data_error_naming_the_household()
        => FluentActions.Invoking(() => Benefit(4)).Should().Throw<InvalidOperationException>().WithMessage("*Household 1*class 4*1 to 3*");
}
