using System.Collections.Frozen;
using System.Collections.Immutable;
using SocialSecurity.Modeling.Money;
using SocialSecurity.Modeling.Parameters;
using SocialSecurity.Modeling.Regions;
using SocialSecurity.Modeling.Core;
using SocialSecurity.Modeling.Programs.Pensions.Rules;

namespace SocialSecurity.Modeling.Programs.Pensions;

/// <summary>
/// The resident-pension rules in force in one region on one date: every parameter of
/// <see cref="ResidentPensionNames.Parameters"/> resolved once (region → province → nation), with where each value came
/// from, and the calculations of <see cref="ResidentPensionFormulas"/> bound to them. Immutable and thread-safe.
/// Change the rules with a reform of the parameter store, not by editing this object.
/// </summary>
/// <example>
/// <code>
/// var rules = ResidentPensionTerms.Resolve(ParameterStore.Default, new DateOnly(2023, 7, 1), RegionCodes.Kashgar);
/// var credit = rules.Contribution(new AnnualYuan(100), AssistanceStatus.DibaoRecipient, rural: true);
/// // credit.Own = 50, credit.GovernmentPaid = 50, credit.Subsidy = 30
/// </code>
/// </example>
public sealed class ResidentPensionTerms
{
    private readonly FrozenDictionary<string, ResolvedParameter> _sources;
    private readonly double[] _tiers;

    private ResidentPensionTerms(FrozenDictionary<string, ResolvedParameter> sources, DateOnly date, RegionId region)
    {
        _sources = sources;
        Date = date;
        Region = region;
        Tiers = sources[ResidentPensionNames.Parameters.Tiers].Value.Items;
        ResidentPensionTiers.CheckTiers(Tiers, ResidentPensionNames.Parameters.Tiers);
        _tiers = [.. Tiers];
        Schedule = new SubsidySchedule(sources[ResidentPensionNames.Parameters.SubsidyThresholds].Value.Items, sources[ResidentPensionNames.Parameters.SubsidyAmounts].Value.Items);
        Floor = new SubsidySchedule(sources[ResidentPensionNames.Parameters.SubsidyFloorThresholds].Value.Items, sources[ResidentPensionNames.Parameters.SubsidyFloorAmounts].Value.Items);
        DibaoShare = sources[ResidentPensionNames.Parameters.GovernmentPaidShareDibao].Scalar();
        DestituteShare = sources[ResidentPensionNames.Parameters.GovernmentPaidShareDestitute].Scalar();
        CollectiveSubsidy = new AnnualYuan(sources[ResidentPensionNames.Parameters.CollectiveSubsidy].PerYear());
        InterestRate = sources[ResidentPensionNames.Parameters.InterestRate].Scalar();
        Divisor = sources[ResidentPensionNames.Parameters.Divisor].Scalar();
        PensionAge = (int)sources[ResidentPensionNames.Parameters.PensionAge].Scalar();
        MinimumYears = sources[ResidentPensionNames.Parameters.MinimumYears].Scalar();
        MinimumContributionAge = (int)sources[ResidentPensionNames.Parameters.MinimumContributionAge].Scalar();
        SchemeStartYear = (int)sources[ResidentPensionNames.Parameters.SchemeStartYear].Scalar();
        BasicPension = new MonthlyYuan(sources[ResidentPensionNames.Parameters.BasicPension].PerMonth());
        AgeTopUp = new AgeTopUp((int)sources[ResidentPensionNames.Parameters.AgeTopUpAge].Scalar(), new MonthlyYuan(sources[ResidentPensionNames.Parameters.AgeTopUpAmount].PerMonth()));
        OldAgeAllowance = new AgeTopUp((int)sources[ResidentPensionNames.Parameters.OldAgeAllowanceAge].Scalar(), new MonthlyYuan(sources[ResidentPensionNames.Parameters.OldAgeAllowanceAmount].PerMonth()));
        LongContributionTopUp = new MonthlyYuan(sources[ResidentPensionNames.Parameters.LongContributionTopUp].PerMonth());
    }

    /// <summary>The date the rules are in force on.</summary>
    public DateOnly Date { get; }

    /// <summary>The region the rules apply in.</summary>
    public RegionId Region { get; }

    /// <summary>The contribution tiers, yuan/year, ascending; the first is the lowest tier.</summary>
    public ImmutableArray<double> Tiers { get; }

    /// <summary>The lowest tier, yuan/year: the tier vulnerable groups keep and the base of government-paid contributions.</summary>
    public AnnualYuan LowestTier => new(_tiers[0]);

    /// <summary>The local (or illustrative) subsidy schedule.</summary>
    public SubsidySchedule Schedule { get; }

    /// <summary>The national subsidy floor.</summary>
    public SubsidySchedule Floor { get; }

    /// <summary>Government-paid share of the lowest tier for dibao recipients.</summary>
    public double DibaoShare { get; }

    /// <summary>Government-paid share of the lowest tier for destitute persons.</summary>
    public double DestituteShare { get; }

    /// <summary>The village-collective subsidy for rural contributors, yuan/year.</summary>
    public AnnualYuan CollectiveSubsidy { get; }

    /// <summary>The account crediting rate per year.</summary>
    public double InterestRate { get; }

    /// <summary>The account pension divisor, months.</summary>
    public double Divisor { get; }

    /// <summary>The pension age.</summary>
    public int PensionAge { get; }

    /// <summary>The minimum contribution years.</summary>
    public double MinimumYears { get; }

    /// <summary>The youngest age at which a person contributes.</summary>
    public int MinimumContributionAge { get; }

    /// <summary>The calendar year the scheme started in the region.</summary>
    public int SchemeStartYear { get; }

    /// <summary>The basic pension, yuan/month.</summary>
    public MonthlyYuan BasicPension { get; }

    /// <summary>The local age top-up of the basic pension.</summary>
    public AgeTopUp AgeTopUp { get; }

    /// <summary>The old-age allowance paid with the pension.</summary>
    public AgeTopUp OldAgeAllowance { get; }

    /// <summary>The long-contribution top-up, yuan/month per year beyond <see cref="MinimumYears"/>.</summary>
    public MonthlyYuan LongContributionTopUp { get; }

    /// <summary>Resolves the rules in force on <paramref name="date"/> in the region with <paramref name="regionCode"/>.</summary>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    /// <param name="date">The date.</param>
    /// <param name="regionCode">A GB/T 2260 code from the store's catalogue.</param>
    /// <exception cref="ParameterNotFoundException">A parameter has no value in force there.</exception>
    public static ResidentPensionTerms Resolve(ParameterStore parameters, DateOnly date, string regionCode)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(regionCode);
        return Resolve(parameters, date, parameters.Regions.GetId(regionCode));
    }

    /// <summary>Resolves the rules in force on <paramref name="date"/> in <paramref name="region"/>.</summary>
    /// <param name="parameters">The parameter store (baseline or reformed).</param>
    /// <param name="date">The date.</param>
    /// <param name="region">A region of the store's catalogue.</param>
    /// <exception cref="ParameterNotFoundException">A parameter has no value in force there.</exception>
    public static ResidentPensionTerms Resolve(IParameterSource parameters, DateOnly date, RegionId region)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sources = ResidentPensionNames.Parameters.All.ToFrozenDictionary(name => name, name => parameters.Resolve(name, date, region), StringComparer.Ordinal);
        return new ResidentPensionTerms(sources, date, region);
    }

    /// <summary>Where the value of a resident-pension parameter comes from (value, provenance, region, date, source).</summary>
    /// <param name="parameter">One of <see cref="ResidentPensionNames.Parameters"/>.</param>
    /// <exception cref="KeyNotFoundException">Not a resident-pension parameter.</exception>
    public ResolvedParameter Source(string parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return _sources.TryGetValue(parameter, out var source)
            ? source
            : throw new KeyNotFoundException($"'{parameter}' is not a resident-pension parameter; see ResidentPensionNames.Parameters.All.");
    }

    /// <summary>The tier that applies to a chosen amount (<see cref="ResidentPensionTiers.Applicable"/> over <see cref="Tiers"/>).</summary>
    /// <param name="chosen">The chosen amount, yuan/year (≥ 0; 0 = not enrolled).</param>
    public AnnualYuan ApplicableTier(AnnualYuan chosen) => ResidentPensionTiers.Applicable(chosen, Tiers);

    /// <summary>The government subsidy for a tier: max(schedule, national floor).</summary>
    /// <param name="tier">The tier, yuan/year.</param>
    public AnnualYuan Subsidy(AnnualYuan tier) => ResidentPensionFormulas.Subsidy(tier, Schedule, Floor);

    /// <summary>
    /// One year's account credit by payer for a person who chose <paramref name="chosenTier"/>: the chosen amount
    /// is snapped to a listed tier, the government pays its share of the lowest tier for dibao recipients and
    /// destitute persons, the subsidy is added, and rural contributors get the collective subsidy.
    /// </summary>
    /// <param name="chosenTier">The chosen amount, yuan/year (0 = not enrolled).</param>
    /// <param name="status">The person's assistance status.</param>
    /// <param name="rural">Whether the person lives in a rural area (collective subsidies are paid by village collectives).</param>
    public ResidentContribution Contribution(AnnualYuan chosenTier, AssistanceStatus status, bool rural)
    {
        var tier = ApplicableTier(chosenTier);
        return ContributionFor(tier.Value, status, rural);
    }

    /// <summary>The contribution years a person of <paramref name="age"/> needs for the pension on <see cref="Date"/> (transitional rule, see <see cref="ResidentPensionFormulas.RequiredYears"/>).</summary>
    /// <param name="age">Age in completed years.</param>
    public double RequiredYears(int age) => ResidentPensionFormulas.RequiredYears(age, Date.Year, SchemeStartYear, PensionAge, MinimumYears);

    /// <summary>Whether a person qualifies for the pension: at or above the pension age with at least <see cref="RequiredYears"/> contribution years.</summary>
    /// <param name="age">Age in completed years.</param>
    /// <param name="contributionYears">Contribution years (≥ 0).</param>
    public bool IsEligible(int age, double contributionYears)
    {
        if (!double.IsFinite(contributionYears) || contributionYears < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(contributionYears), contributionYears, "Contribution years must be finite and ≥ 0.");
        }

        return age >= PensionAge && contributionYears >= RequiredYears(age);
    }

    /// <summary>
    /// The monthly pension of an eligible person: basic pension + age top-up + old-age allowance + long-contribution
    /// top-up (per year beyond the minimum) + balance/divisor. <see cref="ResidentBenefit.None"/> when not eligible.
    /// </summary>
    /// <param name="age">Age in completed years.</param>
    /// <param name="contributionYears">Contribution years.</param>
    /// <param name="accountBalance">The account balance at the pension age, yuan (≥ 0).</param>
    public ResidentBenefit Benefit(int age, double contributionYears, double accountBalance)
    {
        if (!IsEligible(age, contributionYears))
        {
            return ResidentBenefit.None;
        }

        return ResidentPensionFormulas.Benefit(BasicPension, TopUpsAt(age, contributionYears), accountBalance, Divisor);
    }

    /// <summary>The top-ups due at <paramref name="age"/> after <paramref name="contributionYears"/> years: age top-up + old-age allowance + long-contribution top-up, yuan/month.</summary>
    /// <param name="age">Age in completed years.</param>
    /// <param name="contributionYears">Contribution years.</param>
    public MonthlyYuan TopUpsAt(int age, double contributionYears)
        => new(AgeTopUp.At(age).Value + OldAgeAllowance.At(age).Value + (LongContributionTopUp.Value * Math.Floor(Math.Max(0.0, contributionYears - MinimumYears))));

    internal ResidentContribution ContributionFor(double tier, AssistanceStatus status, bool rural)
        => ResidentPensionFormulas.ContributionCore(tier, _tiers[0], status, DibaoShare, DestituteShare, Schedule, Floor, rural ? CollectiveSubsidy.Value : 0.0);

    internal double Snap(double chosen) => ResidentPensionTiers.Snap(chosen, _tiers);
}
