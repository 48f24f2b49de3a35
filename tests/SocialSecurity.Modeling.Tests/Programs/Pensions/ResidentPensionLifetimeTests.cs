using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

public class ResidentPensionLifetimeTests
{
    private static readonly DateOnly Date = new(2023, 7, 1);
    private static readonly LifeTable Table = LifeTable.Resolve(ParameterStore.Default, Date);

    [Fact]
    public void Illustrative_life_table_has_plausible_expectancies_and_is_closed()
    {
        Table.FirstAge.Should().Be(0);
        Table.LastAge.Should().Be(105);
        Table.LifeExpectancy(0).Should().BeApproximately(78.3, 0.1);
        Table.LifeExpectancy(60).Should().BeApproximately(22.2, 0.1);
        Table.Survival(60, 60).Should().Be(1);
        Table.Survival(60, 107).Should().Be(0);
        Table.Survival(16, 60).Should().BeGreaterThan(Table.Survival(16, 80));
        ParameterStore.Default.Resolve("pension.life_table.death_probability", Date, ParameterStore.Default.Regions.Root).IsIllustrative.Should().BeTrue();
    }

    [Fact]
    public void Zhejiang_tier_500_for_15_years_reproduces_example_2_and_splits_who_paid()
    {
        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, Date, RegionCodes.Hangzhou);
        var history = ResidentPensionHistory.Level(45, 15, new AnnualYuan(500));
        var valuation = ResidentPensionLifetime.Evaluate(history, rules, Table, discountRate: 0.02, horizonAge: 80);

        valuation.Eligible.Should().BeTrue();
        Yuan.Round(valuation.BalanceAtPensionAge).Should().Be(10415.39m);
        valuation.MonthlyPension.Rounded().Should().Be(264.93m);
        valuation.PaidByPerson.Should().Be(7_500);
        valuation.SubsidyPaid.Should().Be(900);
        valuation.PaidByGovernmentOnBehalf.Should().Be(0);
        valuation.BenefitsIfAliveToHorizon.Should().BeApproximately(20 * 12 * valuation.MonthlyPension.Value, 1e-6);
        valuation.Years.Should().HaveCount(80 - 45);
        valuation.Years.Select(y => y.Survival).Should().BeInDescendingOrder();

        valuation.InternalRateOfReturn.Should().NotBeNull();
        ResidentPensionLifetime.NetPresentValueAt(valuation, valuation.InternalRateOfReturn!.Value).Should().BeApproximately(0, 1e-4);
        ResidentPensionLifetime.NetPresentValueAt(valuation, 0.02).Should().BeApproximately(valuation.NetPresentValue, 1e-6);
        valuation.NetPresentValue.Should().BeGreaterThan(0, "a flat basic pension of 190 a month outweighs 500 a year of contributions");
    }

    [Fact]
    public void Across_income_groups_money_s_worth_falls_as_the_tier_rises()
    {
        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, Date, RegionCodes.Kashgar);
        (string Group, ResidentPensionHistory History)[] groups =
        [
            ("dibao, lowest tier", ResidentPensionHistory.Level(45, 15, new AnnualYuan(100), AssistanceStatus.DibaoRecipient)),
            ("middle, tier 500", ResidentPensionHistory.Level(45, 15, new AnnualYuan(500))),
            ("high, top tier", ResidentPensionHistory.Level(45, 15, new AnnualYuan(3500))),
        ];
        var valuations = groups.Select(g => ResidentPensionLifetime.Evaluate(g.History, rules, Table, 0.03)).ToArray();

        valuations.Select(v => v.MonthlyPension.Value).Should().BeInAscendingOrder("a higher tier buys a higher pension");
        valuations.Select(v => v.MoneysWorthRatio!.Value).Should().BeInDescendingOrder("the flat basic pension favours low tiers");
        valuations.Select(v => v.InternalRateOfReturn!.Value).Should().BeInDescendingOrder();
        valuations[0].PaidByGovernmentOnBehalf.Should().Be(15 * 50);
        valuations[0].PaidByPerson.Should().Be(15 * 50);

        var destitute = ResidentPensionLifetime.Evaluate(ResidentPensionHistory.Level(45, 15, new AnnualYuan(100), AssistanceStatus.Destitute), rules, Table, 0.03);
        destitute.PaidByPerson.Should().Be(0);
        destitute.InternalRateOfReturn.Should().BeNull("the person paid nothing");
        destitute.MoneysWorthRatio.Should().BeNull();
        destitute.ExpectedPresentValueOfBenefits.Should().BeGreaterThan(0);
    }

    [Fact]
    public void Short_history_gets_no_pension_and_a_negative_npv()
    {
        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, Date, RegionCodes.Hohhot);
        var valuation = ResidentPensionLifetime.Evaluate(ResidentPensionHistory.Level(50, 10, new AnnualYuan(300)), rules, Table, 0.03);
        valuation.Eligible.Should().BeFalse();
        valuation.ExpectedPresentValueOfBenefits.Should().Be(0);
        valuation.NetPresentValue.Should().BeLessThan(0);
        valuation.InternalRateOfReturn.Should().BeNull();
    }

    [Fact]
    public void A_history_past_the_pension_age_is_rejected()
    {
        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, Date, RegionCodes.Hohhot);
        var act = () => ResidentPensionLifetime.Evaluate(ResidentPensionHistory.Level(50, 15, new AnnualYuan(300)), rules, Table, 0.03);
        act.Should().Throw<ArgumentException>().WithMessage("*past the pension age 60*");
    }
}
