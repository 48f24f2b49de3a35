using SocialSecurity.Modeling.Money;

namespace SocialSecurity.Modeling.Programs.Pensions.Rules;

/// <summary>
/// The resident pension's rules as pure functions (docs/rules/pension.resident.md; 国发〔2014〕8号): who pays a tier, the government
/// subsidy <i>s(t)</i>, eligibility for the pension, and the monthly benefit. Nothing is rounded.
/// </summary>
public static class ResidentPensionFormulas
{
    /// <summary>
    /// The contribution the government pays on a person's behalf (代缴): <c>min(tier, share × lowest tier)</c>, where
    /// the share is the dibao share for dibao recipients, the destitute share for destitute persons, and 0 otherwise
    /// (Xinjiang: 50% and 100% of the 100-yuan tier [P]). It is never more than the tier, so the person's own part
    /// (tier − government-paid) is never negative and the government part is never charged to the person.
    /// </summary>
    /// <param name="tier">The applicable tier, yuan/year (≥ 0; 0 = not contributing).</param>
    /// <param name="lowestTier">The region's lowest tier, yuan/year (≥ 0).</param>
    /// <param name="status">The person's assistance status.</param>
    /// <param name="dibaoShare">Share for dibao recipients (0–1).</param>
    /// <param name="destituteShare">Share for destitute persons (0–1).</param>
    public static AnnualYuan GovernmentPaid(AnnualYuan tier, AnnualYuan lowestTier, AssistanceStatus status, double dibaoShare, double destituteShare)
    {
        CheckAmount(tier.Value, nameof(tier));
        CheckAmount(lowestTier.Value, nameof(lowestTier));
        CheckShare(dibaoShare, nameof(dibaoShare));
        CheckShare(destituteShare, nameof(destituteShare));
        return new AnnualYuan(GovernmentPaidCore(tier.Value, lowestTier.Value, status, dibaoShare, destituteShare));
    }

    /// <summary>
    /// The government contribution subsidy for a tier: the larger of the local schedule and the national floor,
    /// <c>s(t) = max(schedule(t), floor(t))</c> (national floors ≥ 30 at the lowest tier, ≥ 60 from 500 [N]); 0 for tier 0.
    /// </summary>
    /// <param name="tier">The applicable tier, yuan/year (≥ 0).</param>
    /// <param name="schedule">The local (or illustrative) schedule.</param>
    /// <param name="floor">The national floor.</param>
    public static AnnualYuan Subsidy(AnnualYuan tier, SubsidySchedule schedule, SubsidySchedule floor)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(floor);
        CheckAmount(tier.Value, nameof(tier));
        return new AnnualYuan(Math.Max(schedule.Lookup(tier.Value), floor.Lookup(tier.Value)));
    }

    /// <summary>
    /// One year's account credit by payer: the government pays <see cref="GovernmentPaid"/>, the person the rest of
    /// the tier, the government adds <see cref="Subsidy"/> on the whole tier and the collective adds
    /// <paramref name="collective"/>. A tier of 0 (not enrolled) gives <see cref="ResidentContribution.None"/>.
    /// </summary>
    /// <param name="tier">The applicable tier, yuan/year (≥ 0).</param>
    /// <param name="lowestTier">The region's lowest tier, yuan/year.</param>
    /// <param name="status">The person's assistance status.</param>
    /// <param name="dibaoShare">Government-paid share of the lowest tier for dibao recipients (0–1).</param>
    /// <param name="destituteShare">Government-paid share of the lowest tier for destitute persons (0–1).</param>
    /// <param name="schedule">The subsidy schedule.</param>
    /// <param name="floor">The national subsidy floor.</param>
    /// <param name="collective">The collective subsidy, yuan/year (≥ 0).</param>
    public static ResidentContribution Contribution(
        AnnualYuan tier, AnnualYuan lowestTier, AssistanceStatus status, double dibaoShare, double destituteShare,
        SubsidySchedule schedule, SubsidySchedule floor, AnnualYuan collective)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(floor);
        CheckAmount(tier.Value, nameof(tier));
        CheckAmount(lowestTier.Value, nameof(lowestTier));
        CheckShare(dibaoShare, nameof(dibaoShare));
        CheckShare(destituteShare, nameof(destituteShare));
        CheckAmount(collective.Value, nameof(collective));
        return ContributionCore(tier.Value, lowestTier.Value, status, dibaoShare, destituteShare, schedule, floor, collective.Value);
    }

    /// <summary>
    /// The contribution years a person needs for the pension under the transitional rule of 国发〔2009〕32号 art. 7,
    /// kept by 国发〔2014〕8号 art. 8: people already at the pension age when the scheme started need none (they
    /// receive the basic pension; the "family binding" condition is not modelled); people with fewer than the
    /// minimum years left to the pension age at the start need only the years left (they must contribute every
    /// year, arrears allowed); everyone else needs the minimum (15).
    /// </summary>
    /// <param name="age">Age in completed years on the evaluation date (0–120).</param>
    /// <param name="year">The calendar year of the evaluation date.</param>
    /// <param name="schemeStartYear">The calendar year the scheme started in the region.</param>
    /// <param name="pensionAge">The pension age (60).</param>
    /// <param name="minimumYears">The minimum contribution years (15).</param>
    public static double RequiredYears(int age, int year, int schemeStartYear, int pensionAge, double minimumYears)
    {
        if (age is < 0 or > 120)
        {
            throw new ArgumentOutOfRangeException(nameof(age), age, "An age must be between 0 and 120 years.");
        }

        if (!double.IsFinite(minimumYears) || minimumYears < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumYears), minimumYears, "The minimum contribution years must be finite and ≥ 0.");
        }

        return RequiredYearsCore(age, year, schemeStartYear, pensionAge, minimumYears);
    }

    /// <summary>
    /// The monthly pension: <c>basic pension + top-ups + balance/divisor</c> (国发〔2014〕8号 art. 7; docs/rules/pension.resident.md).
    /// The caller decides eligibility (<see cref="RequiredYears"/> and the pension age).
    /// </summary>
    /// <param name="basicPension">The basic pension in force, yuan/month (≥ 0).</param>
    /// <param name="topUps">Top-ups due at the person's age, yuan/month (≥ 0).</param>
    /// <param name="balance">The account balance at the pension age, yuan (≥ 0).</param>
    /// <param name="divisor">The months divisor (139).</param>
    public static ResidentBenefit Benefit(MonthlyYuan basicPension, MonthlyYuan topUps, double balance, double divisor)
    {
        CheckAmount(basicPension.Value, nameof(basicPension));
        CheckAmount(topUps.Value, nameof(topUps));
        return new ResidentBenefit(basicPension, topUps, ResidentPensionAccount.Pension(balance, divisor));
    }

    internal static double GovernmentPaidCore(double tier, double lowestTier, AssistanceStatus status, double dibaoShare, double destituteShare)
    {
        double share = status switch
        {
            AssistanceStatus.Destitute => Math.Max(destituteShare, dibaoShare),
            AssistanceStatus.DibaoRecipient => dibaoShare,
            _ => 0.0,
        };
        return Math.Min(tier, share * lowestTier);
    }

    internal static ResidentContribution ContributionCore(
        double tier, double lowestTier, AssistanceStatus status, double dibaoShare, double destituteShare,
        SubsidySchedule schedule, SubsidySchedule floor, double collective)
    {
        if (tier <= 0)
        {
            return ResidentContribution.None;
        }

        double government = GovernmentPaidCore(tier, lowestTier, status, dibaoShare, destituteShare);
        double subsidy = Math.Max(schedule.Lookup(tier), floor.Lookup(tier));
        return new ResidentContribution(new AnnualYuan(tier), new AnnualYuan(tier - government), new AnnualYuan(government), new AnnualYuan(subsidy), new AnnualYuan(collective));
    }

    internal static double RequiredYearsCore(int age, int year, int schemeStartYear, int pensionAge, double minimumYears)
    {
        int ageAtStart = age - (year - schemeStartYear);
        return ageAtStart >= pensionAge ? 0.0 : Math.Min(minimumYears, pensionAge - ageAtStart);
    }

    private static void CheckAmount(double value, string name)
    {
        if (!double.IsFinite(value) || value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "An amount must be finite and ≥ 0 yuan.");
        }
    }

    private static void CheckShare(double share, string name)
    {
        if (!double.IsFinite(share) || share is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(name, share, "A government-paid share must be a fraction between 0 and 1.");
        }
    }
}
