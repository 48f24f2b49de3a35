using CsCheck;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Programs.Pensions;
using SocialSecurity.Modeling.Programs.Pensions.Rules;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.Programs.Pensions;

/// <summary>Properties that must hold for every region, tier and status the built-in parameters produce.</summary>
public class ResidentPensionInvariantTests
{
    private static readonly string[] Regions = [RegionCodes.Hangzhou, RegionCodes.Lishui, RegionCodes.Wuxi, RegionCodes.Changzhou, RegionCodes.Yangzhou, RegionCodes.Nanjing, RegionCodes.Kashgar, RegionCodes.Hohhot, RegionCodes.Ulanqab];
    private static readonly DateOnly[] Dates = [new(2012, 1, 1), new(2016, 1, 1), new(2021, 7, 1), new(2023, 7, 1), new(2025, 7, 1)];
    private static readonly AssistanceStatus[] Statuses = [AssistanceStatus.None, AssistanceStatus.DibaoRecipient, AssistanceStatus.Destitute];

    public static TheoryData<string> RegionCases => [.. Regions];

    [Theory]
    [MemberData(nameof(RegionCases))]
    public void A_higher_tier_never_lowers_the_subsidy_credit_or_benefit(string region)
    {
        foreach (var date in Dates)
        {
            var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, date, region);
            foreach (var status in Statuses)
            {
                foreach (bool rural in new[] { true, false })
                {
                    double previousSubsidy = 0, previousCredit = 0, previousBenefit = 0;
                    for (double chosen = 0; chosen <= 25_000; chosen += 50)
                    {
                        var credit = rules.Contribution(new AnnualYuan(chosen), status, rural);
                        double balance = ResidentPensionAccount.AccumulateLevel(credit.Credit, 15, rules.InterestRate);
                        double benefit = rules.Benefit(rules.PensionAge, 15, balance).Total.Value;
                        credit.Subsidy.Value.Should().BeGreaterThanOrEqualTo(previousSubsidy, $"subsidy at chosen {chosen} in {region} on {date}");
                        credit.Credit.Value.Should().BeGreaterThanOrEqualTo(previousCredit, $"credit at chosen {chosen} in {region} on {date}");
                        benefit.Should().BeGreaterThanOrEqualTo(previousBenefit, $"benefit at chosen {chosen} in {region} on {date}");
                        (previousSubsidy, previousCredit, previousBenefit) = (credit.Subsidy.Value, credit.Credit.Value, benefit);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(RegionCases))]
    public void A_government_paid_contribution_is_never_charged_to_the_person(string region)
    {
        foreach (var date in Dates)
        {
            var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, date, region);
            foreach (var status in Statuses)
            {
                foreach (var tier in rules.Tiers)
                {
                    var credit = rules.Contribution(new AnnualYuan(tier), status, rural: true);
                    credit.Own.Value.Should().BeGreaterThanOrEqualTo(0);
                    credit.GovernmentPaid.Value.Should().BeGreaterThanOrEqualTo(0);
                    (credit.Own.Value + credit.GovernmentPaid.Value).Should().BeApproximately(tier, 1e-9, "the tier is split between person and government, nothing is charged twice");
                    if (status == AssistanceStatus.None)
                    {
                        credit.GovernmentPaid.Value.Should().Be(0);
                    }
                    else
                    {
                        credit.Own.Value.Should().BeLessThanOrEqualTo(tier - Math.Min(tier, rules.DibaoShare * rules.LowestTier.Value) + 1e-9, "a vulnerable person never pays more than a non-vulnerable one less the government share");
                    }
                }
            }
        }
    }

    [Fact]
    public void Balances_are_never_negative_and_never_fall_with_non_negative_rates()
        => Gen.Select(Gen.Double[0, 5_000].Array[1, 44], Gen.Double[-0.05, 0.15]).Sample(t =>
        {
            var (amounts, rate) = t;
            var credits = amounts.Select(a => new AnnualYuan(a)).ToArray();
            double balance = 0;
            foreach (var credit in credits)
            {
                double next = ResidentPensionAccount.Accrue(balance, rate, credit);
                next.Should().BeGreaterThanOrEqualTo(0);
                if (rate >= 0)
                {
                    next.Should().BeGreaterThanOrEqualTo(balance);
                }

                balance = next;
            }

            ResidentPensionAccount.Accumulate(credits, rate).Should().BeApproximately(balance, 1e-6);
        }, iter: 500);

    [Fact]
    public void Guard_clauses_name_the_argument_and_range()
    {
        var negativeBalance = () => ResidentPensionAccount.Accrue(-1, 0.03, new AnnualYuan(100));
        negativeBalance.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("balance").WithMessage("*≥ 0*");
        var badRate = () => ResidentPensionAccount.Accrue(0, -1, new AnnualYuan(100));
        badRate.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("rate");
        var badShare = () => ResidentPensionFormulas.GovernmentPaid(new AnnualYuan(100), new AnnualYuan(100), AssistanceStatus.DibaoRecipient, 1.5, 1);
        badShare.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("dibaoShare");
        var badSchedule = () => new SubsidySchedule([300, 100], [30, 40]);
        badSchedule.Should().Throw<ArgumentException>().WithParameterName("thresholds");
        var zeroDivisor = () => ResidentPensionAccount.Pension(100, 0);
        zeroDivisor.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("divisor");
        var badTiers = () => ResidentPensionTiers.Applicable(new AnnualYuan(100), []);
        badTiers.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Chosen_amounts_snap_down_to_listed_tiers()
    {
        System.Collections.Immutable.ImmutableArray<double> tiers = [100, 300, 500];
        ResidentPensionTiers.Applicable(AnnualYuan.Zero, tiers).Value.Should().Be(0);
        ResidentPensionTiers.Applicable(new AnnualYuan(50), tiers).Value.Should().Be(100);
        ResidentPensionTiers.Applicable(new AnnualYuan(299), tiers).Value.Should().Be(100);
        ResidentPensionTiers.Applicable(new AnnualYuan(300), tiers).Value.Should().Be(300);
        ResidentPensionTiers.Applicable(new AnnualYuan(10_000), tiers).Value.Should().Be(500);
    }
}
