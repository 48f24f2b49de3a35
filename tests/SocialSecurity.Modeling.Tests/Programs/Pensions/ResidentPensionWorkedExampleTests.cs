using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

/// <summary>docs/worked-examples.md#example-1 (examples 1–6), exact to 0.01 yuan after Yuan.Round.</summary>
public class ResidentPensionWorkedExampleTests
{
    private static readonly SubsidySchedule IllustrativeSchedule = new([100, 300, 400, 500, 600, 700, 800, 900, 1000, 1500], [30, 40, 45, 50, 55, 60, 65, 70, 75, 80]);
    private static readonly SubsidySchedule NationalFloor = new([100, 500], [30, 60]);

    [Fact]
    public void Example_1_tier_500_no_interest_in_Zhejiang()
    {
        var subsidy = ResidentPensionFormulas.Subsidy(new AnnualYuan(500), IllustrativeSchedule, NationalFloor);
        subsidy.Value.Should().Be(60, "the national floor of 60 for tiers ≥ 500 lifts the schedule's 50");
        var credit = new AnnualYuan(500 + subsidy.Value);
        var balance = ResidentPensionAccount.AccumulateLevel(credit, 15, 0.0);
        Yuan.Round(balance).Should().Be(8400.00m);
        ResidentPensionAccount.Pension(balance, 139).Rounded().Should().Be(60.43m);
        ResidentPensionFormulas.Benefit(new MonthlyYuan(190), MonthlyYuan.Zero, balance, 139).Total.Rounded().Should().Be(250.43m);
    }

    [Fact]
    public void Example_2_same_with_3_percent_year_end_credit()
    {
        var credit = new AnnualYuan(560);
        var balance = ResidentPensionAccount.AccumulateLevel(credit, 15, 0.03);
        Yuan.Round(balance).Should().Be(10415.39m);
        ResidentPensionAccount.Pension(balance, 139).Rounded().Should().Be(74.93m);
        ResidentPensionFormulas.Benefit(new MonthlyYuan(190), MonthlyYuan.Zero, balance, 139).Total.Rounded().Should().Be(264.93m);

        // The year-by-year recursion B_y = B_{y-1}(1 + r) + A_y gives the same balance as the closed form.
        var credits = Enumerable.Repeat(credit, 15).ToArray();
        ResidentPensionAccount.Accumulate(credits, 0.03).Should().BeApproximately(balance, 1e-9);
    }

    [Fact]
    public void Example_3_Xinjiang_dibao_recipient_and_destitute_person()
    {
        var dibao = ResidentPensionFormulas.Contribution(new AnnualYuan(100), new AnnualYuan(100), AssistanceStatus.DibaoRecipient, 0.5, 1.0, IllustrativeSchedule, NationalFloor, AnnualYuan.Zero);
        dibao.GovernmentPaid.Rounded().Should().Be(50.00m);
        dibao.Own.Rounded().Should().Be(50.00m);
        dibao.Subsidy.Rounded().Should().Be(30.00m);
        dibao.Credit.Rounded().Should().Be(130.00m);
        var balance = ResidentPensionAccount.AccumulateLevel(dibao.Credit, 15, 0.0);
        Yuan.Round(balance).Should().Be(1950.00m);
        ResidentPensionAccount.Pension(balance, 139).Rounded().Should().Be(14.03m);

        var destitute = ResidentPensionFormulas.Contribution(new AnnualYuan(100), new AnnualYuan(100), AssistanceStatus.Destitute, 0.5, 1.0, IllustrativeSchedule, NationalFloor, AnnualYuan.Zero);
        destitute.GovernmentPaid.Rounded().Should().Be(100.00m);
        destitute.Own.Rounded().Should().Be(0.00m);
    }

    [Fact]
    public void Example_3_through_the_Xinjiang_parameters()
    {
        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Kashgar);
        rules.LowestTier.Value.Should().Be(100);
        rules.Tiers.Should().HaveCount(15).And.StartWith(100).And.EndWith(3500);
        var dibao = rules.Contribution(new AnnualYuan(100), AssistanceStatus.DibaoRecipient, rural: true);
        dibao.Own.Value.Should().Be(50);
        dibao.GovernmentPaid.Value.Should().Be(50);
        dibao.Subsidy.Value.Should().Be(30);
        rules.Source(ResidentPensionNames.Parameters.GovernmentPaidShareDibao).Provenance.Should().Be(Provenance.Paper);
        var destitute = rules.Contribution(new AnnualYuan(100), AssistanceStatus.Destitute, rural: true);
        destitute.Own.Value.Should().Be(0);
        destitute.GovernmentPaid.Value.Should().Be(100);
    }

    [Fact]
    public void Example_4_Jiangsu_collective_subsidy()
    {
        (3_200_000.0 / 40_000).Should().Be(80);
        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Wuxi);
        rules.CollectiveSubsidy.Value.Should().Be(80);
        rules.Source(ResidentPensionNames.Parameters.CollectiveSubsidy).Provenance.Should().Be(Provenance.Derived);
        var credit = rules.Contribution(new AnnualYuan(300), AssistanceStatus.None, rural: true);
        credit.Subsidy.Value.Should().Be(40);
        credit.Collective.Value.Should().Be(80);
        credit.Credit.Value.Should().Be(420);
        var balance = ResidentPensionAccount.AccumulateLevel(credit.Credit, 15, 0.0);
        Yuan.Round(balance).Should().Be(6300.00m);
        ResidentPensionAccount.Pension(balance, rules.Divisor).Rounded().Should().Be(45.32m);

        ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Changzhou).CollectiveSubsidy.Value.Should().Be(80);
        ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Nanjing).CollectiveSubsidy.Value.Should().Be(0);
        rules.Contribution(new AnnualYuan(300), AssistanceStatus.None, rural: false).Collective.Value.Should().Be(0, "collective subsidies go to rural contributors");
    }

    [Fact]
    public void Example_5_Yangzhou_top_up_from_65()
    {
        var topUp = new AgeTopUp(65, new MonthlyYuan(5));
        var basic = new MonthlyYuan(200);
        ResidentPensionFormulas.Benefit(basic, topUp.At(64), 0, 139).Total.Rounded().Should().Be(200.00m);
        ResidentPensionFormulas.Benefit(basic, topUp.At(65), 0, 139).Total.Rounded().Should().Be(205.00m);

        var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Yangzhou);
        rules.AgeTopUp.Should().Be(topUp);
        rules.Source(ResidentPensionNames.Parameters.AgeTopUpAmount).Provenance.Should().Be(Provenance.Paper);
        var before = ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2019, 12, 31), RegionCodes.Yangzhou);
        before.AgeTopUp.Amount.Value.Should().Be(0, "the top-up starts in January 2020");
        var nanjing = ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Nanjing);
        nanjing.AgeTopUp.Amount.Value.Should().Be(0);
        (rules.Benefit(65, 15, 0).Total.Value - rules.Benefit(64, 15, 0).Total.Value).Should().BeApproximately(5, 1e-12);
    }

    [Fact]
    public void Example_6_Zhejiang_top_tier_literal_reading()
    {
        ResidentPensionTiers.WageLinkedTopTier(new MonthlyYuan(7000), 3).Rounded().Should().Be(21000.00m);

        var store = ParameterStore.Default;
        var date = new DateOnly(2023, 7, 1);
        var zhejiang = store.Regions.GetId(RegionCodes.Zhejiang);
        var multiple = store.Resolve("pension.resident.top_tier_wage_multiple", date, zhejiang).Scalar();
        var wage = store.Resolve("pension.resident.reference_monthly_wage", date, zhejiang).PerMonth();
        var rules = ResidentPensionTerms.Resolve(store, date, RegionCodes.Hangzhou);
        rules.Tiers.Should().HaveCount(13, "Zhejiang has 13 tiers from 2022 [P]");
        rules.Tiers[^1].Should().Be(ResidentPensionTiers.WageLinkedTopTier(new MonthlyYuan(wage), multiple).Value, "the top tier in the file must follow the wage rule");
        rules.BasicPension.Value.Should().Be(190, "Zhejiang's minimum basic pension was 190 in 2022 [P]");
    }
}
